using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>
/// Opens the HTML report of every sample (and of a panel with a hostile sample id) in headless Chromium and checks what
/// the browser rendered, not only the HTML text:
/// <list type="number">
/// <item>the DOM after loading (<c>--dump-dom</c>): each panel's <c>article</c> has exactly one <c>g.element-bar</c>
/// (<c>data-element</c> hook) per measurement of the panel, there is no script element, and the hostile sample id is
/// text (escaped in the serialised DOM), not an element;</item>
/// <item>the layout at the printable width of an A4 page (210 mm − 2 × 12 mm margins = 186 mm ≈ 703 CSS px): a copy of
/// the report with a small probe script added by this test (the report itself has none) measures every element's box
/// after layout and writes the results into the DOM, which <c>--dump-dom</c> then returns. It checks that the page does
/// not scroll sideways, that no element's box ends right of the viewport, and that every bar group lies inside its
/// chart. This is the screen layout at that width, which is narrower than the print layout (the screen style adds page
/// padding the print style drops), so it is the stricter case; Chromium's print engine itself is not run;</item>
/// <item>a PNG screenshot at 1240 × 1754 px (A4 at 150 dpi) of each report, attached to the test result
/// (<see cref="TestContext.AddTestAttachment"/>) and kept under the test's work directory in
/// <c>browser-reports/</c>, outside git.</item>
/// </list>
/// Without Chromium the tests are inconclusive, never passed.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public class BrowserReportTests
{
    private const string HostileCase = "hostile-sample-id";

    /// <summary>The printable width of an A4 page with 12 mm margins, in CSS pixels (96 per inch).</summary>
    private const int A4PrintableWidth = 703;

    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(90);

    private const string LayoutProbe =
        """
        <script>
        (function () {
          var root = document.documentElement, width = root.clientWidth, overflowing = [], outside = [];
          document.querySelectorAll('body *').forEach(function (e) {
            var r = e.getBoundingClientRect();
            if (r.width > 0 && (r.right > width + 0.5 || r.left < -0.5)) {
              overflowing.push(e.tagName.toLowerCase() + '.' + (e.getAttribute('class') || '').split(' ')[0]);
            }
          });
          document.querySelectorAll('svg.chart').forEach(function (svg) {
            var s = svg.getBoundingClientRect();
            svg.querySelectorAll('g.element-bar, g.ratio-bar').forEach(function (g) {
              var r = g.getBoundingClientRect();
              if (r.left < s.left - 0.5 || r.right > s.right + 0.5) {
                outside.push(g.getAttribute('data-element') || g.getAttribute('data-ratio'));
              }
            });
          });
          root.setAttribute('data-probe-width', String(width));
          root.setAttribute('data-probe-scroll-width', String(root.scrollWidth));
          root.setAttribute('data-probe-overflowing', overflowing.slice(0, 20).join(' '));
          root.setAttribute('data-probe-bars-outside', outside.join(' '));
          root.setAttribute('data-probe-bars', String(document.querySelectorAll('svg.chart g.element-bar').length));
        })();
        </script>
        """;

    private static IEnumerable<string> Cases() => ReportSamples.SampleFiles().Append(HostileCase);

    [TestCaseSource(nameof(Cases))]
    public void Report_rendered_by_chromium_has_a_bar_per_element_escaped_text_and_fits_an_A4_page(string sample)
    {
        var chromium = RequireChromium();
        var (interpretations, readDiagnostics) = Interpret(sample);
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-reports");
        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(sample);
        var htmlPath = Path.Combine(folder, name + ".html");
        var html = HtmlReport.Render(interpretations, readDiagnostics);
        File.WriteAllText(htmlPath, html);

        // 1. The DOM Chromium built from the report.
        var dom = RunChromium(chromium, "--window-size=1240,1754", "--virtual-time-budget=3000", "--dump-dom", new Uri(htmlPath).AbsoluteUri);
        dom.Should().Contain("</html>", "Chromium should dump the whole document");
        dom.Should().NotContainEquivalentOf("<script", "the report has no script, and no input may create one");
        var articles = Regex.Split(dom, "(?=<article )").Where(part => part.StartsWith("<article ", StringComparison.Ordinal)).ToList();
        articles.Should().HaveCount(interpretations.Count, "one article per panel");
        for (var i = 0; i < interpretations.Count; i++)
        {
            var panel = interpretations[i].Panel;
            var hooks = Regex.Matches(articles[i], "<g class=\"element-bar[^\"]*\" data-element=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
            hooks.Should().HaveCount(panel.Measurements.Count, $"panel {panel.SampleId} has {panel.Measurements.Count} measurements");
            hooks.Should().BeEquivalentTo(panel.Measurements.Select(m => HtmlReport.Escape(m.Element?.Symbol ?? m.ReportedName)));
            articles[i].Should().Contain($"data-sample-id=\"{HtmlReport.Escape(panel.SampleId)}\"");
        }

        if (sample == HostileCase)
        {
            dom.Should().Contain("<span class=\"sample-id\">&lt;script&gt;alert(1)&lt;/script&gt;</span>", "the hostile id is shown as text");
            dom.Should().Contain("<title>HTMA interpretation – sample &lt;script&gt;alert(1)&lt;/script&gt;</title>");
            dom.Should().NotContain("<img", "the hostile element name is text, not an image element");
        }

        // 2. Layout at the printable width of A4, measured by a probe script in a copy of the report.
        var probePath = Path.Combine(folder, name + ".probe.html");
        File.WriteAllText(probePath, html.Replace("</body>", LayoutProbe + "\n</body>", StringComparison.Ordinal));
        var probed = RunChromium(chromium, $"--window-size={A4PrintableWidth},1100", "--hide-scrollbars", "--virtual-time-budget=3000", "--dump-dom", new Uri(probePath).AbsoluteUri);
        var width = ProbeNumber(probed, "data-probe-width");
        width.Should().Be(A4PrintableWidth, "the viewport should be the A4 printable width");
        ProbeNumber(probed, "data-probe-scroll-width").Should().BeLessThanOrEqualTo(width, "the page must not scroll sideways");
        Probe(probed, "data-probe-overflowing").Should().BeEmpty("no element may end right of the page");
        Probe(probed, "data-probe-bars-outside").Should().BeEmpty("every bar lies inside its chart");
        ProbeNumber(probed, "data-probe-bars").Should().Be(interpretations.Sum(i => i.Elements.Count), "the layout probe sees every bar");

        // 3. A screenshot of the first page at A4 proportions, kept as an artifact of the test run.
        var png = Path.Combine(folder, name + ".png");
        File.Delete(png);
        RunChromium(chromium, "--window-size=1240,1754", "--hide-scrollbars", "--virtual-time-budget=3000", $"--screenshot={png}", new Uri(htmlPath).AbsoluteUri);
        File.Exists(png).Should().BeTrue("Chromium should write the screenshot");
        File.ReadAllBytes(png).Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        TestContext.AddTestAttachment(png, $"HTML report of {sample} as rendered by headless Chromium (1240×1754)");
        TestContext.AddTestAttachment(htmlPath, $"HTML report of {sample}");
    }

    private static (IReadOnlyList<HtmaInterpreter.Interpretation> Interpretations, IReadOnlyList<Diagnostic> ReadDiagnostics) Interpret(string sample) =>
        sample == HostileCase
            ? ([ReportSamples.Hostile()], ReportSamples.HostileDiagnostics())
            : ReportSamples.Interpret(sample);

    private static string Probe(string dom, string attribute)
    {
        var match = Regex.Match(dom, $"<html[^>]* {attribute}=\"([^\"]*)\"");
        match.Success.Should().BeTrue($"the layout probe should have written {attribute} (did the script run?)");
        return match.Groups[1].Value;
    }

    private static int ProbeNumber(string dom, string attribute) => int.Parse(Probe(dom, attribute), CultureInfo.InvariantCulture);

    /// <summary>Chromium from HTMA_CHROMIUM, /usr/bin/chromium or the PATH; the test is inconclusive without it.</summary>
    private static string RequireChromium()
    {
        var candidates = new List<string>();
        if (Environment.GetEnvironmentVariable("HTMA_CHROMIUM") is { Length: > 0 } configured)
        {
            candidates.Add(configured);
        }

        candidates.Add("/usr/bin/chromium");
        foreach (var directory in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries))
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

    /// <summary>Runs headless Chromium with a fresh profile and returns its standard output; fails on a non-zero exit or a hang.</summary>
    private static string RunChromium(string chromium, params string[] arguments)
    {
        var profile = Directory.CreateTempSubdirectory("htma-chromium-");
        try
        {
            var start = new ProcessStartInfo(chromium)
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            foreach (var argument in (string[])["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-extensions",
                         "--mute-audio", $"--user-data-dir={profile.FullName}", .. arguments])
            {
                start.ArgumentList.Add(argument);
            }

            using var process = Process.Start(start)!;
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(Timeout))
            {
                process.Kill(entireProcessTree: true);
                Assert.Fail($"Chromium did not finish within {Timeout.TotalSeconds} s.");
            }

            process.WaitForExit();
            process.ExitCode.Should().Be(0, $"Chromium should exit cleanly; its stderr ended with: {Tail(error.Result)}");
            return output.Result;
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

    private static string Tail(string text) => text.Length <= 1500 ? text : text[^1500..];
}
