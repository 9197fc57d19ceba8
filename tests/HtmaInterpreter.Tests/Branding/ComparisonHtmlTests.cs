using System.Text.RegularExpressions;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;
using HtmaInterpreter.Tests.Reports;

namespace HtmaInterpreter.Tests.Branding;

/// <summary>The HTML comparison report: the single report's look, a shared axis per element, labelled sparkline points, the page boxes.</summary>
public partial class ComparisonHtmlTests
{
    internal static RetestComparison SampleComparison()
    {
        var reader = new PanelReader();
        var panels = new[] { "retest-P-0009-2025-10-06.csv", "retest-P-0009-2026-02-09.yaml" }
            .SelectMany(name => reader.ReadFile(TestPaths.Sample(name)).Value!)
            .ToList();
        return new RetestComparer().Compare(panels).Value!;
    }

    [Test]
    public void Compare_html_uses_the_report_css_and_names_model_profile_and_not_a_diagnosis()
    {
        var html = ComparisonReport.Render(SampleComparison(), ReportFormat.Html);

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">");
        html.Should().Contain(HtmlReport.Css, "the comparison has the same fonts, headings and tables as the single report");
        html.Should().Contain("<article class=\"report comparison\" data-subject-id=\"P-0009\" data-tests=\"2\">");
        html.Should().Contain("judged against lab profile Analytical Research Labs (arl) · oxidation model eck-wilson");
        html.Should().Contain("<footer class=\"disclaimer\">\n<p><strong>Not a diagnosis.</strong> This describes mineral patterns");
        html.Should().Contain("@page { size: A4; @top-right { content: \"HTMA retest comparison \\B7  subject P-0009\";");
        html.Should().Contain("@bottom-right { content: \"page \" counter(page) \" of \" counter(pages);");
        html.Should().Contain("<table class=\"data compact\">");
        html.Should().NotContain("<script").And.NotContain("brand-");
    }

    [Test]
    public void Element_bars_share_one_scale_per_element_with_axis_values_and_bar_values()
    {
        var html = ComparisonReport.Render(SampleComparison(), ReportFormat.Html);

        var ca = Row(html, "Ca");
        ca.Should().Contain("data-scale-max=\"100\"", "Ca is 96 and 72 with ideal 40, so the shared scale runs to 100");
        AxisValues(ca).Should().Equal("0", "50", "100");
        Regex.Count(ca, "<rect class=\"cmp-bar\"").Should().Be(2, "one bar per test, side by side");
        BarValues(ca).Should().Equal("96", "72");
        var mn = Row(html, "Mn");
        AxisValues(mn).Should().Equal("0", "0.025", "0.05"); // ARL grades Mn above 0.04 mg%, and the scale takes in that limit
        BarValues(mn).Should().Equal("0.014", "0.016");
    }

    [Test]
    public void Every_sparkline_point_is_labelled_with_its_value()
    {
        var comparison = SampleComparison();
        var html = ComparisonReport.Render(comparison, ReportFormat.Html);

        foreach (var name in RetestComparison.KeyRatios)
        {
            var series = comparison.Ratios.Single(r => r.Name == name);
            var figure = Regex.Match(html, $"<figure data-ratio=\"{Regex.Escape(name)}\">.*?</figure>").Value;
            figure.Should().NotBeEmpty(name);
            var labels = Regex.Matches(figure, "<text class=\"cmp-value\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value);
            labels.Should().Equal(series.Values.Select(v => ReportText.Format(v!.Value)), name);
        }

        html.Should().Contain("<text class=\"cmp-ideal-label\"", "the ideal is labelled too");
    }

    [TestCase(96, 100)]
    [TestCase(100, 100)]
    [TestCase(101, 200)]
    [TestCase(0.016, 0.02)]
    [TestCase(2.3, 2.5)]
    [TestCase(3, 5)]
    [TestCase(0, 1)]
    [TestCase(double.PositiveInfinity, 1)]
    public void Scale_top_is_a_round_number_at_or_above_the_largest_value(double value, double top) =>
        ComparisonReport.NiceTop(value).Should().BeApproximately(top, top * 1e-9);

    [Test]
    public void Hand_built_branding_with_unsafe_parts_renders_the_safe_parts_only()
    {
        var options = new ReportOptions
        {
            Branding = new ReportBranding { PracticeName = "Clinic", ExtraCss = "body{background:url(https://example.com/x.png)}", Footer = "F" },
        };

        var html = ComparisonReport.Render(SampleComparison(), ReportFormat.Html, options: options);

        html.Should().Contain("<p class=\"brand-name\">Clinic</p>").And.Contain("@bottom-left { content: \"F\"").And.NotContain("example.com");
    }

    private static string Row(string html, string element)
    {
        var row = html[html.IndexOf($"<tr><td>{element}</td>", StringComparison.Ordinal)..];
        return row[..row.IndexOf("</tr>", StringComparison.Ordinal)];
    }

    private static List<string> AxisValues(string row) =>
        [.. Regex.Matches(row, "<text class=\"cmp-axis\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value)];

    private static List<string> BarValues(string row) =>
        [.. Regex.Matches(row, "<text class=\"cmp-value\"[^>]*>([^<]*)</text>").Select(m => m.Groups[1].Value)];
}

/// <summary>Prints the comparison report with headless Chromium and checks the PDF's paper size with pdfinfo.</summary>
[Category("Browser")]
[NonParallelizable]
public partial class ComparisonPrintTests
{
    [Test]
    public void Compare_report_prints_on_A4_with_the_letterhead()
    {
        var chromium = HeadlessBrowser.RequireChromium();
        var pdfinfo = HeadlessBrowser.RequireTool("pdfinfo");
        var pdftotext = HeadlessBrowser.RequireTool("pdftotext");
        var folder = Path.Combine(TestContext.CurrentContext.WorkDirectory, "browser-reports");
        Directory.CreateDirectory(folder);
        var branding = ReportBrandingReader.ReadFile(Path.Combine(TestPaths.Samples, "branding", "branding.yaml")).Value;
        var html = Path.Combine(folder, "compare.html");
        var pdf = Path.Combine(folder, "compare.pdf");
        File.WriteAllText(html, ComparisonReport.Render(ComparisonHtmlTests.SampleComparison(), ReportFormat.Html, options: new ReportOptions { Branding = branding }));

        HeadlessBrowser.PrintToPdf(chromium, html, pdf);
        var info = HeadlessBrowser.Run(pdfinfo, pdf);
        var firstPage = HeadlessBrowser.Run(pdftotext, "-f", "1", "-l", "1", "-layout", pdf, "-");

        PageSize().Match(info).Groups["size"].Value.Should().Be("594.96 x 841.92 pts (A4)", info);
        firstPage.Should().Contain("Riverside Nutrition Practice").And.Contain("subject P-0009").And.Contain("page 1 of");
        TestContext.AddTestAttachment(pdf, "The comparison report printed by headless Chromium");
    }

    [GeneratedRegex(@"^Page size:\s+(?<size>.+?)\s*$", RegexOptions.Multiline)]
    private static partial Regex PageSize();
}
