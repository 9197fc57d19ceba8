using HtmaInterpreter.Batch;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Batch;

[TestFixture(true)]
[TestFixture(false)]
public class BatchInterpreterTests(bool useFastPath)
{
    private static readonly PanelReader Reader = new();

    private List<BatchResult> RunOn(string csv, BatchOptions? options = null)
    {
        using var text = new StringReader(csv);
        return new BatchInterpreter(Interpreter.Default, BatchTestData.Way(options, useFastPath)).Run(Reader.ReadWideCsvStream(text, "batch.csv")).ToList();
    }

    [Test]
    public void Results_come_back_in_input_order_under_parallelism()
    {
        // Small chunks and more workers than cores: chunks finish out of order and must be put back in order.
        var results = RunOn(BatchTestData.Generate(5000), new BatchOptions { MaxDegreeOfParallelism = 4, ChunkSize = 7, ChunksInFlight = 5 });

        results.Should().HaveCount(5000);
        results.Select(r => r.SampleId).Should().Equal(Enumerable.Range(1, 5000).Select(BatchTestData.Id));
        results.Select(r => r.Line).Should().Equal(Enumerable.Range(2, 5000).Select(l => (int?)l));
        results.Should().OnlyContain(r => r.IsInterpreted && !r.HasErrors);
        results.Select(r => r.Oxidation).Distinct().Should().Contain([OxidationType.Slow, OxidationType.Fast, OxidationType.Mixed]);
    }

    [Test]
    public void Parallel_results_equal_the_interpreter_panel_by_panel()
    {
        var csv = BatchTestData.Generate(500);
        var parallel = RunOn(csv, new BatchOptions { MaxDegreeOfParallelism = 3, ChunkSize = 16 });
        var panels = Reader.ReadText(csv, "batch.csv").Value!;

        parallel.Should().HaveCount(panels.Count);
        for (var i = 0; i < panels.Count; i++)
        {
            var expected = Interpreter.Default.Interpret(panels[i]);
            parallel[i].Oxidation.Should().Be(expected.Oxidation.Type);
            parallel[i].Ratio("Ca/K").Should().Be(expected.Ratios.Single(r => r.Name == "Ca/K").Value);
            parallel[i].FiredRules.Should().Equal(expected.Findings.Select(f => f.RuleId).Distinct());
        }
    }

    [Test]
    public void Broken_rows_in_the_middle_are_reported_with_their_lines_and_every_other_row_is_interpreted()
    {
        var broken = new Dictionary<int, string>
        {
            [1200] = "G-01200,ARL,female,40,abc,8,25,10,1.5,16,14", // Ca is not a number
            [1201] = ",ARL,female,40,50,8,25,10,1.5,16,14", // no sample id
            [2500] = "G-02500,ARL,female,40,50,8,25,10,1.5,16,14,99", // a field too many
        };

        var results = RunOn(BatchTestData.Generate(3000, broken), new BatchOptions { MaxDegreeOfParallelism = 2, ChunkSize = 50 });

        results.Should().HaveCount(3000);
        var bad = results.Where(r => r.HasErrors).ToList();
        bad.Select(r => r.Line).Should().Equal(1201, 1202, 2501);
        bad.Should().OnlyContain(r => !r.IsInterpreted && r.IsRow);
        bad[0].ReadDiagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.NonNumericValue)
            .Which.Location.Should().Be(new SourceLocation("batch.csv", 1201, 23, "Ca (mg%)"));
        bad[1].SampleId.Should().Be("line 1202");
        bad[1].ReadDiagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.MissingRequiredField);
        bad[2].ReadDiagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.RaggedRow)
            .Which.Location.Line.Should().Be(2501);

        var good = results.Where(r => !r.HasErrors).ToList();
        good.Should().HaveCount(2997).And.OnlyContain(r => r.IsInterpreted);
        good.Select(r => r.SampleId).Should().Equal(
            Enumerable.Range(1, 3000).Except([1200, 1201, 2500]).Select(BatchTestData.Id));
    }

    [Test]
    public void Every_sample_row_matches_the_interpreter_with_its_ratios_and_diagnostics_count()
    {
        var path = TestPaths.Sample("wide-clinic-batch.csv");
        var panels = Reader.ReadFile(path).Value!;
        using var stream = File.OpenRead(path);

        var results = new BatchInterpreter(Interpreter.Default, BatchTestData.Way(null, useFastPath)).Run(Reader.ReadWideCsvStream(stream, path)).ToList();

        results.Should().HaveCount(22);
        for (var i = 0; i < panels.Count; i++)
        {
            var expected = Interpreter.Default.Interpret(panels[i]);
            var result = results[i];
            result.SampleId.Should().Be(panels[i].SampleId);
            result.Line.Should().Be(i + 2);
            result.Oxidation.Should().Be(expected.Oxidation.Type);
            result.Lean.Should().Be(expected.Oxidation.Lean);
            result.Degree.Should().Be(expected.Oxidation.Degree);
            result.FiredRules.Should().Equal(expected.Findings.Select(f => f.RuleId).Distinct());
            result.DiagnosticsCount.Should().Be(expected.Diagnostics.Count);
            foreach (var name in BatchResult.KeyRatioNames)
            {
                result.Ratio(name).Should().Be(expected.Ratios.SingleOrDefault(r => r.Name == name)?.Value, name);
            }
        }
    }

    [Test]
    public void A_missing_ratio_is_null()
    {
        var results = RunOn("sample_id,lab,Ca (mg%),Mg (mg%),Na (mg%),K (mg%)\nX,ARL,50,8,25,10\n");

        var result = results.Single();
        result.Ratio("Ca/K").Should().Be(5);
        result.Ratio("Zn/Cu").Should().BeNull();
        result.Ratio("Ca/P").Should().BeNull();
    }

    [Test]
    public void Header_diagnostics_come_first_as_a_result_that_is_not_a_row()
    {
        var results = RunOn("sample_id,lab,Ca (mg%),clinic\nX,ARL,50,North\n");

        results.Should().HaveCount(2);
        results[0].IsRow.Should().BeFalse();
        results[0].HasErrors.Should().BeFalse();
        results[0].Line.Should().Be(1);
        results[0].ReadDiagnostics.Single().Code.Should().Be(DiagnosticCodes.UnknownField);
        results[1].SampleId.Should().Be("X");
    }

    [Test]
    public void Stopping_early_ends_the_run_without_reading_the_whole_input()
    {
        var read = 0;
        IEnumerable<PanelReadItem> Counting()
        {
            using var text = new StringReader(BatchTestData.Generate(20_000));
            foreach (var item in Reader.ReadWideCsvStream(text, "batch.csv"))
            {
                Interlocked.Increment(ref read);
                yield return item;
            }
        }

        var first = new BatchInterpreter(Interpreter.Default, BatchTestData.Way(new BatchOptions { ChunkSize = 10, ChunksInFlight = 4 }, useFastPath))
            .Run(Counting())
            .Take(25)
            .ToList();

        first.Select(r => r.SampleId).Should().Equal(Enumerable.Range(1, 25).Select(BatchTestData.Id));
        Volatile.Read(ref read).Should().BeLessThan(200, "reading may only run a bounded window ahead of the caller");
    }

    [Test]
    public void A_cancelled_run_throws_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var text = new StringReader(BatchTestData.Generate(5000));
        var run = new BatchInterpreter(Interpreter.Default, BatchTestData.Way(new BatchOptions { ChunkSize = 10 }, useFastPath))
            .Run(Reader.ReadWideCsvStream(text, "batch.csv"), cancel.Token);

        var act = () =>
        {
            foreach (var result in run)
            {
                if (result.SampleId == BatchTestData.Id(100))
                {
                    cancel.Cancel();
                }
            }
        };

        act.Should().Throw<OperationCanceledException>();
    }

    [Test]
    public void An_exception_while_reading_reaches_the_caller()
    {
        static IEnumerable<PanelReadItem> Failing()
        {
            yield return new PanelReadItem(null, []);
            throw new InvalidOperationException("reader bug");
        }

        var act = () => new BatchInterpreter(Interpreter.Default, BatchTestData.Way(null, useFastPath)).Run(Failing()).ToList();

        act.Should().Throw<InvalidOperationException>().WithMessage("reader bug");
    }
}
