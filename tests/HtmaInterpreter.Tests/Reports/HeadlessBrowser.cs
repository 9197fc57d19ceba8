using System.Diagnostics;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>
/// Headless Chromium and the poppler tools for the Browser tests: found on the machine or the test is inconclusive
/// (never passed), run with a fresh profile and no network, and failed on a non-zero exit or a hang.
/// </summary>
internal static class HeadlessBrowser
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    /// <summary>Chromium from HTMA_CHROMIUM, /usr/bin/chromium or the PATH; the test is inconclusive without it.</summary>
    public static string RequireChromium()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("HTMA_CHROMIUM") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.Add("/usr/bin/chromium");
        foreach (var directory in PathDirectories())
        {
            candidates.Add(Path.Combine(directory, "chromium"));
            candidates.Add(Path.Combine(directory, "chromium-browser"));
        }

        var found = candidates.FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Inconclusive("Chromium is not installed (looked for HTMA_CHROMIUM, /usr/bin/chromium and chromium on the PATH); " +
                "install Debian's package (apt-get install -y chromium) to run the Browser tests. Nothing was checked.");
        }

        return found!;
    }

    /// <summary>A poppler tool (pdfinfo, pdftotext, pdftoppm) from the PATH; the test is inconclusive without it.</summary>
    public static string RequireTool(string tool)
    {
        var found = PathDirectories().Select(directory => Path.Combine(directory, tool)).FirstOrDefault(File.Exists);
        if (found is null)
        {
            Assert.Inconclusive($"{tool} is not installed (poppler-utils: apt-get install -y poppler-utils); the printed PDF was not checked.");
        }

        return found!;
    }

    /// <summary>Prints an HTML file to an A4 PDF as the browser's own print would, without the browser's header and footer.</summary>
    public static void PrintToPdf(string chromium, string htmlPath, string pdfPath) =>
        RunChromium(chromium, $"--print-to-pdf={pdfPath}", "--no-pdf-header-footer", new Uri(htmlPath).AbsoluteUri);

    /// <summary>Runs headless Chromium with a fresh profile and returns its standard output.</summary>
    public static string RunChromium(string chromium, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("htma-chromium-");
        try
        {
            return Run(chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                "--mute-audio", $"--user-data-dir={profile.FullName}", .. arguments]);
        }
        finally
        {
            try
            {
                profile.Delete(recursive: true);
            }
            catch (IOException)
            {
                // A crashed renderer can leave a lock file behind for a moment; the temp folder is cleaned by the OS.
            }
        }
    }

    /// <summary>Runs a command-line tool and returns its standard output; fails on a non-zero exit or a hang.</summary>
    public static string Run(string tool, params string[] arguments)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"{Path.GetFileName(tool)} did not finish within {Timeout.TotalSeconds} s.");
        }

        process.WaitForExit();
        process.ExitCode.Should().Be(0, $"{Path.GetFileName(tool)} should exit cleanly; its stderr ended with: {Tail(error.Result)}");
        return output.Result;
    }

    private static string[] PathDirectories() =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);

    private static string Tail(string text) => text.Length <= 1500 ? text : text[^1500..];
}
