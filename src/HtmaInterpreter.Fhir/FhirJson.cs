using System.Text.Json;
using Hl7.Fhir.Model;
using Hl7.Fhir.Serialization;

namespace HtmaInterpreter.Fhir;

/// <summary>The System.Text.Json options for FHIR R4 resources (Firely's converters), built once and never changed.</summary>
internal static class FhirJson
{
    /// <summary>Indented output.</summary>
    public static JsonSerializerOptions Pretty { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector).Pretty();

    /// <summary>Compact output; also used to read.</summary>
    public static JsonSerializerOptions Compact { get; } = new JsonSerializerOptions().ForFhir(ModelInfo.ModelInspector);
}
