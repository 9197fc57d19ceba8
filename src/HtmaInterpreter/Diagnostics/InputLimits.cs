namespace HtmaInterpreter.Diagnostics;

/// <summary>
/// Every size and depth limit the library puts on its input, in one place. Each is far above anything a real lab file,
/// rule file or definitions folder needs; input past a limit is not read further and becomes a diagnostic with its own
/// code (named beside each limit), never an exception or unbounded memory. The README's "Limits" table lists them.
/// </summary>
public static class InputLimits
{
    // ---- Documents read whole (YAML/JSON panels, client context, rules, definitions) ----

    /// <summary>
    /// The largest YAML or JSON file read whole: 16 MiB of UTF-8 (a file of a thousand panels is about 1 MB). Past it the
    /// file is not read, and no more of it than the limit and a buffer is held (<see cref="DiagnosticCodes.InputTooLarge"/>).
    /// A panel file whose format is told from its content is read up to the limit to tell it; a CSV is then read on
    /// (a record at a time), anything else is too large.
    /// </summary>
    public const int MaxDocumentBytes = 16 * 1024 * 1024;

    /// <summary>
    /// The deepest nesting of lists and maps in a panel file: 8 (the deepest a panel file needs is 5: panels, list,
    /// panel, measurements, measurement). Deeper parts are skipped (<see cref="DiagnosticCodes.NestingTooDeep"/>); a panel
    /// file nested deeper than <see cref="MaxDefinitionNesting"/> is not used at all, like any other document.
    /// </summary>
    public const int MaxPanelNesting = 8;

    /// <summary>
    /// The deepest nesting of lists and maps in a client context, rule or definitions file: 32 (the deepest a
    /// shipped file needs is 5). Such a file is not used (<see cref="DiagnosticCodes.NestingTooDeep"/>). It bounds every
    /// YAML and JSON document, panels too: parsing stops there, so reading time stays linear in the file's size.
    /// </summary>
    public const int MaxDefinitionNesting = 32;


    // ---- Rule conditions (`when:`) ----

    /// <summary>The longest rule condition: 10,000 characters (the longest shipped one has a few hundred) (<see cref="DiagnosticCodes.ConditionTooLong"/>).</summary>
    public const int MaxConditionCharacters = 10_000;

    /// <summary>The deepest nesting of parentheses and <c>not</c> in a rule condition: 32 (<see cref="DiagnosticCodes.ConditionTooDeep"/>).</summary>
    public const int MaxConditionNesting = 32;

    /// <summary>The most comparisons and pattern tests in one rule condition: 256 (<see cref="DiagnosticCodes.ConditionTooManyTerms"/>).</summary>
    public const int MaxConditionTerms = 256;


    // ---- CSV ----

    /// <summary>
    /// The longest CSV record (one line, or several when a quoted field spans lines): 1 MiB of characters. A quote left
    /// open ends there; reading resumes at the next line (<see cref="DiagnosticCodes.RecordTooLong"/>).
    /// </summary>
    public const int MaxRecordCharacters = 1024 * 1024;

    /// <summary>The most columns in a CSV header: 4,096 (a wide export has about 60) (<see cref="DiagnosticCodes.TooManyColumns"/>).</summary>
    public const int MaxColumns = 4096;

    /// <summary>
    /// The most <c># key: value</c> metadata lines before a CSV header: 1,000 (a one-report export has about ten). They are
    /// kept until the header is read, so past this the file is not read (<see cref="DiagnosticCodes.TooManyMetadataLines"/>).
    /// Comment and blank lines are not kept and not counted.
    /// </summary>
    public const int MaxMetadataLines = 1000;

    /// <summary>
    /// How many distinct sample ids of one file are remembered to find an id given twice
    /// (<see cref="DiagnosticCodes.DuplicateSampleId"/>): 262,144, in 6 MB at most (12 bytes a slot, the table at most
    /// three quarters full). Not a limit on the input: a file may have more rows, and each is still checked against the
    /// ids remembered, but an id first seen after these is not remembered, so a repeat of it is not reported.
    /// </summary>
    public const int MaxSampleIdsRemembered = 1 << 18;


    // ---- Report branding (`ReportBranding`, `--branding FILE`) ----

    /// <summary>
    /// The largest practice logo: 262,144 bytes (256 KiB; a letterhead logo is a few KiB). It is embedded in every report
    /// as a <c>data:</c> URI, a third larger again. A larger logo is left out (<see cref="DiagnosticCodes.LogoTooLarge"/>).
    /// </summary>
    public const int MaxLogoBytes = 256 * 1024;

    /// <summary>The longest extra CSS of a branding: 32,768 characters; longer CSS is left out (<see cref="DiagnosticCodes.BrandingCssTooLong"/>).</summary>
    public const int MaxBrandingCssCharacters = 32 * 1024;

    /// <summary>
    /// The longest practice name, footer or address line of a branding: 200 characters; a longer one is left out
    /// (<see cref="DiagnosticCodes.BrandingTextTooLong"/>).
    /// </summary>
    public const int MaxBrandingTextCharacters = 200;

    /// <summary>The most address lines of a branding: 8; a longer address is left out (<see cref="DiagnosticCodes.TooManyAddressLines"/>).</summary>
    public const int MaxBrandingAddressLines = 8;
}
