using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Rules;

public class ConditionEngineTests
{
    private static RuleSet Compile(string when, string extra = "") =>
        RuleSet.LoadFromTexts([KeyValuePair.Create("t.yaml", $"""
            rules:
              - id: t
                title: Test
                category: test
                severity: info
                source: intro
                explanation: E.
                threshold_sources: [test]
                when: "{when}"
            {extra}
            """)]).GetValueOrThrow();

    private static string Outcome(RuleSet rules, RuleCase input)
    {
        var result = rules.Evaluate(input.Build());
        return result.Findings.Any(f => f.RuleId == "t") ? "fires"
            : result.NotEvaluated.FirstOrDefault(n => n.RuleId == "t") is { } undecided ? "unknown: " + string.Join(", ", undecided.MissingInputs)
            : "no";
    }

    [TestCase("Ca >= 400 µg/g", "fires", TestName = "A unit is converted at compile time (400 µg/g = 40 mg%)")]
    [TestCase("Ca > 400 ppm", "no")]
    [TestCase("Ca = 40", "fires", TestName = "A bare number next to an element is mg%")]
    [TestCase("Ca != 40 mg%", "no")]
    [TestCase("Na/K <= 2.5", "fires")]
    [TestCase("Ca/K = 4 and Na/Mg < 4.17", "fires")]
    [TestCase("Ca > Mg", "fires", TestName = "Two elements compare in mg%")]
    [TestCase("not (Ca is high or Ca is low)", "fires")]
    [TestCase("Ca is within and Pb is not elevated", "fires")]
    [TestCase("all(Ca, Mg, Na, K) is within", "fires")]
    [TestCase("any(Pb, Hg, Cd, As, Al) is elevated", "no")]
    [TestCase("count(Ca is within, Mg is within, Na is high) >= 2", "fires")]
    [TestCase("count(Ca is within, Mg is within, Na is high) > 2", "no")]
    [TestCase("sex is female and age >= 40 and age < 41", "fires")]
    [TestCase("sample is unwashed", "fires")]
    [TestCase("oxidation is mixed and not oxidation.lean is slow and oxidation.degree is none", "fires")]
    [TestCase("context.symptoms includes leg_cramps", "no")]
    [TestCase("context.leg_cramps is false", "fires")]
    [TestCase("Ca ≥ 40 mg% and Mg ≤ 6", "fires")]
    public void Evaluates_the_condition_language_on_the_balanced_case(string when, string expected)
    {
        Outcome(Compile(when), new RuleCase()).Should().Be(expected);
    }

    [Test]
    public void Unknown_or_true_is_true_and_unknown_and_false_is_false()
    {
        var input = new RuleCase().Without("K");

        Outcome(Compile("K is high or Ca = 40"), input).Should().Be("fires");
        Outcome(Compile("K is high and Ca > 40"), input).Should().Be("no");
        Outcome(Compile("K is high or Ca > 40"), input).Should().Be("unknown: K");
        Outcome(Compile("not K is high"), input).Should().Be("unknown: K");
    }

    [Test]
    public void An_indeterminate_oxidation_type_leaves_oxidation_tests_undecided()
    {
        var input = new RuleCase().With(RuleCase.Ox(OxidationType.Indeterminate));

        Outcome(Compile("oxidation is slow"), input).Should().Be("unknown: oxidation type (the model could not decide)");
        Outcome(Compile("oxidation is indeterminate"), input).Should().Be("fires");
    }

    [Test]
    public void A_value_above_the_quantitation_limit_decides_what_it_can()
    {
        var input = new RuleCase().Set("Ca", 500m, MeasurementQualifier.AboveQuantitationLimit);

        Outcome(Compile("Ca > 165 mg%"), input).Should().Be("fires");
        Outcome(Compile("Ca is high"), input).Should().Be("fires");
        Outcome(Compile("Ca > 600 mg%"), input).Should().StartWith("unknown: Ca > 600 mg% (an exact value is not reported");
    }

    [Test]
    public void A_rule_can_depend_on_another_rule()
    {
        var rules = Compile("pattern base and Mg = 6", """
              - id: base
                title: Base
                category: test
                severity: info
                source: intro
                explanation: E.
                when: Ca is within
            """);

        var finding = rules.Evaluate(new RuleCase().Build()).Findings.Single(f => f.RuleId == "t");

        finding.Evidence.Select(e => (e.Kind, e.Name)).Should().Equal((EvidenceKind.Rule, "base"), (EvidenceKind.Element, "Mg"));
        Outcome(rules, new RuleCase().Set("Ca", 10m)).Should().Be("no");
        Outcome(rules, new RuleCase { Profile = null }).Should().Be("unknown: rule base (not evaluated)");
    }

    [Test]
    public void Is_ungraded_asks_whether_the_lab_profile_grades_a_reported_element()
    {
        // The test profile has ranges for Cu and limits for the toxic metals, none for Se; ranges and readings do not matter.
        Outcome(Compile("Se is ungraded"), new RuleCase().Set("Se", 0.1m)).Should().Be("fires");
        Outcome(Compile("Cu is ungraded"), new RuleCase().Set("Cu", 60m)).Should().Be("no");
        Outcome(Compile("Pb is not ungraded"), new RuleCase()).Should().Be("fires");
        Outcome(Compile("any(Cu, Se) is ungraded"), new RuleCase().Set("Se", 0.1m)).Should().Be("fires");

        // Unknown without a reading or without a profile: whether the check was blocked by the profile cannot be told.
        Outcome(Compile("Se is ungraded"), new RuleCase()).Should().Be("unknown: Se");
        Outcome(Compile("Cu is ungraded"), new RuleCase { Profile = null }).Should().Be("unknown: lab profile");
    }

    [Test]
    public void Undecided_is_true_exactly_when_the_named_rule_could_not_be_decided()
    {
        var rules = Compile("undecided(base)", """
              - id: base
                title: Base
                category: test
                severity: info
                source: intro
                explanation: E.
                when: Se is high
            """);

        var blocked = rules.Evaluate(new RuleCase().Set("Se", 0.1m).Build());
        blocked.NotEvaluated.Should().ContainSingle().Which.RuleId.Should().Be("base");
        var finding = blocked.Findings.Should().ContainSingle().Which;
        finding.RuleId.Should().Be("t");
        finding.Evidence.Should().ContainSingle().Which.Should().Match<Evidence>(e =>
            e.Kind == EvidenceKind.Rule && e.Name == "base" && e.Value == "not evaluated" && e.Tests.SequenceEqual(new[] { "undecided(base)" }));

        // Decided either way (here: false because Se is within a range), undecided(...) is false, and never itself unknown.
        var withRange = new RuleCase { Profile = RuleCase.TestProfile with { ReferenceRanges = new Dictionary<string, ReferenceRange>(RuleCase.TestProfile.ReferenceRanges) { ["Se"] = new(0.03m, 0.18m, ConcentrationUnit.MilligramPercent) } } };
        Outcome(rules, withRange.Set("Se", 0.1m)).Should().Be("no");
        Outcome(Compile("undecided(base) or not undecided(base)", """
              - id: base
                title: Base
                category: test
                severity: info
                source: intro
                explanation: E.
                when: Ca is within
            """), new RuleCase { Profile = null }).Should().Be("fires");
    }

    [Test]
    public void Evidence_shows_only_the_branch_that_carried_an_or()
    {
        var finding = Compile("Ca > 100 mg% or Na/K <= 2.5").Evaluate(new RuleCase().Build()).Findings.Single();

        finding.Evidence.Should().ContainSingle();
        finding.Evidence[0].Kind.Should().Be(EvidenceKind.Ratio);
        finding.Evidence[0].RatioValue.Should().Be(2.5);
        finding.Evidence[0].Tests.Should().Equal("Na/K <= 2.5");
    }

    [Test]
    public void A_ratio_not_in_the_known_set_given_by_the_caller_is_an_error()
    {
        var options = new RuleLoadOptions { KnownRatios = ["Ca/Mg"] };
        var result = RuleSet.LoadFromTexts([KeyValuePair.Create("t.yaml", "rules:\n  - id: t\n    title: T\n    category: c\n    severity: info\n    source: intro\n    explanation: E.\n    when: Na/K < 2.5\n")], options);

        result.Diagnostics.Should().ContainSingle(d => d.Code == Diagnostics.DiagnosticCodes.UnknownRatioInRule).Which.Message.Should().Contain("the known ratios are Ca/Mg");
    }
}
