using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Reports;

public class MarkdownReportTests
{
    [Test]
    public void Report_of_a_sample_has_header_oxidation_elements_ratios_findings_and_disclaimer()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        var markdown = MarkdownReport.Render(interpretation);

        markdown.Should().StartWith("# HTMA interpretation: sample S-2026-0106\n");
        markdown.Should().Contain("| Subject | P-0006 |");
        markdown.Should().Contain("| Collected | 2026-03-09 |");
        markdown.Should().Contain("## Oxidation: fast (moderate)");
        markdown.Should().Contain("| Ca/K | 0.9 | &lt; | 4 | fast |");
        markdown.Should().Contain("### Nutrient minerals");
        markdown.Should().Contain("### Toxic metals");
        markdown.Should().Contain("| Ca Calcium | 18 | 22–97 | low |");
        markdown.Should().Contain("| Pb Lead | 0.42 | ≤ 0.3 | above limit |");
        markdown.Should().Contain("| Na/Mg | 13.7143 | 4 | – |");
        markdown.Should().Contain("### Needs attention");
        markdown.Should().Contain("#### Elevated Lead (Pb) (Pb) (toxic-metal-elevated)");
        markdown.Should().Contain("**Evidence:** Pb 0.42 mg%, above limit");
        markdown.Should().Contain("## Not evaluated (inputs missing)");
        markdown.Should().Contain("## Lab caveats");
        markdown.Should().EndWith("*Not a diagnosis. This describes mineral patterns in a hair sample as the nutritional\\-balancing model reads them; it does not diagnose or treat any condition and recommends no drug or dose. Symptoms, medication and the conditions flagged as referrals belong with a physician.*\n".Replace("\\-", "-", StringComparison.Ordinal));
    }

    [Test]
    public void Referrals_are_quoted_at_the_top()
    {
        var interpretation = ReportSamples.WithReferral();

        var markdown = MarkdownReport.Render(interpretation);

        markdown.IndexOf("> **Refer to a physician**", StringComparison.Ordinal).Should().BeLessThan(markdown.IndexOf("## Oxidation", StringComparison.Ordinal));
        markdown.Should().Contain("### Refer to a physician");
    }

    [Test]
    public void Hostile_input_is_escaped_for_markdown_and_html()
    {
        var markdown = MarkdownReport.Render(ReportSamples.Hostile(), ReportSamples.HostileDiagnostics());

        markdown.Should().NotContain("<script");
        markdown.Should().NotContain("<img");
        markdown.Should().NotContain("<b>");
        markdown.Should().StartWith("# HTMA interpretation: sample &lt;script&gt;alert(1)&lt;/script&gt;\n");
        markdown.Should().Contain("| Subject | Smith &amp; &quot;Jones&quot; 'O'Brien' |");
        markdown.Should().Contain("| &lt;img src=x onerror=alert(2)&gt; | 1.5 |");
        markdown.Should().Contain("| warning | HTMA0199 | evil&lt;file&gt;&amp;.csv:3:7 (Ca) | value &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; |");
    }

    [TestCase("a|b", "a\\|b")]
    [TestCase("*bold* _it_", "\\*bold\\* \\_it\\_")]
    [TestCase("[link](x)", "\\[link\\](x)")]
    [TestCase("line\nbreak", "line break")]
    [TestCase("`code`", "\\`code\\`")]
    public void Markdown_punctuation_in_input_is_escaped(string input, string expected) =>
        MarkdownReport.Escape(input).Should().Be(expected);

    [Test]
    public void Several_panels_are_rendered_one_after_another()
    {
        var (interpretations, diagnostics) = ReportSamples.Interpret("wide-clinic-batch.csv");

        var markdown = ReportRenderer.Render(interpretations, ReportFormat.Markdown, readDiagnostics: diagnostics);

        var positions = interpretations.Select(i => markdown.IndexOf("# HTMA interpretation: sample " + MarkdownReport.Escape(i.Panel.SampleId) + "\n", StringComparison.Ordinal)).ToList();
        positions.Should().OnlyContain(p => p >= 0);
        positions.Should().BeInAscendingOrder();
        markdown.Split("\n---\n\n# HTMA interpretation").Should().HaveCount(interpretations.Count);
    }
}
