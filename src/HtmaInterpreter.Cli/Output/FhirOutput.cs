using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;
using HtmaInterpreter.Fhir;

namespace HtmaInterpreter.Cli.Output;

/// <summary><c>htma interpret --format fhir</c>: the interpretations as one FHIR R4 collection Bundle in JSON.</summary>
internal static class FhirOutput
{
    private static readonly JsonSerializerOptions Pretty = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    /// <summary>
    /// One interpretation gives the bundle <see cref="FhirExporter"/> makes of it; several give one collection bundle
    /// with the entries of each one's bundle, in order (each a DiagnosticReport with its own Observations, which the
    /// FHIR reader reads back as one panel each); none gives an empty collection bundle. Ends with a newline.
    /// </summary>
    internal static string ToJson(IReadOnlyList<Interpretation> interpretations)
    {
        if (interpretations.Count == 1)
        {
            return FhirExporter.ToJson(interpretations[0]) + "\n";
        }

        var bundle = new Bundle { Type = Bundle.BundleType.Collection };
        foreach (var interpretation in interpretations)
        {
            bundle.Entry.AddRange(FhirExporter.ToBundle(interpretation).Entry);
        }

        return JsonSerializer.Serialize(bundle, Pretty) + "\n";
    }
}
