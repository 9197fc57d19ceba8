using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>
/// What every report format says for each element: high/low only where a range or cut-off decided it, the distance
/// from the ideal where only an ideal did (ARL), below/above a toxic limit also for censored values, and plain words
/// where the profile has nothing.
/// </summary>
public class ElementJudgementTests
{
    private const string ArlPanel = """
        # sample_id: LV-ARL
        # lab: ARL
        element,value,unit
        Ca,41,mg%
        Mg,5.9,mg%
        Na,25,mg%
        K,5,mg%
        Zn,15,mg%
        Cu,2.5,mg%
        As,<0.01,mg%
        Pb,<0.002,mg%
        Cd,0.01,mg%
        """;

    private const string TeiPanel = """
        # sample_id: LV-TEI
        # lab: TEI
        element,value,unit
        Ca,120,mg%
        K,1.5,mg%
        Mg,6,mg%
        As,<0.01,mg%
        Pb,0.42,mg%
        """;

    private static readonly string[] Formats = ["text", "markdown", "json", "html"];

    private static Interpretation Interpret(string csv)
    {
        var read = new PanelReader().Read(new MemoryStream(Encoding.UTF8.GetBytes(csv)), "panel.csv");
        read.HasErrors.Should().BeFalse();
        return Interpreter.Default.Interpret(read.Value!.Single());
    }

    private static ElementResult Element(Interpretation interpretation, string symbol) =>
        interpretation.Elements.Single(e => e.Measurement.Element?.Symbol == symbol);

    private static string Render(Interpretation interpretation, string format) => format switch
    {
        "text" => TextReport.Render(interpretation),
        "markdown" => MarkdownReport.Render(interpretation),
        "json" => JsonReport.Render(interpretation, []),
        _ => HtmlReport.Render(interpretation),
    };

    /// <summary>The judgement a format prints on the element's row.</summary>
    private static string RowJudgement(string report, string format, string symbol, string name)
    {
        switch (format)
        {
            case "text":
                return Regex.Match(report, $@"^  {symbol} +\S+ +\S+ +\S+ mg% +(.+)$", RegexOptions.Multiline).Groups[1].Value.TrimEnd();
            case "markdown":
                return Regex.Match(report, $@"^\| {symbol} {name} \| [^|]* \| [^|]* \| (.+) \|$", RegexOptions.Multiline).Groups[1].Value;
            case "json":
                using (var document = JsonDocument.Parse(report))
                {
                    return document.RootElement.GetProperty("elements").EnumerateArray()
                        .Single(e => e.GetProperty("element").GetString() == symbol).GetProperty("judgement").GetString()!;
                }

            default:
                var row = Regex.Match(report, $"<g class=\"element-bar[^\"]*\" data-element=\"{symbol}\".*?</g>", RegexOptions.Singleline).Value;
                return Regex.Match(row, "<text class=\"level\"[^>]*>([^<]*)</text>").Groups[1].Value;
        }
    }

    [Test]
    public void On_an_ideal_only_profile_the_level_keeps_its_rule_meaning_and_the_result_says_how_far_from_the_ideal()
    {
        var interpretation = Interpret(ArlPanel);

        var ca = Element(interpretation, "Ca");
        ca.Basis.Should().Be(ElementLevelBasis.Ideal);
        ca.Level.Should().Be(ElementLevel.High, "the rules read above Wilson's ideal as high on this profile");
        ca.FromIdeal.Should().BeApproximately(1.025, 1e-12);
        Element(interpretation, "Mg").FromIdeal.Should().BeApproximately(5.9 / 6, 1e-12);
        Element(interpretation, "Zn").FromIdeal.Should().BeApproximately(15.0 / 18, 1e-12);
        Element(interpretation, "K").FromIdeal.Should().Be(0.5);
        Element(interpretation, "K").Level.Should().Be(ElementLevel.Low);
        Element(interpretation, "Cu").FromIdeal.Should().BeNull("ARL gives copper no ideal");
        Element(interpretation, "Cu").Basis.Should().Be(ElementLevelBasis.None);
    }

    [Test]
    public void The_rules_still_read_above_and_below_the_ideal_as_high_and_low_and_agree_on_censored_values()
    {
        var rules = RuleSet.LoadFromTexts([KeyValuePair.Create("t.yaml", """
            rules:
              - id: t
                title: Test
                category: test
                severity: info
                source: intro
                explanation: E.
                threshold_sources: [test]
                when: "Ca is high and Mg is low and Zn is low and K is low and Pb is within"
              - id: undecided
                title: Undecided
                category: test
                severity: info
                source: intro
                explanation: E.
                threshold_sources: [test]
                when: "As is within"
            """)]).GetValueOrThrow();
        var interpretation = Interpret(ArlPanel);

        var result = rules.Evaluate(new RuleInput(interpretation.Panel, interpretation.LabProfile, interpretation.Ratios, interpretation.Oxidation, null));

        result.Findings.Select(f => f.RuleId).Should().Equal("t");
        result.NotEvaluated.Select(n => n.RuleId).Should().Equal("undecided");
        Element(interpretation, "As").Level.Should().Be(ElementLevel.Unknown, "the report cannot tell where the rules cannot");
    }

    [TestCaseSource(nameof(Formats))]
    public void Every_format_shows_above_or_below_ideal_with_the_factor_on_an_ideal_only_profile(string format)
    {
        var report = Render(Interpret(ArlPanel), format);

        RowJudgement(report, format, "Ca", "Calcium").Should().Be("above ideal ×1.03");
        RowJudgement(report, format, "Mg", "Magnesium").Should().Be("below ideal ×0.98");
        RowJudgement(report, format, "Zn", "Zinc").Should().Be("below ideal ×0.83");
        RowJudgement(report, format, "K", "Potassium").Should().Be("below ideal ×0.50");
        RowJudgement(report, format, "Na", "Sodium").Should().Be("at ideal");
        RowJudgement(report, format, "Cu", "Copper").Should().Be("no reference on this profile");
        RowJudgement(report, format, "Cd", "Cadmium").Should().Be("no reference on this profile");
        RowJudgement(report, format, "Pb", "Lead").Should().Be("below limit", "<0.002 is under ARL's 0.06 whatever the true value");
        RowJudgement(report, format, "As", "Arsenic").Should().StartWith("cannot tell", "<0.01 may be either side of ARL's 0.008");
    }

    [TestCaseSource(nameof(Formats))]
    public void Every_format_keeps_high_and_low_where_a_published_range_decided_them_and_judges_censored_toxics(string format)
    {
        var report = Render(Interpret(TeiPanel), format);

        RowJudgement(report, format, "Ca", "Calcium").Should().Be("high");
        RowJudgement(report, format, "K", "Potassium").Should().Be("low");
        RowJudgement(report, format, "Mg", "Magnesium").Should().Be("within range");
        RowJudgement(report, format, "As", "Arsenic").Should().Be("below limit", "<0.01 is under TEI's 0.020 limit whatever the true value");
        RowJudgement(report, format, "Pb", "Lead").Should().Be("above limit");
        report.Should().NotContain("ideal ×");
    }

    [Test]
    public void Terminal_colour_paints_a_distance_from_the_ideal_blue_and_never_like_a_published_high_or_low()
    {
        const char escape = '\u001b';
        var coloured = ReportRenderer.Render(Interpret(ArlPanel), ReportFormat.Text, new ReportOptions { UseColor = true });

        coloured.Should().Contain($"{escape}[34mabove ideal ×1.03{escape}[0m").And.Contain($"{escape}[34mbelow ideal ×0.50{escape}[0m");
        coloured.Should().Contain($"{escape}[32mbelow limit{escape}[0m");
        coloured.Should().Contain($"{escape}[2mno reference on this profile{escape}[0m");
    }

    [Test]
    public void Json_gives_the_basis_and_the_factor_as_numbers_beside_the_existing_level()
    {
        using var document = JsonDocument.Parse(JsonReport.Render(Interpret(ArlPanel), []));
        var elements = document.RootElement.GetProperty("elements").EnumerateArray().ToDictionary(e => e.GetProperty("element").GetString()!);

        elements["Ca"].GetProperty("level").GetString().Should().Be("high");
        elements["Ca"].GetProperty("basis").GetString().Should().Be("ideal");
        elements["Ca"].GetProperty("fromIdeal").GetDouble().Should().Be(1.025);
        elements["K"].GetProperty("fromIdeal").GetDouble().Should().Be(0.5);
        elements["As"].GetProperty("level").GetString().Should().Be("unknown");
        elements["As"].GetProperty("basis").GetString().Should().Be("toxic-limit");
        elements["Pb"].GetProperty("level").GetString().Should().Be("within");
        elements["Cu"].GetProperty("basis").GetString().Should().Be("none");
        elements["Cu"].TryGetProperty("fromIdeal", out _).Should().BeFalse();
    }

    [Test]
    public void Censored_values_are_placed_only_when_every_amount_they_stand_for_lies_on_one_side()
    {
        var interpretation = Interpret("""
            # sample_id: LV-CENSORED
            # lab: TEI
            element,value,unit
            As,<0.01,mg%
            Hg,<0.5,mg%
            Pb,>1,mg%
            Cd,>0.001,mg%
            Ca,<10,mg%
            Zn,ND,mg%
            """);

        Element(interpretation, "As").Level.Should().Be(ElementLevel.WithinRange);
        Element(interpretation, "Hg").Level.Should().Be(ElementLevel.Unknown, "a detection limit above the limit cannot tell");
        Element(interpretation, "Pb").Level.Should().Be(ElementLevel.Elevated, "above a quantitation limit that is itself above the limit");
        Element(interpretation, "Cd").Level.Should().Be(ElementLevel.Unknown);
        Element(interpretation, "Ca").Level.Should().Be(ElementLevel.Low, "<10 is below TEI's 22");
        Element(interpretation, "Zn").Level.Should().Be(ElementLevel.Low, "not detected counts as zero, as in the rules");
        var text = TextReport.Render(interpretation);
        text.Should().Contain("cannot tell: reported below a detection limit above the limit");
        text.Should().Contain("cannot tell: reported above a quantitation limit below the limit");
    }

    [Test]
    public void The_html_chart_colours_ideal_judged_bars_apart_and_deeper_the_further_from_the_ideal()
    {
        var html = HtmlReport.Render(Interpret(ArlPanel));

        // The bar's blue: the lower the sum of its channels, the deeper it is.
        int Lightness(string symbol)
        {
            var row = Regex.Match(html, $"<g class=\"element-bar level-ideal\" data-element=\"{symbol}\".*?</g>", RegexOptions.Singleline).Value;
            row.Should().NotBeEmpty($"{symbol} is judged against its ideal only");
            var colour = Regex.Match(row, "<rect class=\"bar\"[^>]* style=\"fill:#([0-9a-f]{6})\"").Groups[1].Value;
            colour.Should().NotBeEmpty();
            return Enumerable.Range(0, 3).Sum(i => int.Parse(colour.AsSpan(2 * i, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
        }

        Lightness("K").Should().BeLessThan(Lightness("Zn"), "K is half its ideal, Zn five sixths of it");
        Lightness("Zn").Should().BeLessThan(Lightness("Mg"));
        Lightness("Na").Should().BeGreaterThan(Lightness("Ca"), "Na is at its ideal");
        HtmlCharts.IdealColour(0).Should().Be("#c6d6ea");
        HtmlCharts.IdealColour(1).Should().Be("#1d4f91");
        html.Should().NotContain("level-high\" data-element=\"Ca\"").And.NotContain("level-low\" data-element=\"K\"");
        html.Should().Contain("<span class=\"key level-ideal\" style=\"background:linear-gradient(to right,#c6d6ea,#1d4f91)\"></span>above or below ideal");
        html.Should().NotContain("No band");
    }

    [Test]
    public void The_html_chart_names_the_zones_of_a_group_drawn_only_against_ideals()
    {
        var html = HtmlReport.Render(Interpret("""
            # sample_id: LV-IDEALS
            # lab: ARL
            element,value,unit
            Ca,41,mg%
            K,5,mg%
            """));

        var chart = Regex.Match(html, "<svg class=\"chart element-chart\" data-group=\"Nutrient minerals\".*?</svg>", RegexOptions.Singleline).Value;
        chart.Should().Contain(">below ideal</text>").And.Contain(">above ideal</text>").And.NotContain(">reference</text>");
    }

    [TestCase(1.025, "×1.03")]
    [TestCase(0.5, "×0.50")]
    [TestCase(12.5, "×12.5")]
    [TestCase(250.0, "×250")]
    [TestCase(0.001, "×<0.01")]
    [TestCase(999.4, "×999")]
    [TestCase(2e27, "×≥1000")]
    public void Factors_are_printed_with_two_decimals_near_the_ideal(double factor, string expected) =>
        ReportText.Factor(factor).Should().Be(expected);
}
