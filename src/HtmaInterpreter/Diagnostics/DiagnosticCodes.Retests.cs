namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>A comparison needs at least two panels; fewer were given (error).</summary>
    public const string RetestTooFewPanels = "HTMA0801";

    /// <summary>The panels name different subject ids, so they are not the tests of one person (error).</summary>
    public const string RetestDifferentSubjects = "HTMA0802";

    /// <summary>Two panels were collected on the same date; they are kept in the order given (warning).</summary>
    public const string RetestSameDate = "HTMA0803";

    /// <summary>A panel has no collection date; the panels are compared in the order given and no trend is computed (warning).</summary>
    public const string RetestMissingDate = "HTMA0804";

    /// <summary>An element is reported on some tests only; it is shown with a gap for the others (info).</summary>
    public const string RetestElementNotOnEveryTest = "HTMA0805";

    /// <summary>Some panels have no subject id, so it cannot be checked that every test belongs to one person (info).</summary>
    public const string RetestSubjectNotChecked = "HTMA0806";

    /// <summary>The tests come from different lab profiles; values are compared in mg% and judged against the latest test's profile (info).</summary>
    public const string RetestDifferentLabs = "HTMA0807";
}
