namespace HtmaInterpreter.Fhir;

/// <summary>
/// Diagnostic codes of the FHIR import, in their own range <c>HTMA10xx</c> (the core library's codes,
/// <see cref="HtmaInterpreter.Diagnostics.DiagnosticCodes"/>, use <c>HTMA01xx</c> to <c>HTMA09xx</c>; the import also
/// reports the core's codes where the problem is the same, e.g. an unknown element or unit, an empty or too large input).
/// </summary>
public static class FhirDiagnosticCodes
{
    /// <summary>The text is not JSON, or not FHIR R4 JSON at some place (error). The location names the JSON path and line.</summary>
    public const string InvalidJson = "HTMA1001";

    /// <summary>The document is a resource the import does not read: not a Bundle, an Observation or a list of Observations (error).</summary>
    public const string UnsupportedResource = "HTMA1002";

    /// <summary>An Observation's specimen is not hair (error; the Observation is not read).</summary>
    public const string NotHair = "HTMA1003";

    /// <summary>An Observation's code is neither a hair LOINC code nor an element name (warning; the Observation is not read).</summary>
    public const string NotAnElement = "HTMA1004";

    /// <summary>An element Observation has no value the import can read: no value, a data-absent reason, or a value of another type (warning; not read).</summary>
    public const string NoValue = "HTMA1005";

    /// <summary>A comparator other than <c>&lt;</c> or <c>&gt;</c> (<c>&lt;=</c>, <c>&gt;=</c>, <c>ad</c>) (error; not read).</summary>
    public const string UnsupportedComparator = "HTMA1006";

    /// <summary>A reference (a report's result or an Observation's specimen) names no entry of the bundle (warning).</summary>
    public const string UnresolvedReference = "HTMA1007";

    /// <summary>The bundle's ratios, oxidation type and findings are not read: they are computed again from the elements (info).</summary>
    public const string DerivedObservationsSkipped = "HTMA1008";

    /// <summary>A report or Observation its sender marked <c>entered-in-error</c> or <c>cancelled</c> is not read (warning).</summary>
    public const string WithdrawnResult = "HTMA1009";

    /// <summary>
    /// An Observation in no report that names no subject or no date, while the file's other such Observations belong to
    /// more than one person or date: it cannot be placed in a panel (error; not read).
    /// </summary>
    public const string UngroupedObservation = "HTMA1010";
}
