using Hl7.Fhir.Model;

namespace HtmaInterpreter.Fhir;

/// <summary>What the host adds to an export: who the report is about and who performed it.</summary>
public sealed record FhirExportOptions
{
    /// <summary>The default: a Patient entry from the panel's subject id and sex, the lab's name as performer display.</summary>
    public static FhirExportOptions Default { get; } = new();

    /// <summary>
    /// The subject of the report and of every Observation (e.g. <c>Patient/123</c> on the host's server). When null
    /// (the default) the bundle holds its own Patient entry carrying the panel's subject id and sex, when the panel
    /// has either.
    /// </summary>
    public ResourceReference? Subject { get; init; }

    /// <summary>The performer of the report and of the Observations the lab reported (element values, age; not the ratios, oxidation type and findings this library worked out). When null, a display-only reference to the panel's lab, if named.</summary>
    public ResourceReference? Performer { get; init; }

    /// <summary>Whether the HTML report is attached as the DiagnosticReport's <c>presentedForm</c> (default true).</summary>
    public bool IncludeHtmlReport { get; init; } = true;
}
