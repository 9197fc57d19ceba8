using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>
/// Rendering never throws on a value reading accepted: the ends of the decimal range, tiny values, zero, detection
/// limits and huge or tiny ratios, in every unit, through every report format, every lab profile and the comparison.
/// </summary>
public sealed class ExtremeValueTests
{
    private const string Tiny = "0.0000000000000000000000000001";

    private static readonly string[] Values =
    [
        "79228162514264337593543950335", // decimal.MaxValue
        "8000000000000000000000000000",
        "7922816251426433759354396", // just above what converts from mg% to ppb
        Tiny,
        "0",
        "<79228162514264337593543950335",
        ">79228162514264337593543950335",
        "1e-400",
    ];

    // One unit of each factor to mg% (1, 10, 10,000): ppm and mg/kg convert as µg/g does, ng/g as ppb.
    private static readonly string[] Units = ["mg%", "µg/g", "ppb"];

    private static readonly string[] Elements = ["Ca", "Mg", "Na", "K", "Cu", "Zn", "P", "Fe", "Hg", "Pb", "Al", "Cd"];

    /// <summary>A wide CSV with three rows per value and unit: every element at the value; high over tiny (huge ratios); tiny over high.</summary>
    private static string Csv()
    {
        var csv = new StringBuilder("sample_id,subject_id,collected,sex,unit," + string.Join(',', Elements) + "\n");
        var row = 0;
        foreach (var unit in Units)
        {
            foreach (var value in Values)
            {
                string[][] shapes =
                [
                    [.. Elements.Select(_ => value)],
                    [.. Elements.Select((_, i) => i % 2 == 0 ? value : Tiny)],
                    [.. Elements.Select((_, i) => i % 2 == 0 ? Tiny : value)],
                ];
                foreach (var (shape, day) in shapes.Select((s, d) => (s, d + 1)))
                {
                    csv.Append(CultureInfo.InvariantCulture, $"X-{row++},P-{unit}-{value},2026-0{day}-01,female,{unit},{string.Join(',', shape)}\n");
                }
            }
        }

        return csv.ToString();
    }

    private string _definitions = "";

    /// <summary>The shipped definitions and one more lab profile that reports in ppb, the unit 10,000 times mg%.</summary>
    [OneTimeSetUp]
    public void CopyDefinitionsWithAPpbLab()
    {
        var source = Path.Combine(TestPaths.RepositoryRoot(), "ratios");
        _definitions = Path.Combine(Path.GetTempPath(), "htma-extreme-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path.Combine(_definitions, "labs"));
        File.Copy(Path.Combine(source, "ratios.yaml"), Path.Combine(_definitions, "ratios.yaml"));
        File.Copy(Path.Combine(source, "oxidation.yaml"), Path.Combine(_definitions, "oxidation.yaml"));
        Directory.CreateDirectory(Path.Combine(_definitions, "rules"));
        foreach (var folder in new[] { "labs", "rules" })
        {
            foreach (var file in Directory.GetFiles(Path.Combine(source, folder), "*.yaml"))
            {
                File.Copy(file, Path.Combine(_definitions, folder, Path.GetFileName(file)));
            }
        }

        File.WriteAllText(
            Path.Combine(_definitions, "labs", "ppb.yaml"),
            "id: ppb-lab\nname: A lab reporting in ppb\nreporting_unit: ppb\ntreatment: unwashed\nideal_tradition: wilson\nsource: test\n" +
            "reference_ranges:\n  Ca: { low: 300000, high: 1200000, source: test }\ntoxic_limits:\n  Pb: { limit: 1000, source: test }\n");
    }

    [OneTimeTearDown]
    public void DeleteDefinitions() => Directory.Delete(_definitions, recursive: true);

    [Test]
    public void Every_report_format_renders_extreme_accepted_values_for_every_lab_profile_and_in_comparisons()
    {
        var read = new PanelReader().ReadText(Csv(), "extreme.csv");
        read.Value!.Should().HaveCount(Units.Length * Values.Length * 3);
        var formats = Enum.GetValues<ReportFormat>();

        foreach (var lab in new[] { "doctors-data", "ppb-lab" }) // µg/g and ppb (mg% needs no conversion)
        {
            var created = Interpreter.Create(new InterpreterOptions { LabId = lab, DefinitionsDirectory = _definitions });
            created.Diagnostics.Should().NotContain(d => d.Severity == DiagnosticSeverity.Error);
            var interpreter = created.Value!;
            var interpretations = read.Value!.Select(p => interpreter.Interpret(p)).ToList();
            foreach (var format in formats)
            {
                var report = ReportRenderer.Render(interpretations, format, readDiagnostics: read.Diagnostics);
                report.Should().NotBeNullOrEmpty($"{format} for {lab}");
            }

            var comparer = new RetestComparer(interpreter);
            foreach (var series in read.Value!.Chunk(3))
            {
                var compared = comparer.Compare(series);
                compared.Value.Should().NotBeNull(string.Join(" | ", compared.Diagnostics));
                foreach (var format in formats)
                {
                    ComparisonReport.Render(compared.Value!, format).Should().NotBeNullOrEmpty();
                }
            }
        }
    }
}
