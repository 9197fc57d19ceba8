using System.Globalization;
using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Batch.FastPath;

namespace HtmaInterpreter.Tests.Batch;

/// <summary>
/// The batch fast path on and off (<see cref="BatchOptions.UseFastPath"/>) must write the same bytes: every sample CSV
/// and generated files, CSV and JSON Lines rows, the summary and the counts.
/// </summary>
public sealed class BothWaysTests
{
    [TestCaseSource(nameof(Files))]
    public void Rows_and_summary_are_the_same_bytes_both_ways(string name)
    {
        var file = FileBytes(name);
        foreach (var format in new[] { BatchOutputFormat.Csv, BatchOutputFormat.JsonLines })
        {
            var (fastRows, fastSummary, fastCounts) = Write(file, name, format, useFastPath: true);
            var (generalRows, generalSummary, generalCounts) = Write(file, name, format, useFastPath: false);

            if (name.StartsWith("generated:", StringComparison.Ordinal))
            {
                fastRows.Length.Should().BeGreaterThan(100_000, "the generated files have thousands of rows");
            }

            fastRows.Should().Equal(generalRows, $"{name} written as {format}");
            fastSummary.Should().Be(generalSummary, $"{name} summarised ({format})");
            fastCounts.Should().Be(generalCounts, $"{name} counted ({format})");
        }
    }

    [TestCaseSource(nameof(Files))]
    public void Results_written_one_by_one_are_the_same_bytes_both_ways(string name)
    {
        var file = FileBytes(name);
        foreach (var format in new[] { BatchOutputFormat.Csv, BatchOutputFormat.JsonLines })
        {
            WriteResults(file, name, format, useFastPath: true).Should().Equal(WriteResults(file, name, format, useFastPath: false), $"{name} as {format}");
        }
    }

    [Test]
    public void The_switch_turns_the_fast_path_off()
    {
        // With the fast path, fired rules come back as lists shared between rows (made from the compiled masks); without it, never.
        var file = FileBytes("generated:plain");
        static List<BatchResult> Run(byte[] file, bool useFastPath)
        {
            using var input = new MemoryStream(file);
            return new BatchInterpreter(Interpreter.Default, new BatchOptions { UseFastPath = useFastPath }).RunWideCsv(input, "plain.csv").ToList();
        }

        Run(file, useFastPath: true).Should().Contain(r => r.FiredRules is FiredRuleList);
        Run(file, useFastPath: false).Should().NotContain(r => r.FiredRules is FiredRuleList);
    }

    private static IEnumerable<string> Files() =>
        Directory.EnumerateFiles(TestPaths.Samples, "*.csv", SearchOption.AllDirectories).Order(StringComparer.Ordinal)
            .Concat(["generated:edge-cases", "generated:plain"]);

    private static byte[] FileBytes(string name) => name switch
    {
        "generated:edge-cases" => Encoding.UTF8.GetBytes(WideCsvBatchTests.EdgeCases(3000, seed: 20261203)),
        "generated:plain" => Encoding.UTF8.GetBytes(BatchTestData.Generate(3000)),
        _ => File.ReadAllBytes(name),
    };

    private static (byte[] Rows, string Summary, string Counts) Write(byte[] file, string name, BatchOutputFormat format, bool useFastPath)
    {
        var batch = new BatchInterpreter(Interpreter.Default, new BatchOptions { ChunkSize = 64, UseFastPath = useFastPath });
        using var input = new MemoryStream(file);
        using var output = new MemoryStream();
        BatchWriteResult written;
        using (var writer = new BatchResultWriter(output, format, leaveOpen: true) { UseFastPath = useFastPath })
        {
            written = batch.WriteWideCsv(input, Path.GetFileName(name), writer, new BatchWriteOptions { Summarize = true });
        }

        using var summary = new StringWriter(CultureInfo.InvariantCulture);
        written.Summary!.WriteText(summary);
        return (output.ToArray(), summary.ToString(), $"{written.Rows} {written.Interpreted} {written.RowsWithErrors} {written.HasErrors}");
    }

    private static byte[] WriteResults(byte[] file, string name, BatchOutputFormat format, bool useFastPath)
    {
        var batch = new BatchInterpreter(Interpreter.Default, new BatchOptions { ChunkSize = 64, UseFastPath = useFastPath });
        using var input = new MemoryStream(file);
        using var output = new MemoryStream();
        using (var writer = new BatchResultWriter(output, format, leaveOpen: true) { UseFastPath = useFastPath })
        {
            foreach (var result in batch.RunWideCsv(input, Path.GetFileName(name)))
            {
                writer.Write(result);
            }
        }

        return output.ToArray();
    }
}
