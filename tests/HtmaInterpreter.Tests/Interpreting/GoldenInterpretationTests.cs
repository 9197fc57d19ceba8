using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Interpreting;

/// <summary>
/// The whole JSON interpretation of every sample, compared with a reviewed golden file under Golden/.
/// To accept a deliberate change: run with HTMA_UPDATE_GOLDEN=1, then review the diff of the golden files before committing.
/// </summary>
public class GoldenInterpretationTests
{
    private static string GoldenFolder => Path.Combine(TestPaths.RepositoryRoot(), "tests", "HtmaInterpreter.Tests", "Golden");

    private static IEnumerable<string> SampleFiles() =>
        Directory.GetFiles(TestPaths.Samples)
            .Select(Path.GetFileName)
            .Where(name => name is not null && !name.EndsWith(".md", StringComparison.Ordinal))
            .Select(name => name!)
            .Order(StringComparer.Ordinal);

    [TestCaseSource(nameof(SampleFiles))]
    public void Interpretation_of_each_sample_matches_its_golden_file(string sampleName)
    {
        var actual = Render(sampleName);
        var goldenPath = Path.Combine(GoldenFolder, Path.GetFileNameWithoutExtension(sampleName) + ".json");

        if (Environment.GetEnvironmentVariable("HTMA_UPDATE_GOLDEN") == "1")
        {
            Directory.CreateDirectory(GoldenFolder);
            File.WriteAllText(goldenPath, actual);
            Assert.Warn($"Golden file written: {goldenPath}; review its diff.");
            return;
        }

        File.Exists(goldenPath).Should().BeTrue($"{goldenPath} should exist (run with HTMA_UPDATE_GOLDEN=1 once and review it)");
        actual.Should().Be(File.ReadAllText(goldenPath));
    }

    [Test]
    public void Every_golden_file_belongs_to_a_sample()
    {
        var expected = SampleFiles().Select(name => Path.GetFileNameWithoutExtension(name) + ".json").ToList();
        Directory.GetFiles(GoldenFolder).Select(Path.GetFileName).Should().BeEquivalentTo(expected);
    }

    internal static string Render(string sampleName)
    {
        using var stream = File.OpenRead(TestPaths.Sample(sampleName));
        var read = new PanelReader().Read(stream, "samples/" + sampleName);
        read.HasErrors.Should().BeFalse();
        var interpretations = read.Value!.Select(panel => Interpreter.Default.Interpret(panel)).ToList();
        return interpretations.Count == 1
            ? JsonReport.Render(interpretations[0], read.Diagnostics)
            : JsonReport.Render(interpretations, read.Diagnostics);
    }
}
