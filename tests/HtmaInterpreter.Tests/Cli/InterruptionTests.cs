using HtmaInterpreter.Batch;
using HtmaInterpreter.Cli;
using HtmaInterpreter.Cli.Output;
using HtmaInterpreter.Tests.Batch;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>Item 13 of issue 13: Ctrl-C, with the signal faked by calling <see cref="Interruption.Signal"/>.</summary>
public class InterruptionTests : CommandTestBase
{
    private readonly List<int> _exits = [];

    [SetUp]
    public void ForgetExits() => _exits.Clear();

    private Interruption NewInterruption(TimeSpan? grace = null) =>
        new(Stderr, code =>
        {
            lock (_exits)
            {
                _exits.Add(code);
            }
        }, grace ?? Timeout.InfiniteTimeSpan);

    private string[] Files() =>
        Directory.EnumerateFileSystemEntries(Folder, "*", new EnumerationOptions { AttributesToSkip = 0 }).Select(Path.GetFileName).ToArray()!;

    [TestCase(true)]
    [TestCase(false)]
    public void Batch_interrupted_while_writing_leaves_no_file_says_so_and_exits_130(bool useFastPath)
    {
        var input = Write("input.csv", BatchTestData.Generate(2_000, new Dictionary<int, string> { [1] = "G-00001,ARL,female,40,abc,8,25,10,1.5,16,14" }));
        var output = Path.Combine(Folder, "results.csv");
        using var interruption = NewInterruption();
        using var stderr = new SignallingWriter(Stderr, interruption); // Ctrl-C when the first bad row is reported

        var exitCode = Program.Run(["batch", input, "--out", output], Stdout, stderr, settings: new RunSettings { Batch = new BatchOptions { UseFastPath = useFastPath } }, interruption: interruption);

        exitCode.Should().Be(130);
        Stderr.ToString().Should().EndWith($"htma: interrupted (HTMA0702); {output} was not written\n");
        Files().Should().Equal("input.csv");
        _exits.Should().BeEmpty("the command stopped by itself");
    }

    [Test]
    public void An_existing_file_is_left_as_it_was()
    {
        var output = Write("report.html", "old\n");
        using var interruption = NewInterruption();
        interruption.Signal();

        var exitCode = Program.Run(["interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "html", "--out", output], Stdout, Stderr, interruption: interruption);

        exitCode.Should().Be(130);
        Stderr.ToString().Should().Be($"htma: interrupted (HTMA0702); {output} was not written\n");
        File.ReadAllText(output).Should().Be("old\n");
        Files().Should().Equal("report.html");
    }

    [Test]
    public void Interrupted_while_writing_to_stdout_names_no_file()
    {
        using var interruption = NewInterruption();
        interruption.Signal();

        var exitCode = Program.Run(["compare", TestPaths.Sample("retest-P-0009-2025-10-06.csv"), TestPaths.Sample("retest-P-0009-2026-02-09.yaml")], Stdout, Stderr, interruption: interruption);

        exitCode.Should().Be(130);
        Stderr.ToString().Should().Be("htma: interrupted (HTMA0702)\n");
        Stdout.ToString().Should().BeEmpty();
    }

    [Test]
    public void A_file_committed_before_the_signal_stays_and_is_not_named()
    {
        var target = Path.Combine(Folder, "report.txt");
        using var interruption = NewInterruption();
        using (var output = OutputFile.Open(target, interruption, Stderr)!)
        {
            output.WriteAndCommit(stream => stream.Write("done\n"u8), Stderr).Should().Be(0);
        }

        interruption.Signal();

        interruption.Report().Should().Be(130);
        Stderr.ToString().Should().Be("htma: interrupted (HTMA0702)\n");
        File.ReadAllText(target).Should().Be("done\n");
    }

    [Test]
    public void After_the_signal_a_file_is_not_moved_into_place()
    {
        var target = Path.Combine(Folder, "report.txt");
        using var interruption = NewInterruption();
        using (var output = OutputFile.Open(target, interruption, Stderr)!)
        {
            output.Stream.Write("half"u8);
            interruption.Signal();

            output.Invoking(o => o.Commit()).Should().Throw<OperationCanceledException>();
        }

        Files().Should().BeEmpty();
    }

    [Test]
    public void A_second_signal_ends_the_process_at_once_removing_the_temporary_file()
    {
        var target = Path.Combine(Folder, "results.csv");
        using var interruption = NewInterruption();
        using var output = OutputFile.Open(target, interruption, Stderr)!;
        output.Stream.Write("half a row"u8);
        output.Stream.Flush();
        Files().Should().ContainSingle().Which.Should().MatchRegex(@"^\.results\.csv\.[0-9a-f]{12}\.htma-tmp$");

        interruption.Signal();
        _exits.Should().BeEmpty("the first signal lets the command stop by itself");
        interruption.Signal();

        _exits.Should().Equal(130);
        Files().Should().BeEmpty();
        Stderr.ToString().Should().Be($"htma: interrupted (HTMA0702); {target} was not written\n");
        interruption.Report();
        Stderr.ToString().Should().Be($"htma: interrupted (HTMA0702); {target} was not written\n", "reported once");
    }

    [Test]
    public void A_command_that_does_not_stop_within_the_grace_period_is_ended()
    {
        using var interruption = NewInterruption(TimeSpan.FromMilliseconds(10));
        using var output = OutputFile.Open(Path.Combine(Folder, "results.csv"), interruption, Stderr)!;

        interruption.Signal();

        SpinWait.SpinUntil(() => { lock (_exits) { return _exits.Count > 0; } }, TimeSpan.FromSeconds(10)).Should().BeTrue();
        _exits.Should().Equal(130);
        Files().Should().BeEmpty();
    }

    /// <summary>A writer that signals the interruption on its first line, as Ctrl-C would at that moment.</summary>
    private sealed class SignallingWriter(TextWriter inner, Interruption interruption) : StringWriter
    {
        private bool _signalled;

        public override void WriteLine(string? value)
        {
            inner.WriteLine(value);
            if (!_signalled)
            {
                _signalled = true;
                interruption.Signal();
            }
        }
    }
}
