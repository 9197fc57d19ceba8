using System.Text.Json;
using System.Text.Json.Serialization;
using HtmaInterpreter.Ratios;
using static HtmaInterpreter.Tests.Ratios.TestPanels;

namespace HtmaInterpreter.Tests.Ratios;

public class MineralAnalysisSerializationTests
{
    private static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower) },
    };

    [Test]
    public void Analysis_serialises_to_json_with_plain_properties()
    {
        var analysis = MineralAnalyzer.Default.Analyze(Arl(100m, 10m, 20m, 5m));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize(analysis, Options));

        json.RootElement.GetProperty("oxidation").GetProperty("type").GetString().Should().Be("slow");
        json.RootElement.GetProperty("oxidation").GetProperty("degree").GetString().Should().Be("mild");
        json.RootElement.GetProperty("ratios")[0].GetProperty("name").GetString().Should().Be("Ca/Mg");
        json.RootElement.GetProperty("lab").GetProperty("id").GetString().Should().Be("arl");
    }
}
