using HtmaInterpreter.Fhir;

namespace HtmaInterpreter.Cli.Output;

/// <summary><c>htma interpret --format fhir</c>: the interpretations as one FHIR R4 collection Bundle in JSON.</summary>
internal static class FhirOutput
{
    /// <summary>
    /// The bundle <see cref="FhirExporter.ToBundle(IReadOnlyList{Interpretation}, FhirExportOptions?)"/> makes: each
    /// interpretation's DiagnosticReport with its own Observations, in order, which the FHIR reader reads back as one
    /// panel each (entries unique even when two panels share a sample id); none gives an empty collection bundle.
    /// Ends with a newline.
    /// </summary>
    internal static string ToJson(IReadOnlyList<Interpretation> interpretations) => FhirExporter.ToJson(interpretations) + "\n";
}
