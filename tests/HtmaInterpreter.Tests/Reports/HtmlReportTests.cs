using System.Text.RegularExpressions;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Reports;

public class HtmlReportTests
{
    [Test]
    public void Report_of_a_sample_has_header_values_findings_and_disclaimer()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        var html = HtmlReport.Render(interpretation);

        html.Should().StartWith("<!DOCTYPE html>\n<html lang=\"en\">");
        html.Should().EndWith("</html>\n");
        html.Should().Contain("<span class=\"sample-id\">S-2026-0106</span>");
        html.Should().Contain("<dt>Subject</dt><dd>P-0006</dd>");
        html.Should().Contain("<dt>Collected</dt><dd>2026-03-09</dd>");
        html.Should().Contain("Trace Elements Inc.");
        html.Should().Contain("<p class=\"type\">Fast oxidation (moderate)</p>");
        html.Should().Contain("<tr><td>Ca/K</td><td class=\"num\">0.9</td><td class=\"cmp\">&lt;</td><td class=\"num\">4</td><td>fast</td></tr>");
        html.Should().Contain("<text class=\"num\" x=\"196\" y=\"15\" text-anchor=\"end\">0.42</text>", "Pb's value is printed in its bar row");
        html.Should().Contain("<text class=\"ref\" x=\"272\" y=\"15\" text-anchor=\"end\">≤ 0.3</text>", "Pb's TEI limit is printed as the reference");
        foreach (var finding in interpretation.Findings)
        {
            html.Should().Contain($"data-rule=\"{finding.RuleId}\"");
        }

        html.Should().Contain("Not a diagnosis.");
        html.Should().Contain("recommends no drug or dose");
    }

    [Test]
    public void Every_element_has_exactly_one_bar_and_toxic_metals_are_in_their_own_chart()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        var html = HtmlReport.Render(interpretation);

        var bars = Regex.Matches(html, "<g class=\"element-bar[^\"]*\" data-element=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        bars.Should().Equal(interpretation.Elements.OrderBy(ReportText.GroupOf).Select(e => e.Measurement.Element!.Symbol), "nutrients, toxic metals, then additional elements, each in panel order");
        var toxicChart = Regex.Match(html, "<svg class=\"chart element-chart\" data-group=\"Toxic metals\".*?</svg>", RegexOptions.Singleline).Value;
        Regex.Matches(toxicChart, "data-element=\"([^\"]*)\"").Select(m => m.Groups[1].Value)
            .Should().Equal("Pb", "Hg", "Cd", "As", "Al", "U", "Ni");
        html.Should().Contain("<g class=\"element-bar level-elevated\" data-element=\"Pb\" data-level=\"elevated\" data-basis=\"toxic-limit\" data-scale=\"limit\"");
        html.Should().Contain("<g class=\"element-bar level-low\" data-element=\"Ca\" data-level=\"low\" data-basis=\"range\" data-scale=\"range\"");
        html.Should().Contain("<g class=\"element-bar level-unknown\" data-element=\"Ni\" data-level=\"unknown\" data-basis=\"none\" data-scale=\"none\"", "an element without a band still gets a bar");
    }

    [Test]
    public void Charts_have_a_fixed_view_box_and_the_full_width_so_they_fit_the_page()
    {
        var html = HtmlReport.Render(ReportSamples.One("slow-oxidizer.csv"));

        var svgs = Regex.Matches(html, "<svg [^>]*>").Select(m => m.Value).ToList();
        svgs.Should().NotBeEmpty();
        svgs.Should().AllSatisfy(svg =>
        {
            svg.Should().MatchRegex("viewBox=\"0 0 720 [0-9]+\"");
            svg.Should().Contain("width=\"100%\"");
        });
        // Every x coordinate drawn stays inside the 720-unit viewBox (the overflow arrowhead included).
        Regex.Matches(html, " (?:x|x1|x2)=\"(-?[0-9.]+)\"").Select(m => double.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Should().OnlyContain(x => x >= 0 && x <= HtmlCharts.ViewWidth);
    }

    [Test]
    public void Ratio_chart_has_one_bar_per_ratio_with_an_ideal_and_a_table_for_the_others()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        var html = HtmlReport.Render(interpretation);

        var charted = Regex.Matches(html, "<g class=\"ratio-bar [^\"]*\" data-ratio=\"([^\"]*)\"").Select(m => m.Groups[1].Value).ToList();
        charted.Should().Equal(interpretation.Ratios.Where(r => r.Ideal is not null || r.IdealLow is not null || r.IdealHigh is not null).Select(r => r.Name));
        charted.Should().Contain("Ca/K");
        html.Should().Contain("<h3>Ratios without a published ideal</h3>");
        html.Should().Contain("<div><dt>Ca/Pb</dt><dd>42.8571</dd></div>");
    }

    [Test]
    public void Referrals_are_in_a_red_summary_box_before_the_oxidation_section()
    {
        var interpretation = ReportSamples.WithReferral();

        var html = HtmlReport.Render(interpretation);

        var box = html.IndexOf("<section class=\"summary concern-refer\" data-concern=\"refer\">", StringComparison.Ordinal);
        box.Should().BePositive();
        box.Should().BeLessThan(html.IndexOf("<section class=\"oxidation", StringComparison.Ordinal));
        var summary = html[box..html.IndexOf("</section>", box, StringComparison.Ordinal)];
        summary.Should().Contain("<strong>refer to a physician</strong>:<ul class=\"referrals\">");
        foreach (var referral in interpretation.Referrals)
        {
            summary.Should().Contain("<li><strong>" + HtmlReport.Escape(referral.Title) + "</strong>");
        }

        html.Should().Contain("<div class=\"severity-group sev-refer\">");
    }

    [Test]
    public void Hostile_sample_id_subject_element_name_and_diagnostics_are_escaped()
    {
        var html = HtmlReport.Render(ReportSamples.Hostile(), ReportSamples.HostileDiagnostics());

        html.Should().NotContainEquivalentOf("<script");
        html.Should().NotContain("<img");
        html.Should().NotContain("<b>");
        html.Should().Contain("<span class=\"sample-id\">&lt;script&gt;alert(1)&lt;/script&gt;</span>");
        html.Should().Contain("data-sample-id=\"&lt;script&gt;alert(1)&lt;/script&gt;\"");
        html.Should().Contain("<title>HTMA interpretation – sample &lt;script&gt;alert(1)&lt;/script&gt;</title>");
        html.Should().Contain("Smith &amp; &quot;Jones&quot; &#39;O&#39;Brien&#39;");
        html.Should().Contain("data-element=\"&lt;img src=x onerror=alert(2)&gt;\"");
        html.Should().Contain("value &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;");
        html.Should().Contain("evil&lt;file&gt;&amp;.csv:3:7 (Ca)");
    }

    [Test]
    public void Html_has_no_scripts_and_no_external_references()
    {
        foreach (var sample in ReportSamples.SampleFiles())
        {
            var (interpretations, diagnostics) = ReportSamples.Interpret(sample);
            var html = HtmlReport.Render(interpretations, diagnostics);

            html.Should().NotContainEquivalentOf("<script", sample);
            html.Should().NotContainEquivalentOf("http://", sample);
            html.Should().NotContainEquivalentOf("https://", sample);
            html.Should().NotContainEquivalentOf("url(", sample);
            html.Should().NotContainEquivalentOf("@import", sample);
            html.Should().NotContainEquivalentOf("<link", sample);
            html.Should().NotMatchRegex("\\son[a-z]+=", "no event handler attribute such as onload= in " + sample);
        }
    }

    [Test]
    public void Several_panels_make_one_document_with_one_article_each_in_input_order()
    {
        var (interpretations, diagnostics) = ReportSamples.Interpret("wide-clinic-batch.csv");

        var html = HtmlReport.Render(interpretations, diagnostics);

        Regex.Matches(html, "<!DOCTYPE html>").Should().HaveCount(1);
        Regex.Matches(html, "<article class=\"report\" id=\"panel-([0-9]+)\" data-sample-id=\"([^\"]*)\"").Select(m => m.Groups[2].Value)
            .Should().Equal(interpretations.Select(i => i.Panel.SampleId));
        html.Should().Contain("<nav class=\"index\">");
        html.Should().Contain("<a href=\"#panel-1\">");
    }

    [Test]
    public void Output_is_deterministic_and_uses_the_invariant_culture()
    {
        var interpretation = ReportSamples.One("four-lows-eu.csv");
        var first = HtmlReport.Render(interpretation);

        var culture = System.Globalization.CultureInfo.CurrentCulture;
        try
        {
            // The test host may run in globalization-invariant mode, so build a culture with a decimal comma by hand.
            var commaCulture = (System.Globalization.CultureInfo)System.Globalization.CultureInfo.InvariantCulture.Clone();
            commaCulture.NumberFormat.NumberDecimalSeparator = ",";
            System.Globalization.CultureInfo.CurrentCulture = commaCulture;
            HtmlReport.Render(interpretation).Should().Be(first);
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentCulture = culture;
        }

        first.Should().Contain(">28.5</text>");
    }

    [Test]
    public void Print_styles_set_an_A4_page_and_keep_findings_whole()
    {
        var html = HtmlReport.Render(ReportSamples.One("slow-oxidizer.csv"));

        html.Should().Contain("@page { size: A4; margin: 10mm 12mm;");
        html.Should().Contain("@media print");
        html.Should().MatchRegex("\\.finding[^{]*\\{[^}]*break-inside: avoid");
    }

    [Test]
    public void No_panel_gives_a_document_that_says_so_with_the_read_diagnostics()
    {
        var html = ReportRenderer.Render([], ReportFormat.Html, readDiagnostics: ReportSamples.HostileDiagnostics());

        html.Should().Contain("No panel could be interpreted.");
        html.Should().Contain("HTMA0199");
        html.Should().Contain("Not a diagnosis.");
    }
}
