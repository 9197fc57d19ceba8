using HtmaInterpreter.Batch;
using HtmaInterpreter.Cli;
using HtmaInterpreter.Tests.Batch;

namespace HtmaInterpreter.Tests.Cli;

/// <summary><c>htma batch</c> with the fast path on and off (the internal <see cref="RunSettings"/> hook): the same bytes everywhere.</summary>
public class BatchBothWaysCommandTests : CommandTestBase
{
    private (int ExitCode, string Stdout, string Stderr, string? File) Batch(bool useFastPath, string input, string? outName, params string[] more)
    {
        Stdout.GetStringBuilder().Clear();
        Stderr.GetStringBuilder().Clear();
        Settings = new RunSettings { Batch = new BatchOptions { UseFastPath = useFastPath } };
        var outPath = outName is null ? null : Path.Combine(Folder, (useFastPath ? "fast-" : "general-") + outName);
        string[] args = outPath is null ? ["batch", input, .. more] : ["batch", input, "--out", outPath, .. more];
        var exitCode = Run(args);
        return (exitCode, Stdout.ToString(), Stderr.ToString(), outPath is null ? null : File.ReadAllText(outPath));
    }

    [TestCase(null)]
    [TestCase("results.csv")]
    [TestCase("results.jsonl")]
    public void Rows_summary_and_messages_are_identical_both_ways(string? outName)
    {
        var inputs = new[]
        {
            TestPaths.Sample("wide-clinic-batch.csv"),
            Write("broken.csv", BatchTestData.Generate(500, new Dictionary<int, string>
            {
                [7] = "G-00007,ARL,female,40,abc,8,25,10,1.5,16,14",
                [8] = ",ARL,female,40,50,8,25,10,1.5,16,14",
                [9] = "G-00009,ARL,female,40,<0.1,ND,>500,10,1.5,16,14",
            })),
        };
        foreach (var input in inputs)
        {
            var fast = Batch(true, input, outName, "--summary");
            var general = Batch(false, input, outName, "--summary");

            general.Should().Be(fast, $"batch {Path.GetFileName(input)} --out {outName} gives the same exit code, rows, summary and messages");
            (fast.File ?? fast.Stdout).Should().NotBeEmpty();
        }
    }
}
