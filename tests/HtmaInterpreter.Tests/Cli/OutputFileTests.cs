using HtmaInterpreter.Batch;
using HtmaInterpreter.Cli.Output;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>
/// Item 6 of issue 13: <c>--out</c> that cannot be written, and the temporary file + rename of every output file; with
/// the batch fast path on and off.
/// </summary>
[TestFixture(true)]
[TestFixture(false)]
public class OutputFileTests(bool useFastPath) : CommandTestBase
{
    [SetUp]
    public void ChooseThePath() => Settings = new HtmaInterpreter.Cli.RunSettings { Batch = new BatchOptions { UseFastPath = useFastPath } };

    private static readonly string Panel = TestPaths.Sample("slow-oxidizer.csv");
    private static readonly string Older = TestPaths.Sample("retest-P-0009-2025-10-06.csv");
    private static readonly string Newer = TestPaths.Sample("retest-P-0009-2026-02-09.yaml");

    /// <summary>The arguments of each command with a report file, for a good input.</summary>
    private static string[] Command(string command, string outPath) => command switch
    {
        "interpret" => ["interpret", Panel, "--out", outPath],
        "compare" => ["compare", Older, Newer, "--out", outPath],
        _ => ["batch", TestPaths.Sample("wide-clinic-batch.csv"), "--out", outPath],
    };

    [TestCase("interpret")]
    [TestCase("compare")]
    [TestCase("batch")]
    public void A_folder_as_out_is_exit_1_with_HTMA0701_and_no_stack_trace(string command)
    {
        var folder = Path.Combine(Folder, "reports.csv");
        Directory.CreateDirectory(folder);

        Run(Command(command, folder)).Should().Be(1);

        Stderr.ToString().Should().EndWith($"htma: error {DiagnosticCodes.OutputNotWritable}: cannot write {folder}: it is a folder\n")
            .And.NotContain(" at ").And.NotContain("Exception");
        Stdout.ToString().Should().NotContain("cohort");
        Directory.EnumerateFileSystemEntries(Folder, "*", SearchOption.AllDirectories).Should().Equal(folder);
    }

    [TestCase("interpret")]
    [TestCase("compare")]
    [TestCase("batch")]
    public void An_out_file_in_a_missing_folder_is_exit_1_saying_the_folder_does_not_exist(string command)
    {
        var target = Path.Combine(Folder, "nowhere", "report.csv");

        Run(Command(command, target)).Should().Be(1);

        Stderr.ToString().Should().EndWith($"htma: error HTMA0701: cannot write {target}: the folder does not exist\n");
        Directory.EnumerateFileSystemEntries(Folder).Should().BeEmpty();
    }

    [TestCase("interpret")]
    [TestCase("compare")]
    [TestCase("batch")]
    public void A_full_disk_is_exit_1_saying_the_disk_is_full(string command)
    {
        Assume.That(File.Exists("/dev/full"), "needs /dev/full (Linux)");
        var link = Path.Combine(Folder, "full.csv"); // batch takes its format from the name; the link is followed
        File.CreateSymbolicLink(link, "/dev/full");

        Run(Command(command, link)).Should().Be(1);

        Stderr.ToString().Should().EndWith($"htma: error HTMA0701: cannot write {link}: the disk is full\n").And.NotContain("Exception");
        new FileInfo(link).LinkTarget.Should().Be("/dev/full", "a device is written where it is, never renamed over");
        Directory.EnumerateFileSystemEntries(Folder).Should().Equal(link);
    }

    [TestCase("interpret")]
    [TestCase("compare")]
    [TestCase("batch")]
    public void An_empty_out_is_a_usage_error(string command)
    {
        Run(Command(command, "")).Should().Be(2);

        Stderr.ToString().Should().Be($"htma {command}: --out needs a file name; it is empty.\nRun 'htma {command} --help' for its usage.\n");
        Stdout.ToString().Should().BeEmpty();
    }

    [TestCase(typeof(UnauthorizedAccessException), 0, "permission denied")]
    [TestCase(typeof(DirectoryNotFoundException), 0, "the folder does not exist")]
    [TestCase(typeof(IOException), 28, "the disk is full")]
    [TestCase(typeof(IOException), 30, "the file system is read-only")]
    [TestCase(typeof(IOException), 122, "the disk quota is exceeded")]
    public void Write_errors_are_given_a_plain_reason(Type type, int errno, string reason)
    {
        var exception = (Exception)Activator.CreateInstance(type, "Some system message : '/x/y'")!;
        if (errno != 0)
        {
            exception.HResult = errno;
        }

        OutputFile.Reason(new OutputWriteException(exception, "/x/y")).Should().Be(reason);
        OutputFile.Reason(new IOException("Too many levels of symbolic links : '/x/y'")).Should().Be("too many levels of symbolic links");
    }

    [TestCase("interpret")]
    [TestCase("batch")]
    public void Standard_output_on_a_full_disk_is_exit_1_with_HTMA0701(string command)
    {
        Assume.That(File.Exists("/dev/full") && File.Exists("/bin/sh"), "needs /dev/full and /bin/sh");
        var htma = Path.Combine(TestContext.CurrentContext.TestDirectory, "htma.dll");
        var input = TestPaths.Sample(command == "batch" ? "wide-clinic-batch.csv" : "slow-oxidizer.csv");
        var start = new System.Diagnostics.ProcessStartInfo("/bin/sh") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { "-c", "exec \"$0\" \"$1\" \"$2\" \"$3\" > /dev/full", Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet", htma, command, input })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();

        process.ExitCode.Should().Be(1, stderr);
        stderr.Should().EndWith("htma: error HTMA0701: cannot write standard output: the disk is full\n").And.NotContain("Exception");
    }

    [TestCase("interpret", "--lab", "nowhere")]
    [TestCase("compare", "--model", "nowhere")]
    [TestCase("batch", "--lab", "nowhere")]
    public void A_usage_error_leaves_no_file(string command, string option, string value)
    {
        var target = Path.Combine(Folder, "out.csv");

        Run([.. Command(command, target), option, value]).Should().Be(2);

        Directory.EnumerateFileSystemEntries(Folder).Should().BeEmpty();
    }

    [Test]
    public void Batch_of_a_missing_input_leaves_no_file()
    {
        var target = Path.Combine(Folder, "out.csv");

        Run("batch", Path.Combine(Folder, "missing.csv"), "--out", target).Should().Be(1);

        Directory.EnumerateFileSystemEntries(Folder).Should().BeEmpty();
    }

    [Test]
    public void A_file_that_may_not_be_written_stays_protected()
    {
        Assume.That(Environment.UserName != "root", "root may write any file");
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix permissions");
            return;
        }

        var target = Write("report.txt", "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead);

        Run("interpret", Panel, "--out", target).Should().Be(1);

        Stderr.ToString().Should().EndWith($"htma: error HTMA0701: cannot write {target}: permission denied\n");
        File.ReadAllText(target).Should().Be("old\n");
    }

    [TestCase("interpret")]
    [TestCase("compare")]
    public void A_report_replaces_an_existing_file_keeping_its_permissions_and_leaves_no_temporary_file(string command)
    {
        var target = Write("report.txt", string.Concat(Enumerable.Repeat("old report\n", 1_000)));
        if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Run(Command(command, target)).Should().Be(0, Stderr.ToString());

        File.ReadAllText(target).Should().NotContain("old report").And.Contain(command == "interpret" ? "OXIDATION: SLOW" : "HTMA retest comparison");
        if (!OperatingSystem.IsWindows())
        {
            File.GetUnixFileMode(target).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        Directory.EnumerateFileSystemEntries(Folder).Should().Equal(target);
    }

    [Test]
    public void The_temporary_file_is_as_private_as_the_file_it_replaces_from_the_start()
    {
        if (OperatingSystem.IsWindows())
        {
            Assert.Ignore("Unix permissions");
            return;
        }

        var target = Write("results.csv", "old\n");
        File.SetUnixFileMode(target, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        using var interruption = new Interruption(Stderr, _ => { }, Timeout.InfiniteTimeSpan);

        using var output = OutputFile.Open(target, interruption, Stderr)!;

        var temporary = Directory.EnumerateFiles(Folder, ".results.csv.*.htma-tmp").Single();
        File.GetUnixFileMode(temporary).Should().Be(UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }

    [Test]
    public void A_symbolic_link_is_followed_and_kept()
    {
        var target = Write("target.txt", "old\n");
        var link = Path.Combine(Folder, "link.txt");
        File.CreateSymbolicLink(link, target);

        Run("interpret", Panel, "--out", link).Should().Be(0);

        new FileInfo(link).LinkTarget.Should().Be(target);
        File.ReadAllText(target).Should().Contain("OXIDATION: SLOW");
        Directory.EnumerateFileSystemEntries(Folder).Should().BeEquivalentTo([target, link]);
    }

    [Test]
    public void A_hard_link_is_broken_by_the_rename()
    {
        Assume.That(File.Exists("/bin/ln"), "needs ln");
        var target = Write("report.txt", "old\n");
        var other = Path.Combine(Folder, "other-name.txt");
        using (var ln = System.Diagnostics.Process.Start("/bin/ln", [target, other]))
        {
            ln.WaitForExit();
        }

        Run("interpret", Panel, "--out", target).Should().Be(0);

        File.ReadAllText(target).Should().Contain("OXIDATION: SLOW");
        File.ReadAllText(other).Should().Be("old\n", "the other name keeps the old file (documented)");
    }

    [Test]
    public void Devices_fifos_and_paths_under_dev_are_written_where_they_are()
    {
        Assume.That(OperatingSystem.IsLinux(), "Linux paths");
        OutputPath.Resolve("/dev/null").Kind.Should().Be(OutputPath.Kind.Special);
        OutputPath.Resolve("/dev/stdout").Kind.Should().Be(OutputPath.Kind.Special);
        var link = Path.Combine(Folder, "null.csv");
        File.CreateSymbolicLink(link, "/dev/null");
        OutputPath.Resolve(link).Should().Be(("/dev/null", OutputPath.Kind.Special));
        OutputPath.Resolve(Folder).Kind.Should().Be(OutputPath.Kind.Folder);
        OutputPath.Resolve(Path.Combine(Folder, "new.csv")).Kind.Should().Be(OutputPath.Kind.Missing);
        OutputPath.Resolve(Write("old.csv", "x")).Kind.Should().Be(OutputPath.Kind.RegularFile);
        var fifo = Path.Combine(Folder, "fifo");
        using (var mkfifo = System.Diagnostics.Process.Start("mkfifo", [fifo]))
        {
            mkfifo.WaitForExit();
        }

        OutputPath.Resolve(fifo).Kind.Should().Be(OutputPath.Kind.Special);

        Run("interpret", Panel, "--out", "/dev/null").Should().Be(0);
        Run("batch", TestPaths.Sample("wide-clinic-batch.csv"), "--out", link).Should().Be(0);
        new FileInfo(link).LinkTarget.Should().Be("/dev/null");
        Directory.EnumerateFiles(Folder, "*.htma-tmp", new EnumerationOptions { AttributesToSkip = 0 }).Should().BeEmpty();
    }

    [Test]
    public void Batch_writes_the_rows_through_the_temporary_file()
    {
        var output = Path.Combine(Folder, "results.csv");

        Run("batch", TestPaths.Sample("wide-clinic-batch.csv"), "--out", output).Should().Be(0);

        File.ReadAllLines(output).Should().HaveCount(23).And.StartWith(BatchResultWriter.CsvHeader);
        Directory.EnumerateFileSystemEntries(Folder).Should().Equal(output);
    }
}
