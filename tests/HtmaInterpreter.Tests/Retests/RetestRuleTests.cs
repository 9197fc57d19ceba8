using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Retests;
using HtmaInterpreter.Rules;
using static HtmaInterpreter.Tests.Retests.RetestPanels;

namespace HtmaInterpreter.Tests.Retests;

public class RetestRuleTests
{
    private static readonly RetestComparer Comparer = new();

    /// <summary>A slow oxidizer near the ideals: Ca/K 5, Na/Mg 3.33 (ARL, female), with Pb as given.</summary>
    private static Panel Slow(string id, string date, decimal ca = 50, decimal pb = 0.01m, Sex sex = Sex.Female) =>
        Basic(id, date, ca: ca, mg: 6, na: 20, k: 10, zn: 18, cu: 2.25m, M("Pb", pb)) with { Sex = sex };

    private static List<string> FiredIds(Panel previous, Panel current) =>
        [.. Comparer.Compare([previous, current]).Value!.Findings.Select(f => f.Finding.RuleId + (f.Finding.Subject is null ? "" : ":" + f.Finding.Subject))];

    [Test]
    public void A_low_lead_that_rises_below_the_limit_is_read_as_possible_elimination()
    {
        var comparison = Comparer.Compare([Slow("A", "2025-01-01", pb: 0.012m), Slow("B", "2025-05-01", pb: 0.035m)]).Value!;

        var finding = comparison.Findings.Should().ContainSingle(f => f.Finding.RuleId == "retest-toxic-rise-elimination").Which;
        finding.PreviousIndex.Should().Be(0);
        finding.CurrentIndex.Should().Be(1);
        finding.Finding.Subject.Should().Be("Pb");
        finding.Finding.Title.Should().Be("Lead rose from a low level: possible elimination");
        finding.Finding.Source.Should().Contain("retests");
        finding.Finding.Evidence.Should().Contain(e => e.Name == "Pb" && e.MilligramPercent == 0.035m);
        finding.Finding.Evidence.Should().Contain(e => e.Name == "previous.Pb" && e.MilligramPercent == 0.012m);
    }

    [TestCase(0.035, 0.012, TestName = "Near miss: lead fell")]
    [TestCase(0.05, 0.08, TestName = "Near miss: lead rose past the limit of 0.06")]
    [TestCase(0.07, 0.09, TestName = "Near miss: lead was already above the limit")]
    [TestCase(0.02, 0.02, TestName = "Near miss: lead unchanged")]
    public void Toxic_rise_near_misses(double before, double after)
    {
        FiredIds(Slow("A", "2025-01-01", pb: (decimal)before), Slow("B", "2025-05-01", pb: (decimal)after))
            .Should().NotContain("retest-toxic-rise-elimination:Pb");
    }

    [Test]
    public void Four_lows_appearing_on_a_retest_is_noted_as_common()
    {
        var fourLows = Basic("B", "2025-05-01", ca: 30, mg: 4, na: 12, k: 5);

        FiredIds(Slow("A", "2025-01-01"), fourLows).Should().Contain("retest-four-lows-appeared");
        FiredIds(fourLows with { SampleId = "A", CollectedOn = new DateOnly(2024, 12, 1) }, fourLows).Should().NotContain("retest-four-lows-appeared", "four lows on both tests did not appear");
        FiredIds(fourLows with { CollectedOn = new DateOnly(2024, 12, 1) }, Slow("B", "2025-05-01")).Should().NotContain("retest-four-lows-appeared");
    }

    [TestCase(150, 170, Sex.Female, true, TestName = "Woman: 150 to 170 mg% crosses 165")]
    [TestCase(150, 164, Sex.Female, false, TestName = "Near miss, woman: 150 to 164 mg%")]
    [TestCase(170, 220, Sex.Female, false, TestName = "Near miss, woman: already a shell")]
    [TestCase(150, 156, Sex.Male, true, TestName = "Man: 150 to 156 mg% crosses 155")]
    [TestCase(150, 156, Sex.Female, false, TestName = "Near miss: 156 mg% is not a shell for a woman")]
    public void Calcium_rising_into_shell_range(int before, int after, Sex sex, bool fires)
    {
        var ids = FiredIds(Slow("A", "2025-01-01", ca: before, sex: sex), Slow("B", "2025-05-01", ca: after, sex: sex));

        ids.Contains("retest-calcium-rose-into-shell").Should().Be(fires);
    }

    [Test]
    public void A_move_from_fast_to_slow_and_back_is_reported()
    {
        var fast = Basic("A", "2025-01-01", ca: 20, mg: 4, na: 40, k: 10);
        var slow = Basic("B", "2025-05-01", ca: 100, mg: 10, na: 20, k: 10);

        var comparison = Comparer.Compare([fast, slow, fast with { SampleId = "C", CollectedOn = new DateOnly(2025, 9, 1) }]).Value!;

        comparison.Findings.Select(f => (f.Finding.RuleId, f.PreviousIndex, f.CurrentIndex)).Should().Contain(
            [("retest-fast-to-slow", 0, 1), ("retest-slow-to-fast", 1, 2)]);
        comparison.Findings.Should().NotContain(f => f.Finding.RuleId == "retest-slow-to-fast" && f.CurrentIndex == 1);
    }

    [Test]
    public void Near_miss_slow_on_both_tests_is_no_transition()
    {
        FiredIds(Slow("A", "2025-01-01"), Slow("B", "2025-05-01", ca: 60)).Should().NotContain(id => id.StartsWith("retest-fast", StringComparison.Ordinal) || id.StartsWith("retest-slow", StringComparison.Ordinal));
    }

    [Test]
    public void Single_panel_interpretation_neither_evaluates_nor_lists_retest_rules()
    {
        var interpretation = Interpreter.Default.Interpret(Slow("A", "2025-01-01", pb: 0.035m));

        interpretation.Findings.Should().NotContain(f => f.RuleId.StartsWith("retest-", StringComparison.Ordinal));
        interpretation.NotEvaluated.Should().NotContain(r => r.RuleId.StartsWith("retest-", StringComparison.Ordinal));
        Interpreter.Default.Rules.Rules.Where(r => r.Scope == RuleScope.Retest).Select(r => r.Id).Should().BeEquivalentTo(
            "retest-toxic-rise-elimination", "retest-four-lows-appeared", "retest-calcium-rose-into-shell", "retest-fast-to-slow", "retest-slow-to-fast");
    }

    [Test]
    public void Every_retest_rule_names_its_source()
    {
        Interpreter.Default.Rules.Rules.Where(r => r.Scope == RuleScope.Retest).Should().OnlyContain(r => r.Source.Contains("domain", StringComparison.Ordinal));
    }

    [Test]
    public void The_sample_retest_pair_reads_the_lead_rise_as_possible_elimination()
    {
        var read = new HtmaInterpreter.Readers.PanelReader();
        var panels = new[] { "retest-P-0009-2026-02-09.yaml", "retest-P-0009-2025-10-06.csv" }
            .SelectMany(f => read.ReadFile(TestPaths.Sample(f)).Value!).ToList();

        var comparison = Comparer.Compare(panels).Value!;

        comparison.Findings.Select(f => f.Finding.RuleId + ":" + f.Finding.Subject).Should().Contain("retest-toxic-rise-elimination:Pb");
        comparison.Findings.Select(f => f.Finding.Subject).Should().Contain(["Hg", "Al"], "mercury and aluminium also rose while below their limits");
    }

    private static ParseResult<RuleSet> Load(string yaml) =>
        RuleSet.LoadFromTexts([KeyValuePair.Create("retest.yaml", yaml.ReplaceLineEndings("\n"))]);

    private static string Rule(string when, string scope = "retest") =>
        $"rules:\n  - id: r1\n    title: T\n    category: test\n    severity: info\n    source: domain\n    explanation: E.\n    scope: {scope}\n    when: {when}\n";

    [Test]
    public void Previous_outside_a_retest_rule_is_a_type_error_located_in_the_file()
    {
        var result = Load(Rule("Pb > previous.Pb", scope: "panel"));

        var diagnostic = result.Diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.ConditionTypeMismatch).Which;
        diagnostic.Message.Should().Contain("scope: retest");
        diagnostic.Location.Line.Should().Be(9);
        diagnostic.Location.Column.Should().Be(16); // "    when: Pb > previous.Pb": 'previous' starts at column 16
    }

    [TestCase("previous.Xy > 1 mg%", DiagnosticCodes.UnknownElementInRule, TestName = "Unknown element after previous.")]
    [TestCase("previous.oxidation is quick", DiagnosticCodes.ConditionTypeMismatch, TestName = "Bad oxidation word after previous.")]
    [TestCase("Ca/K > previous.Ca", DiagnosticCodes.ConditionTypeMismatch, TestName = "Ratio compared with a previous concentration")]
    [TestCase("previous.sex is female", DiagnosticCodes.ConditionSyntax, TestName = "previous. before something that has no previous value")]
    [TestCase("previous Pb > 1 mg%", DiagnosticCodes.ConditionSyntax, TestName = "previous without a dot")]
    public void Bad_previous_references_are_load_errors(string when, string code)
    {
        Load(Rule(when)).Diagnostics.Select(d => d.Code).Should().Contain(code);
    }

    [Test]
    public void An_unknown_scope_is_a_schema_error()
    {
        Load(Rule("Ca > 1 mg%", scope: "sometimes")).Diagnostics.Select(d => d.Code).Should().Contain(DiagnosticCodes.RuleSchema);
    }

    [Test]
    public void A_panel_rule_may_not_depend_on_a_retest_rule()
    {
        var yaml = Rule("Pb > previous.Pb") +
            "  - id: r2\n    title: T\n    category: test\n    severity: info\n    source: domain\n    explanation: E.\n    when: pattern r1\n";

        Load(yaml).Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.UnknownPattern && d.Message.Contains("retest", StringComparison.Ordinal));
    }

    [Test]
    public void Previous_ratios_and_oxidation_degree_read_the_earlier_test()
    {
        var rules = Load(Rule("Ca/K < previous.Ca/K and previous.oxidation.degree is mild and not previous.four_lows")).Value!;
        var earlier = Interpreter.Default.Interpret(Slow("A", "2025-01-01", ca: 60));
        var later = Interpreter.Default.Interpret(Slow("B", "2025-05-01", ca: 50));
        RuleInput Input(Interpretation i) => new(i.Panel, i.LabProfile, i.Ratios, i.Oxidation);

        var fired = rules.EvaluateRetest(Input(earlier), Input(later)).Findings.Should().ContainSingle().Which;
        fired.Evidence.Select(e => e.Name).Should().Contain(["Ca/K", "previous.Ca/K", "previous.oxidation", "previous.four_lows"]);
        fired.Evidence.Single(e => e.Name == "previous.Ca/K").RatioValue.Should().Be(6);
        rules.EvaluateRetest(Input(later), Input(earlier)).Findings.Should().BeEmpty();
    }

    [Test]
    public void A_rising_metal_without_a_limit_in_the_profile_is_left_undecided()
    {
        var comparison = Comparer.Compare([Slow("A", "2025-01-01") with { Measurements = [M("Cd", 0.002m)] }, Slow("B", "2025-05-01") with { Measurements = [M("Cd", 0.004m)] }]).Value!;

        comparison.Findings.Should().BeEmpty();
        comparison.NotEvaluated.Should().ContainSingle(n => n.Rule.RuleId == "retest-toxic-rise-elimination" && n.Rule.Subject == "Cd");
    }

    [Test]
    public void What_the_earlier_test_lacks_is_named_as_missing()
    {
        var rules = Load(Rule("Pb > previous.Pb")).Value!;
        var withoutLead = new RuleInput(Panel("A", "2025-01-01", M("Ca", 40)), null, [], null);
        var withLead = new RuleInput(Slow("B", "2025-05-01"), null, [], null);

        rules.EvaluateRetest(withoutLead, withLead).NotEvaluated.Should().ContainSingle()
            .Which.MissingInputs.Should().Equal("previous test: Pb");
    }

    [Test]
    public void EvaluateRetest_reads_the_previous_panel_and_Evaluate_skips_retest_rules()
    {
        var rules = Load(Rule("Pb > previous.Pb")).Value!;
        var before = new RuleInput(Slow("A", "2025-01-01", pb: 0.01m), null, [], null);
        var after = new RuleInput(Slow("B", "2025-05-01", pb: 0.02m), null, [], null);

        rules.EvaluateRetest(before, after).Findings.Should().ContainSingle().Which.RuleId.Should().Be("r1");
        rules.EvaluateRetest(after, before).Findings.Should().BeEmpty();
        rules.Evaluate(after).Findings.Should().BeEmpty();
        rules.Evaluate(after).NotEvaluated.Should().BeEmpty();
    }
}
