using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Tests.Retests;

/// <summary>Builds dated ARL panels in code for comparison tests.</summary>
internal static class RetestPanels
{
    public static Measurement M(string symbol, decimal value, ConcentrationUnit unit = ConcentrationUnit.MilligramPercent) =>
        new(symbol, ElementCatalog.Default[symbol], new Concentration(value, unit));

    public static Panel Panel(string sampleId, string? collected, params Measurement[] measurements) =>
        new(sampleId, measurements)
        {
            SubjectId = "P-1",
            Lab = "ARL",
            Sex = Sex.Female,
            CollectedOn = collected is null ? null : DateOnly.Parse(collected, System.Globalization.CultureInfo.InvariantCulture),
        };

    /// <summary>A panel with Ca, Mg, Na, K, Zn and Cu (mg%) and any extra measurements.</summary>
    public static Panel Basic(string sampleId, string? collected, decimal ca, decimal mg, decimal na, decimal k, decimal zn = 18, decimal cu = 2.25m, params Measurement[] more) =>
        Panel(sampleId, collected, [M("Ca", ca), M("Mg", mg), M("Na", na), M("K", k), M("Zn", zn), M("Cu", cu), .. more]);
}
