using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Tests.Ratios;

/// <summary>Builds panels in code for ratio and oxidation tests.</summary>
internal static class TestPanels
{
    public static Measurement M(string symbol, decimal value, ConcentrationUnit unit = ConcentrationUnit.MilligramPercent, MeasurementQualifier qualifier = MeasurementQualifier.Exact) =>
        new(symbol, ElementCatalog.Default[symbol], new Concentration(value, unit), qualifier);

    public static Panel Panel(string? lab, params Measurement[] measurements) => new("S-TEST", measurements) { Lab = lab };

    /// <summary>An ARL panel in mg% with the four oxidation elements and given values.</summary>
    public static Panel Arl(decimal ca, decimal mg, decimal na, decimal k, params Measurement[] more) =>
        Panel("ARL", [M("Ca", ca), M("Mg", mg), M("Na", na), M("K", k), .. more]);

    public static string RepositoryRatiosFolder()
    {
        var directory = new DirectoryInfo(TestContext.CurrentContext.TestDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "ratios", "ratios.yaml")))
        {
            directory = directory.Parent;
        }

        return directory is null
            ? throw new InvalidOperationException("The repository's ratios folder was not found above the test directory.")
            : Path.Combine(directory.FullName, "ratios");
    }
}
