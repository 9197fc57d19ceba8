using HtmaInterpreter.Batch;
using HtmaInterpreter.Fuzz;

namespace HtmaInterpreter.Tests.BadInput;

/// <summary>
/// The corpus's batch area along both batch paths: <see cref="LibraryTargets.Batch"/> (run by the corpus's library
/// cases and by the fuzzer) writes every input with the fast path and along the general path and reports any
/// difference as a problem; these tests show each batch file agrees and that a difference would be found.
/// </summary>
[Category("BadInputCorpus")]
public sealed class BatchBothWaysTests
{
    public static IEnumerable<TestCaseData> BatchFiles() =>
        Directory.EnumerateFiles(Path.Combine(CorpusWorkspace.CorpusFolder, "batch")).Order(StringComparer.Ordinal)
            .Select(f => new TestCaseData(Path.GetFileName(f)).SetArgDisplayNames(Path.GetFileName(f)));

    [TestCaseSource(nameof(BatchFiles))]
    public void Every_batch_file_gives_the_same_rows_summary_counts_and_diagnostics_both_ways(string name)
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusWorkspace.CorpusFolder, "batch", name));
        foreach (var format in new[] { BatchOutputFormat.Csv, BatchOutputFormat.JsonLines })
        {
            var fast = Run(bytes, name, format, useFastPath: true);
            var general = Run(bytes, name, format, useFastPath: false);

            BatchRun.Difference(fast, general).Should().BeNull($"{name} as {format}");
            fast.ReadDiagnostics.Select(BatchRun.Describe).Should().Equal(general.ReadDiagnostics.Select(BatchRun.Describe));
        }
    }

    [Test]
    public void The_library_target_reports_no_problem_on_agreeing_paths_and_keeps_the_diagnostics_once()
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusWorkspace.CorpusFolder, "batch", "bad-values.csv"));
        var outcome = new LibraryOutcome();

        LibraryTargets.Batch(outcome, () => new MemoryStream(bytes), "bad-values.csv", Interpreter.Default, [BatchOutputFormat.Csv]);

        outcome.Problems.Should().BeEmpty();
        outcome.Diagnostics.Select(BatchRun.Describe).Should()
            .Equal(Run(bytes, "bad-values.csv", BatchOutputFormat.Csv, useFastPath: false).ReadDiagnostics.Select(BatchRun.Describe))
            .And.NotBeEmpty();
    }

    [Test]
    public void A_difference_in_rows_summary_or_diagnostics_is_found_and_shown()
    {
        var bytes = File.ReadAllBytes(Path.Combine(CorpusWorkspace.CorpusFolder, "batch", "bad-values.csv"));
        var run = Run(bytes, "bad-values.csv", BatchOutputFormat.Csv, useFastPath: true);

        var otherFile = Run(bytes, "renamed.csv", BatchOutputFormat.Csv, useFastPath: false);
        var rows = BatchRun.Difference(run, run with { Output = [.. run.Output.SkipLast(1)] });
        var summary = BatchRun.Difference(run, run with { Summary = run.Summary + "x" });
        var diagnostics = BatchRun.Difference(run, otherFile with { Output = run.Output, Summary = run.Summary });

        BatchRun.Difference(run, run with { }).Should().BeNull();
        rows!.Value.Part.Should().Be("rows written");
        summary!.Value.Part.Should().Be("summary");
        diagnostics!.Value.Part.Should().Be("read diagnostic 1");
        diagnostics.Value.Fast.Should().Contain("bad-values.csv:");
        diagnostics.Value.General.Should().Contain("renamed.csv:");
    }

    private static BatchRun Run(byte[] bytes, string name, BatchOutputFormat format, bool useFastPath) => BatchRun.Write(
        new BatchInterpreter(Interpreter.Default, new BatchOptions { ChunkSize = 4, UseFastPath = useFastPath }),
        () => new MemoryStream(bytes, writable: false),
        name,
        format,
        useFastPath);
}
