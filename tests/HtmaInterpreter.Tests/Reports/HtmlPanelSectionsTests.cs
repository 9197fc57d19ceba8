using System.Text.RegularExpressions;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>The single-panel HTML report as a practitioner reads it: summary box first, ratio chart in line with the findings, plain findings, technical details last, print page boxes.</summary>
public class HtmlPanelSectionsTests
{
    private static string Section(string html, string start, string end = "\n</section>\n")
    {
        var from = html.IndexOf(start, StringComparison.Ordinal);
        from.Should().BeGreaterThanOrEqualTo(0, $"the report should contain {start}");
        return html[from..html.IndexOf(end, from, StringComparison.Ordinal)];
    }

    [Test]
    public void Summary_of_the_toxic_panel_names_oxidation_lead_and_cadmium_with_limits_and_counts_findings_and_is_not_green()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        var html = HtmlReport.Render(interpretation);

        HtmlReport.ConcernOf(interpretation).Should().Be(HtmlReport.Concern.Attention);
        var summary = Section(html, "<section class=\"summary");
        summary.Should().StartWith("<section class=\"summary concern-attention\" data-concern=\"attention\">\n<h2>Summary</h2>");
        summary.Should().Contain("<span class=\"label\">Oxidation</span> <strong>Fast oxidation (moderate)</strong> · Na/K inversion");
        summary.Should().Contain("<span class=\"label\">Referrals</span> none asked for by the rule set");
        summary.Should().Contain("<strong class=\"toxic-metal\" data-element=\"Pb\">Lead 0.42 mg%</strong> (limit 0.3)");
        summary.Should().Contain("<strong class=\"toxic-metal\" data-element=\"Cd\">Cadmium 0.038 mg%</strong> (limit 0.014)");
        summary.Should().Contain("<li class=\"summary-findings\" data-findings=\"6\"><span class=\"label\">Findings</span> <strong>6</strong>: 5 needing attention, 1 for information");
        summary.Should().NotContain("all-clear");
        html.Should().NotContain("data-concern=\"none\"");
        html.IndexOf("<section class=\"summary", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("<section class=\"oxidation", StringComparison.Ordinal));
    }

    [Test]
    public void Summary_is_green_only_when_nothing_concerns_and_still_says_it_is_not_a_diagnosis()
    {
        var interpretation = ReportSamples.One("mixed-pattern.json");
        interpretation.Findings.Should().ContainSingle().Which.Severity.Should().Be(RuleSeverity.Info, "only the profile-gap note for copper");

        var html = HtmlReport.Render(interpretation);

        HtmlReport.ConcernOf(interpretation).Should().Be(HtmlReport.Concern.None);
        var summary = Section(html, "<section class=\"summary");
        summary.Should().StartWith("<section class=\"summary concern-none\" data-concern=\"none\">");
        summary.Should().Contain("<span class=\"label\">Toxic metals</span> none above its limit in the");
        summary.Should().Contain("<span class=\"label\">Findings</span> <strong>1</strong>: 1 for information");
        summary.Should().Contain("<p class=\"all-clear\">Nothing here asks for a referral or for attention under this rule set. This is not a diagnosis and does not rule anything out.</p>");
    }

    [Test]
    public void A_toxic_metal_above_its_limit_alone_keeps_the_summary_out_of_green()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");
        var withoutFindings = interpretation with { Findings = [] };

        HtmlReport.ConcernOf(withoutFindings).Should().Be(HtmlReport.Concern.Attention, "Pb and Cd are above their limits even if no rule fired");
        var infoOnly = ReportSamples.One("mixed-pattern.json") with { Findings = interpretation.Findings.Where(f => f.Severity == RuleSeverity.Info).ToList() };
        HtmlReport.ConcernOf(infoOnly).Should().Be(HtmlReport.Concern.None, "an information finding alone is not a concern");
        HtmlReport.Render(infoOnly).Should().Contain("<strong>1</strong>: 1 for information");
    }

    [Test]
    public void Ratio_chart_flags_what_the_findings_cite_with_their_threshold_and_marks_the_deciding_ratios()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");
        var naK = interpretation.Ratios.Single(r => r.Name == "Na/K");
        (naK.Value >= naK.IdealLow && naK.Value <= naK.IdealHigh).Should().BeTrue("TEI's Na/K ideal range holds 2.4, which is why it used to be drawn green");

        var html = HtmlReport.Render(interpretation);

        var naKRow = Regex.Match(html, "<g class=\"ratio-bar [^\"]*\" data-ratio=\"Na/K\".*?</g>").Value;
        naKRow.Should().StartWith("<g class=\"ratio-bar flagged\" data-ratio=\"Na/K\"", "a finding cites Na/K < 2.5, so the chart may not draw it as fine");
        naKRow.Should().Contain("<text class=\"flag\" x=\"600\" y=\"15\">below 2.5</text>");
        html.Should().Contain("<g class=\"ratio-bar flagged deciding\" data-ratio=\"Ca/K\"");
        html.Should().Contain("<g class=\"ratio-bar flagged deciding\" data-ratio=\"Na/Mg\"");
        html.Should().Contain("<g class=\"ratio-bar no-range\" data-ratio=\"Ca/Mg\"");
        Regex.Matches(html, "<text class=\"mark\"[^>]*>◆</text>").Should().HaveCount(2, "the two deciding ratios");
        html.Should().Contain("<span class=\"key ratio-flagged\"></span>named by a finding");
        html.Should().Contain("<strong>×2</strong> <strong>×5</strong> <strong>×10</strong>: two, five, ten times it");
    }

    [Test]
    public void Ratio_flags_use_the_qualifier_word_only_when_no_finding_gives_a_threshold()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        HtmlReport.RatioFlags(interpretation)["Na/K"].Should().Be("below 2.5");
        HtmlReport.RatioFlags(interpretation with { Findings = [] }).Should().Equal(new Dictionary<string, string> { ["Na/K"] = "inversion" });
    }

    [Test]
    public void Findings_read_in_plain_words_and_the_rule_language_is_in_closed_technical_details_at_the_end()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        var html = HtmlReport.Render(interpretation);

        var findings = Section(html, "<section class=\"findings\">", "<section class=\"diagnostics\">");
        findings.Should().Contain("<span class=\"label\">Based on</span> Na/K 2.4, below 2.5; Na 48 mg%, high; K 20 mg%, within range</p>");
        findings.Should().NotContain("oxidation.lean", "rule-language tests are developer material");
        findings.Should().NotContain("rule-id");
        findings.Should().NotContain("Source:");
        findings.Should().Contain("<h4>Elevated Lead (Pb) <span class=\"badge\">Pb</span></h4>");

        var technical = html.IndexOf("<details class=\"technical\">", StringComparison.Ordinal);
        technical.Should().BeGreaterThan(html.IndexOf("<footer class=\"disclaimer\">", StringComparison.Ordinal), "technical details come last");
        html.Should().NotContain("<details class=\"technical\" open");
        var details = html[technical..html.IndexOf("</details>", technical, StringComparison.Ordinal)];
        details.Should().Contain("<summary><h2>Technical details</h2></summary>");
        details.Should().Contain("<tr data-rule=\"fast-oxidation-mineral-depletion\"><td class=\"rule-id\">fast-oxidation-mineral-depletion</td>");
        details.Should().Contain("<code class=\"test\">Na/K &lt; 2.5</code>");
        details.Should().Contain("<h3>Not evaluated</h3>");
        details.Should().Contain("<li><span class=\"rule-id\">toxic-metal-elevated</span> (Ni) — Ni reference range or limit in lab profile");
        html.Should().NotContain("<section class=\"not-evaluated\">");
        html.Should().Contain("details.technical::details-content { content-visibility: visible; display: contents; }", "printed open");
    }

    [Test]
    public void Diagnostics_stay_visible_with_a_code_column_that_does_not_wrap()
    {
        var html = HtmlReport.Render(ReportSamples.Hostile(), ReportSamples.HostileDiagnostics());

        html.Should().Contain("<section class=\"diagnostics\">");
        html.IndexOf("<section class=\"diagnostics\">", StringComparison.Ordinal).Should().BeLessThan(html.IndexOf("<details class=\"technical\">", StringComparison.Ordinal));
        html.Should().Contain("<td class=\"code\">HTMA0199</td>");
        html.Should().Contain("table.data .code { white-space: nowrap;");
    }

    [Test]
    public void Every_printed_page_of_a_panel_carries_its_sample_id_and_page_number()
    {
        var (interpretations, diagnostics) = ReportSamples.Interpret("wide-clinic-batch.csv");

        var html = HtmlReport.Render(interpretations, diagnostics);

        for (var i = 0; i < interpretations.Count; i++)
        {
            var n = i + 1;
            html.Should().Contain($"<style>#panel-{n} {{ page: panel-{n}; }} @page panel-{n} {{ @top-right {{ content: \"Sample {interpretations[i].Panel.SampleId}\" \" · page \" counter(page) \" of \" counter(pages); }} }}</style>");
        }

        html.Should().Contain("@top-right { content: \"page \" counter(page) \" of \" counter(pages);", "the index page is numbered too");
        html.Should().MatchRegex("h2, h3, h4, table.data caption \\{ break-after: avoid; \\}");
        html.Should().MatchRegex("table.data tr, [^{]*\\{ break-inside: avoid; \\}");
    }

    [TestCase("S-2026-0106", "\"S-2026-0106\"")]
    [TestCase("</style><script>", "\"\\3C /style\\3E \\3C script\\3E \"")]
    [TestCase("a\"b\\c'd;{}", "\"a\\22 b\\5C c\\27 d\\3B \\7B \\7D \"")]
    [TestCase("x\ny\u202E", "\"x\\5C u000Ay\\5C u202E\"")]
    [TestCase("Müller 名", "\"M\\FC ller \\540D \"")]
    public void Sample_id_is_escaped_for_a_CSS_string(string id, string expected)
    {
        HtmlDocument.CssString(id).Should().Be(expected);
    }

    [Test]
    public void Hostile_sample_id_cannot_leave_the_page_style()
    {
        var html = HtmlReport.Render(ReportSamples.Hostile());

        html.Should().Contain("content: \"Sample \\3C script\\3E alert(1)\\3C /script\\3E \"");
        Regex.Matches(html, "</style>").Should().HaveCount(2, "the head's style sheet and the panel's page style");
    }

    [TestCase("Na/K", "Na/K < 2.5", "below 2.5")]
    [TestCase("Ca", "Ca >= 165 mg%", "at or above 165 mg%")]
    [TestCase("K", "K <= 4 mg%", "at or below 4 mg%")]
    [TestCase("Mg", "Mg > 20 mg%", "above 20 mg%")]
    [TestCase("Ca", "Ca is low", null)]
    [TestCase("oxidation", "oxidation.lean is slow", null)]
    [TestCase("Ca", "Cu < 2", null)]
    public void Thresholds_are_put_in_words(string name, string test, string? expected)
    {
        ReportText.ThresholdInWords(name, test).Should().Be(expected);
    }

    [Test]
    public void Evidence_in_words_adds_the_thresholds_it_passed()
    {
        var evidence = new Evidence { Kind = EvidenceKind.Ratio, Name = "Na/K", RatioValue = 2.4, Tests = ["Na/K < 2.5"] };

        ReportText.InWords(evidence, []).Should().Be("Na/K 2.4, below 2.5");
        var ungraded = new Evidence { Kind = EvidenceKind.Element, Name = "Cu", MilligramPercent = 1.2m, Level = HtmaInterpreter.Labs.ElementLevel.Unknown };
        ReportText.InWords(ungraded, []).Should().Be("Cu 1.2 mg%, not graded by the profile");
    }
}
