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
/// Two more checks run Chromium once per case: the toxic panel's summary box and closed technical details as rendered
/// (a probe script in a copy of the report), and each single-panel sample printed to an A4 PDF with
/// <c>--print-to-pdf --no-pdf-header-footer</c>, read back with poppler's <c>pdfinfo</c> and <c>pdftotext</c> (page
/// count, the sample id and "page N of M" on every page, technical details printed last).
/// Without Chromium (or, for the PDF, without poppler-utils) the tests are inconclusive, never passed.
/// </summary>
[Category("Browser")]
[NonParallelizable]
public class BrowserReportTests
{
    private const string HostileCase = "hostile-sample-id";

    /// <summary>The printable width of an A4 page with 12 mm margins, in CSS pixels (96 per inch).</summary>
    private const int A4PrintableWidth = 703;

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
        var chromium = HeadlessBrowser.RequireChromium();
        var (interpretations, readDiagnostics) = Interpret(sample);
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-reports");
        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(sample);
        var htmlPath = Path.Combine(folder, name + ".html");
        var html = HtmlReport.Render(interpretations, readDiagnostics);
        File.WriteAllText(htmlPath, html);

        // 1. The DOM Chromium built from the report.
        var dom = HeadlessBrowser.RunChromium(chromium, "--window-size=1240,1754", "--virtual-time-budget=3000", "--dump-dom", new Uri(htmlPath).AbsoluteUri);
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
        var probed = HeadlessBrowser.RunChromium(chromium, $"--window-size={A4PrintableWidth},1100", "--hide-scrollbars", "--virtual-time-budget=3000", "--dump-dom", new Uri(probePath).AbsoluteUri);
        var width = ProbeNumber(probed, "data-probe-width");
        width.Should().Be(A4PrintableWidth, "the viewport should be the A4 printable width");
        ProbeNumber(probed, "data-probe-scroll-width").Should().BeLessThanOrEqualTo(width, "the page must not scroll sideways");
        Probe(probed, "data-probe-overflowing").Should().BeEmpty("no element may end right of the page");
        Probe(probed, "data-probe-bars-outside").Should().BeEmpty("every bar lies inside its chart");
        ProbeNumber(probed, "data-probe-bars").Should().Be(interpretations.Sum(i => i.Elements.Count), "the layout probe sees every bar");

        // 3. A screenshot of the first page at A4 proportions, kept as an artifact of the test run.
        var png = Path.Combine(folder, name + ".png");
        File.Delete(png);
        HeadlessBrowser.RunChromium(chromium, "--window-size=1240,1754", "--hide-scrollbars", "--virtual-time-budget=3000", $"--screenshot={png}", new Uri(htmlPath).AbsoluteUri);
        File.Exists(png).Should().BeTrue("Chromium should write the screenshot");
        File.ReadAllBytes(png).Take(8).Should().Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A });
        TestContext.AddTestAttachment(png, $"HTML report of {sample} as rendered by headless Chromium (1240×1754)");
        TestContext.AddTestAttachment(htmlPath, $"HTML report of {sample}");
    }

    private const string SummaryProbe =
        """
        <script>
        (function () {
          var root = document.documentElement, summary = document.querySelector('section.summary');
          var details = document.querySelector('details.technical'), label = details && details.querySelector('summary');
          root.setAttribute('data-probe-summary-background', summary ? getComputedStyle(summary).backgroundColor : '');
          root.setAttribute('data-probe-summary-text', summary ? summary.innerText.replace(/\s+/g, ' ') : '');
          root.setAttribute('data-probe-technical-open', details ? String(details.open) : 'missing');
          root.setAttribute('data-probe-technical-hidden-height', label ? String(Math.round(details.getBoundingClientRect().height - label.getBoundingClientRect().height)) : '-1');
        })();
        </script>
        """;

    /// <summary>
    /// The toxic panel as Chromium renders it, with a probe script in a copy of the report (one Chromium run): the first
    /// box is the summary, not green, naming lead and cadmium, the oxidation type and the number of findings; the
    /// technical details are there but closed (their content takes no height).
    /// </summary>
    [Test]
    public void Toxic_panel_leads_with_a_summary_that_is_not_green_and_the_technical_details_are_closed()
    {
        var chromium = HeadlessBrowser.RequireChromium();
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-reports");
        Directory.CreateDirectory(folder);
        var probePath = Path.Combine(folder, "summary.probe.html");
        File.WriteAllText(probePath, HtmlReport.Render(interpretation).Replace("</body>", SummaryProbe + "\n</body>", StringComparison.Ordinal));

        var dom = HeadlessBrowser.RunChromium(chromium, "--window-size=1240,1754", "--virtual-time-budget=3000", "--dump-dom", new Uri(probePath).AbsoluteUri);

        var article = dom[dom.IndexOf("<article ", StringComparison.Ordinal)..];
        var firstSection = Regex.Match(article, "<section class=\"([^\"]*)\" data-concern=\"([^\"]*)\"");
        firstSection.Index.Should().BeLessThan(article.IndexOf("<section class=\"oxidation", StringComparison.Ordinal), "the summary is the first box");
        firstSection.Groups[1].Value.Should().Be("summary concern-attention");
        dom.Should().NotContain("data-concern=\"none\"", "no green box on a panel with toxic metals above their limits");
        Probe(dom, "data-probe-summary-background").Should().Be("rgb(251, 241, 220)", "the amber tint, not the green one");
        var text = Probe(dom, "data-probe-summary-text");
        text.Should().Contain("Fast oxidation (moderate)");
        text.Should().Contain("Lead 0.42 mg% (limit 0.3)");
        text.Should().Contain("Cadmium 0.038 mg% (limit 0.014)");
        text.Should().Contain("6: 5 needing attention, 1 for information");
        Probe(dom, "data-probe-technical-open").Should().Be("false");
        ProbeNumber(dom, "data-probe-technical-hidden-height").Should().BeInRange(0, 4, "a closed details element is as high as its summary line");
    }

    private static IEnumerable<string> SinglePanelSamples() =>
        ReportSamples.SampleFiles().Where(sample => ReportSamples.Interpret(sample).Interpretations.Count == 1);

    /// <summary>Each single-panel sample, printed plain and with the sample branding (whose letterhead takes about 25 mm of page 1).</summary>
    private static IEnumerable<TestCaseData> SinglePanelSamplesPlainAndBranded() =>
        SinglePanelSamples().SelectMany(sample => new[] { new TestCaseData(sample, false), new TestCaseData(sample, true) });

    /// <summary>
    /// Each single-panel sample printed by Chromium to an A4 PDF (one Chromium run per sample): at most 3 pages, every
    /// page headed with the sample id and "page N of M", and the technical details printed at the end; with the sample
    /// branding, the same within 3 pages and the practice's letterhead on page 1.
    /// </summary>
    [TestCaseSource(nameof(SinglePanelSamplesPlainAndBranded))]
    public void Printed_panel_fits_three_A4_pages_with_the_sample_id_and_page_number_on_each(string sample, bool branded)
    {
        var chromium = HeadlessBrowser.RequireChromium();
        var pdfinfo = HeadlessBrowser.RequireTool("pdfinfo");
        var pdftotext = HeadlessBrowser.RequireTool("pdftotext");
        var interpretation = ReportSamples.One(sample);
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-reports");
        Directory.CreateDirectory(folder);
        var name = Path.GetFileNameWithoutExtension(sample) + (branded ? ".branded" : "");
        var htmlPath = Path.Combine(folder, name + ".print.html");
        var pdf = Path.Combine(folder, name + ".pdf");
        var branding = branded ? ReportBrandingReader.ReadFile(Path.Combine(TestPaths.Samples, "branding", "branding.yaml")).Value : null;
        if (branded)
        {
            branding.Should().NotBeNull("the sample branding reads");
        }

        File.WriteAllText(htmlPath, HtmlReport.Render(interpretation, options: new ReportOptions { Branding = branding }));
        File.Delete(pdf);

        HeadlessBrowser.RunChromium(chromium, "--no-pdf-header-footer", $"--print-to-pdf={pdf}", new Uri(htmlPath).AbsoluteUri);

        File.Exists(pdf).Should().BeTrue("Chromium should write the PDF");
        var info = HeadlessBrowser.Run(pdfinfo, pdf);
        Regex.IsMatch(info, @"Page size:.*\(A4\)").Should().BeTrue($"the page is A4; pdfinfo said: {info}");
        var pages = int.Parse(Regex.Match(info, @"Pages:\s+(\d+)").Groups[1].Value, CultureInfo.InvariantCulture);
        pages.Should().BeInRange(1, 3, "one panel fits on at most 3 A4 pages");
        var text = HeadlessBrowser.Run(pdftotext, "-layout", pdf, "-");
        var pageTexts = text.Split('\f').Where(page => page.Trim().Length > 0).ToList();
        pageTexts.Should().HaveCount(pages);
        for (var page = 1; page <= pages; page++)
        {
            pageTexts[page - 1].Should().Contain($"Sample {interpretation.Panel.SampleId} · page {page} of {pages}", $"page {page} is headed with the sample id and its number");
        }

        if (branded)
        {
            pageTexts[0].Should().Contain(branding!.PracticeName!, "the letterhead is printed on page 1");
            pageTexts[0].Should().Contain(branding.Address![0], "the letterhead is printed on page 1");
        }

        text.IndexOf("Technical details", StringComparison.Ordinal).Should().BeGreaterThan(text.IndexOf("Not a diagnosis.", StringComparison.Ordinal), "the technical details are printed, last");
        text.Should().Contain(interpretation.Findings.Count > 0 ? "Rules that fired" : "Technical details", "the closed details are printed open");
        if (interpretation.NotEvaluated.Count > 0)
        {
            text.Should().ContainEquivalentOf("Not evaluated", "the closed details are printed open");
            text.Should().Contain(interpretation.NotEvaluated[0].RuleId);
        }

        TestContext.AddTestAttachment(pdf, $"{sample} printed to A4 by headless Chromium");
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
}
