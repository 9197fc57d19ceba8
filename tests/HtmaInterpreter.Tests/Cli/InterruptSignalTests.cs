using System.Diagnostics;
using System.Globalization;
using System.Text;
using HtmaInterpreter.Tests.Batch;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>Item 13 of issue 13 for real: <c>htma batch --out</c> in its own process, stopped with SIGINT.</summary>
[NonParallelizable]
public class InterruptSignalTests
{
    private string _folder = "";

    [SetUp]
    public void CreateFolder() => _folder = Directory.CreateTempSubdirectory("htma-signal-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void Sigint_during_batch_out_exits_130_says_so_and_leaves_neither_the_file_nor_a_temporary_one()
    {
        Assume.That(OperatingSystem.IsLinux() && File.Exists("/bin/kill"), "needs Linux and /bin/kill");
        Assume.That(!SigintIgnored(), "SIGINT is ignored by this test run (started in the background?), and so by its children");
        var input = Path.Combine(_folder, "wide.csv");
        using (var writer = new StreamWriter(input, false, new UTF8Encoding(false), 1 << 16))
        {
            writer.Write(BatchTestData.Header + "\n");
            for (var i = 1; i <= 500_000; i++)
            {
                writer.Write(string.Create(CultureInfo.InvariantCulture, $"G-{i:D7},ARL,female,40,{10 + (i * 7 % 290)},8,{5 + (i * 11 % 60)},{2 + (i * 3 % 28)},1.5,16,14\n"));
            }
        }

        var output = Path.Combine(_folder, "results.csv");
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { Path.Combine(TestContext.CurrentContext.TestDirectory, "htma.dll"), "batch", input, "--out", output })
        {
            start.ArgumentList.Add(arg);
        }

        using var htma = Process.Start(start)!;
        var stderr = htma.StandardError.ReadToEndAsync();
        var stdout = htma.StandardOutput.ReadToEndAsync();

        // Rows are being written when the temporary file has grown; then Ctrl-C.
        var writing = SpinWait.SpinUntil(
            () => htma.HasExited || Directory.EnumerateFiles(_folder, ".results.csv.*.htma-tmp").Any(f => new FileInfo(f).Length > 0),
            TimeSpan.FromSeconds(30));
        if (htma.HasExited || !writing)
        {
            htma.WaitForExit();
            Assert.Ignore($"htma finished (exit {htma.ExitCode}) before it could be interrupted; make the input bigger");
        }

        using (var kill = Process.Start("/bin/kill", ["-INT", htma.Id.ToString(CultureInfo.InvariantCulture)]))
        {
            kill.WaitForExit();
        }

        htma.WaitForExit(30_000).Should().BeTrue("htma stops within the grace period");
        htma.ExitCode.Should().Be(130, stderr.Result);
        stderr.Result.Should().Be($"htma: interrupted (HTMA0702); {output} was not written\n");
        stdout.Result.Should().BeEmpty();
        Directory.EnumerateFileSystemEntries(_folder).Select(Path.GetFileName).Should().Equal("wide.csv");
    }

    /// <summary>True when this process ignores SIGINT (bit 2 of SigIgn in /proc/self/status), as children then do.</summary>
    private static bool SigintIgnored()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (ulong.Parse(line["SigIgn:".Length..].Trim(), NumberStyles.HexNumber, CultureInfo.InvariantCulture) & 0b10) != 0;
    }
}
