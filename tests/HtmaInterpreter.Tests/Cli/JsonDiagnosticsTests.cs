using System.Text.Json;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>Item 8 of issue 13: <c>--format json</c> never hides the diagnostics, and every format shows them alike.</summary>
public class JsonDiagnosticsTests : CommandTestBase
{
    private static string Invalid(string name) => TestPaths.Sample(Path.Combine("invalid", name));

    [TestCase("empty.csv", "HTMA0101", 1, 1)]
    [TestCase("json-syntax.json", "HTMA0108", 5, 10)]
    [TestCase("yaml-syntax.yaml", "HTMA0108", 6, 4)]
    public void Interpret_json_of_a_file_with_nothing_readable_carries_the_diagnostics_and_prints_them(string name, string code, int line, int column)
    {
        var path = Invalid(name);

        Run("interpret", path, "--format", "json").Should().Be(1);

        using var json = JsonDocument.Parse(Stdout.ToString());
        var root = json.RootElement;
        root.ValueKind.Should().Be(JsonValueKind.Object);
        root.GetProperty("schemaVersion").GetInt32().Should().Be(JsonReport.SchemaVersion);
        root.GetProperty("interpretations").GetArrayLength().Should().Be(0);
        var diagnostic = root.GetProperty("diagnostics").EnumerateArray().First(d => d.GetProperty("code").GetString() == code);
        diagnostic.GetProperty("severity").GetString().Should().Be("error");
        diagnostic.GetProperty("file").GetString().Should().Be(path);
        diagnostic.GetProperty("line").GetInt32().Should().Be(line);
        diagnostic.GetProperty("column").GetInt32().Should().Be(column);
        Stderr.ToString().Should().StartWith($"{path}:{line}:{column}").And.Contain($": error {code}: ");
    }

    [Test]
    public void A_csv_without_a_sample_id_column_gives_a_json_document_with_its_error()
    {
        var path = Write("no-id.csv", "name,Ca (mg%)\nx,3\n");

        Run("interpret", path, "--format", "json").Should().Be(1);

        using var json = JsonDocument.Parse(Stdout.ToString());
        json.RootElement.GetProperty("interpretations").GetArrayLength().Should().Be(0);
        json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString().Should().Be(DiagnosticCodes.MissingRequiredColumn);
        Stderr.ToString().Should().StartWith($"{path}:1:1: error HTMA0103: ");
    }

    [Test]
    public void A_binary_file_gives_a_json_document_with_its_error()
    {
        var path = Path.Combine(Folder, "photo.csv");
        File.WriteAllBytes(path, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0xFF, 0xFE]);

        Run("interpret", path, "--format", "json").Should().Be(1);

        using var json = JsonDocument.Parse(Stdout.ToString());
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Should().Contain(d => d.GetProperty("severity").GetString() == "error");
        Stderr.ToString().Should().StartWith($"{path}:").And.Contain(": error HTMA01");
    }

    [TestCase("json")]
    [TestCase("text")]
    [TestCase("markdown")]
    [TestCase("html")]
    public void With_out_every_format_puts_the_diagnostics_in_the_file_and_on_stderr(string format)
    {
        var path = Invalid("ragged-rows.csv");
        var target = Path.Combine(Folder, "report");

        Run("interpret", path, "--format", format, "--out", target).Should().Be(1);

        Stdout.ToString().Should().BeEmpty();
        Stderr.ToString().Should().StartWith($"{path}:6:8: error HTMA0106: This row has 4 fields but the header has 3;");
        File.ReadAllText(target).Should().Contain("HTMA0106");
    }

    [Test]
    public void Remarks_stay_in_the_report_only_errors_and_warnings_go_to_stderr()
    {
        Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "json").Should().Be(0);

        using var json = JsonDocument.Parse(Stdout.ToString());
        json.RootElement.GetProperty("diagnostics").EnumerateArray().Should().Contain(d => d.GetProperty("severity").GetString() == "info");
        Stderr.ToString().Should().BeEmpty();
    }

    [Test]
    public void Compare_json_of_panels_of_different_people_is_a_document_with_the_diagnostics()
    {
        var older = TestPaths.Sample("retest-P-0009-2025-10-06.csv");
        var other = Write("other.yaml", "sample_id: S-9\nsubject_id: P-0010\nlab: ARL\ncollected: 2026-03-01\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 50 }\n");
        var target = Path.Combine(Folder, "comparison.json");

        Run("compare", older, other, "--format", "json", "--out", target).Should().Be(1);

        using var json = JsonDocument.Parse(File.ReadAllText(target));
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(ComparisonReport.SchemaVersion);
        root.GetProperty("kind").GetString().Should().Be("retest-comparison");
        root.GetProperty("tests").GetArrayLength().Should().Be(0);
        root.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Should().Contain(DiagnosticCodes.RetestDifferentSubjects);
        Stderr.ToString().Should().Contain($"error {DiagnosticCodes.RetestDifferentSubjects}: ");
        Stdout.ToString().Should().BeEmpty();
    }

    [Test]
    public void Compare_json_of_unreadable_files_is_a_document_with_their_errors()
    {
        var empty = Invalid("empty.csv");
        var broken = Invalid("json-syntax.json");

        Run("compare", empty, broken, "--format", "json").Should().Be(1);

        using var json = JsonDocument.Parse(Stdout.ToString());
        var files = json.RootElement.GetProperty("diagnostics").EnumerateArray()
            .Where(d => d.GetProperty("severity").GetString() == "error" && d.TryGetProperty("line", out _))
            .Select(d => d.GetProperty("file").GetString());
        files.Should().Contain([empty, broken]);
        Stderr.ToString().Should().Contain($"{empty}:1:1: error HTMA0101").And.Contain($"{broken}:5:10: error HTMA0108");
    }

    [Test]
    public void Compare_with_the_report_in_a_file_prints_its_warnings_on_stderr()
    {
        var older = TestPaths.Sample("retest-P-0009-2025-10-06.csv");
        var same = Write("same.yaml", "sample_id: S-9\nsubject_id: P-0009\nlab: ARL\ncollected: 2025-10-06\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 50 }\n");

        Run("compare", older, same, "--format", "html", "--out", Path.Combine(Folder, "c.html")).Should().Be(0);

        Stderr.ToString().Should().Contain("warning HTMA0803");
    }

    [Test]
    public void The_library_renders_no_interpretation_as_an_object_with_the_diagnostics()
    {
        var diagnostic = Diagnostic.Error(DiagnosticCodes.EmptyInput, "The file is empty.", new SourceLocation("a.csv", 1, 1));

        using var json = JsonDocument.Parse(ReportRenderer.Render([], ReportFormat.Json, readDiagnostics: [diagnostic]));

        json.RootElement.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        json.RootElement.GetProperty("generator").GetProperty("name").GetString().Should().Be("HtmaInterpreter");
        json.RootElement.GetProperty("interpretations").GetArrayLength().Should().Be(0);
        json.RootElement.GetProperty("diagnostics")[0].GetProperty("code").GetString().Should().Be(DiagnosticCodes.EmptyInput);
    }
}
