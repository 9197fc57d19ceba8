using System.Text.RegularExpressions;
using HtmaInterpreter.Testing;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Tests.Readme;

/// <summary>The C# example in README.md ("Using the library") is this file's <see cref="Example"/>, compiled and run here.</summary>
[NonParallelizable]
public partial class ReadmeExampleTests
{
    private static void Example()
    {
        // README example start
        var read = new PanelReader().ReadFile("samples/slow-oxidizer.csv");
        foreach (var diagnostic in read.Diagnostics) Console.Error.WriteLine(diagnostic);
        foreach (var panel in read.Value ?? [])
        {
            Interpretation result = Interpreter.Default.Interpret(panel);
            Console.WriteLine($"{panel.SampleId}: {result.Oxidation.Type}, {result.Findings.Count} findings");
            Console.WriteLine(ReportRenderer.Render(result, ReportFormat.Json));
        }
        // README example end
    }

    private static void BatchExample()
    {
        // README batch example start
        using var input = File.OpenRead("samples/wide-clinic-batch.csv");
        using var output = new BatchResultWriter(File.Create("results.csv"), BatchOutputFormat.Csv);
        var written = new BatchInterpreter(Interpreter.Default).WriteWideCsv(input, "wide-clinic-batch.csv", output, new BatchWriteOptions
        {
            Summarize = true,
            OnReadDiagnostics = step => step.ReadDiagnostics.ToList().ForEach(Console.Error.WriteLine),
        });
        Console.WriteLine($"{written.Interpreted} of {written.Rows} rows interpreted");
        written.Summary!.WriteText(Console.Out);
        // README batch example end
    }

    private static void RetestExample()
    {
        // README retest example start
        var reader = new PanelReader();
        var panels = new[] { "samples/retest-P-0009-2025-10-06.csv", "samples/retest-P-0009-2026-02-09.yaml" }
            .SelectMany(file => reader.ReadFile(file).Value ?? [])
            .ToList();
        var compared = new RetestComparer(Interpreter.Default).Compare(panels);
        foreach (var diagnostic in compared.Diagnostics) Console.Error.WriteLine(diagnostic);
        if (compared.Value is { } comparison)
        {
            File.WriteAllText("retest.html", ReportRenderer.Render(comparison, ReportFormat.Html));
            Console.WriteLine($"{comparison.Tests.Count} tests compared, {comparison.Findings.Count} retest findings");
        }
        // README retest example end
    }

    [Test]
    public void Readme_retest_example_writes_the_html_comparison()
    {
        var folder = Directory.CreateTempSubdirectory("htma-readme-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        foreach (var name in new[] { "retest-P-0009-2025-10-06.csv", "retest-P-0009-2026-02-09.yaml" })
        {
            File.Copy(TestPaths.Sample(name), Path.Combine(folder, "samples", name));
        }

        ReadmeExamples.RunIn(folder, RetestExample).Should().MatchRegex(@"^2 tests compared, [1-9][0-9]* retest findings\n$");
        var html = File.ReadAllText(Path.Combine(folder, "retest.html"));
        html.Should().StartWith("<!DOCTYPE html>").And.Contain(Interpretation.NotADiagnosis.Split('.')[0]);
        Directory.Delete(folder, recursive: true);
    }

    [Test]
    public void Readme_batch_example_writes_the_rows_and_prints_the_summary()
    {
        var folder = Directory.CreateTempSubdirectory("htma-readme-").FullName;
        Directory.CreateDirectory(Path.Combine(folder, "samples"));
        File.Copy(TestPaths.Sample("wide-clinic-batch.csv"), Path.Combine(folder, "samples", "wide-clinic-batch.csv"));

        ReadmeExamples.RunIn(folder, BatchExample).Should().StartWith("22 of 22 rows interpreted\ncohort summary: 22 rows, 22 interpreted");
        var rows = File.ReadAllLines(Path.Combine(folder, "results.csv"));
        rows.Should().HaveCount(23);
        rows[0].Should().Be(BatchResultWriter.CsvHeader);
        Directory.Delete(folder, recursive: true);
    }

    [TestCase("## Using the library", "README example")]
    [TestCase("**A whole archive.**", "README batch example")]
    [TestCase("**Retests in code.**", "README retest example")]
    public void Readme_example_is_the_code_compiled_here(string heading, string marker)
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "README.md"));
        var block = ReadmeExamples.CsharpBlocks(readme[readme.IndexOf(heading, StringComparison.Ordinal)..]).FirstOrDefault();
        block.Should().NotBeNull($"README.md should have a csharp block under '{heading}'");
        var source = Path.Combine(TestPaths.RepositoryRoot(), "tests", "HtmaInterpreter.Tests", "Readme", "ReadmeExampleTests.cs");
        ReadmeExamples.Code(block!).Should().Equal(ReadmeExamples.Code(ReadmeExamples.MarkedCode(source, marker)));
    }

    [Test]
    public void Readme_branding_example_reads_without_a_diagnostic()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "README.md"));
        var block = YamlBlock().Match(readme[readme.IndexOf("**Branding.**", StringComparison.Ordinal)..]);
        block.Success.Should().BeTrue("README.md should have a yaml block under **Branding.**");

        var read = HtmaInterpreter.Reports.ReportBrandingReader.Parse(block.Groups["code"].Value, "README.md", Path.Combine(TestPaths.Samples, "branding"));

        read.Diagnostics.Should().BeEmpty();
        read.Value!.PracticeName.Should().Be("Riverside Nutrition Practice");
        read.Value.Address.Should().Equal("12 Mill Lane", "Riverside RS1 4AB");
        read.Value.Logo!.MediaType.Should().Be("image/png");
        read.Value.ExtraCss.Should().Contain("--accent");
    }

    [Test]
    public void Readme_example_runs_and_prints_the_interpretation()
    {
        ReadmeExamples.RunIn(TestPaths.RepositoryRoot(), Example).Should().StartWith("S-2026-0101: Slow, 4 findings").And.Contain("\"schemaVersion\": 1");
    }

    [GeneratedRegex("```yaml\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex YamlBlock();
}
