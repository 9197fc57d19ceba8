using System.Text.RegularExpressions;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>
/// A finding's evidence about an element says what the element table says: on ARL (graded against Wilson's ideals)
/// "above ideal ×5.30", never a bare "high"; on TEI (published ranges and toxic limits) "low"/"high" and "above limit".
/// </summary>
public class EvidenceWordsTests
{
    private static readonly string Arl = "calcium-shell.yml";
    private static readonly string Tei = "fast-oxidizer-lead-cadmium.json";

    /// <summary>Every format's evidence lines for a sample, joined: HTML "Based on", text "evidence:", Markdown "Evidence:".</summary>
    private static string Evidence(string sample, ReportFormat format)
    {
        var interpretation = ReportSamples.One(sample);
        switch (format)
        {
            case ReportFormat.Html:
                return string.Join("\n", Regex.Matches(HtmlReport.Render(interpretation), "<p class=\"evidence\"><span class=\"label\">Based on</span> ([^<]*)</p>").Select(m => m.Groups[1].Value));
            case ReportFormat.Markdown:
                return string.Join("\n", MarkdownReport.Render(interpretation).Split('\n').Where(line => line.StartsWith("**Evidence:**", StringComparison.Ordinal)));
            default:
                // The text report wraps long lines: rejoin each evidence paragraph before searching it.
                var lines = TextReport.Render(interpretation).Split('\n');
                var evidence = new List<string>();
                for (var i = 0; i < lines.Length; i++)
                {
                    if (lines[i].TrimStart().StartsWith("evidence:", StringComparison.Ordinal))
                    {
                        var paragraph = lines[i].Trim();
                        while (i + 1 < lines.Length && lines[i + 1].StartsWith("        ", StringComparison.Ordinal))
                        {
                            paragraph += " " + lines[++i].Trim();
                        }

                        evidence.Add(paragraph);
                    }
                }

                return string.Join("\n", evidence);
        }
    }

    [TestCase(ReportFormat.Html)]
    [TestCase(ReportFormat.Text)]
    [TestCase(ReportFormat.Markdown)]
    public void Evidence_on_an_ARL_panel_uses_the_element_tables_words(ReportFormat format)
    {
        var evidence = Evidence(Arl, format);

        evidence.Should().Contain("Ca 212 mg%, above ideal ×5.30", "ARL gives only an ideal for Ca; the element table says the same");
        evidence.Should().Contain("K 4 mg%, below ideal ×0.40");
        evidence.Should().Contain("Cu 1.2 mg%, no reference on this profile");
        evidence.Should().NotMatchRegex(@"\b(Ca|Mg|Na|K) [0-9.]+ mg%, (high|low)\b", "high/low only where a source says so");
        evidence.Should().NotContain("unknown");
    }

    [TestCase(ReportFormat.Html)]
    [TestCase(ReportFormat.Text)]
    [TestCase(ReportFormat.Markdown)]
    public void Evidence_on_a_TEI_panel_keeps_range_words_and_says_above_limit_for_toxic_metals(ReportFormat format)
    {
        var evidence = Evidence(Tei, format);

        evidence.Should().Contain("Ca 18 mg%, low", "TEI publishes a range for Ca");
        evidence.Should().Contain("Na 48 mg%, high");
        evidence.Should().Contain("Mg 3.5 mg%, within range");
        evidence.Should().Contain("Pb 0.42 mg%, above limit");
        evidence.Should().Contain("Cd 0.038 mg%, above limit");
        evidence.Should().NotContain("elevated");
    }

    [Test]
    public void Element_evidence_takes_the_judgement_of_the_matching_element_only()
    {
        var interpretation = ReportSamples.One(Arl);
        var calcium = interpretation.Elements.Single(e => e.Measurement.Element?.Symbol == "Ca");
        var evidence = new Evidence { Kind = EvidenceKind.Element, Name = "Ca", MilligramPercent = calcium.Measurement.MilligramPercent, Level = ElementLevel.High };

        ReportText.Describe(evidence, interpretation.Elements).Should().Be("Ca 212 mg%, above ideal ×5.30");
        ReportText.InWords(evidence with { Tests = ["Ca >= 165 mg%"] }, interpretation.Elements).Should().Be("Ca 212 mg%, above ideal ×5.30, at or above 165 mg%");
        ReportText.Describe(evidence with { Name = "previous.Ca" }, interpretation.Elements).Should().Be("previous.Ca 212 mg%, high", "the earlier test of a pair is not this panel's element");
        ReportText.Describe(evidence with { MilligramPercent = 99m }, interpretation.Elements).Should().Be("Ca 99 mg%, high", "another amount is not this panel's element");
        ReportText.Describe(evidence, []).Should().Be("Ca 212 mg%, high", "without the element results the evidence keeps its own level");
    }
}
