using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;
using HtmaInterpreter.Tests.Rules;

namespace HtmaInterpreter.Tests.Batch.FastPath;

/// <summary>The rule set compiled into one method must decide exactly as the evaluation loop with a mask sink does.</summary>
public class FiredMaskCompilerTests
{
    private static readonly ClientContext[] Contexts =
    [
        new(),
        new() { Sex = Sex.Female, AgeYears = 70, Symptoms = new HashSet<string> { "exercise_cramps", "cramps_after_meals", "leg_cramps" } },
        new() { Sex = Sex.Male, Conditions = new HashSet<string> { "diabetes" }, Lifestyle = new HashSet<string> { "sedentary" }, Diet = new HashSet<string> { "much_sugar" } },
        new() { Symptoms = new HashSet<string>(), Conditions = new HashSet<string> { "pregnancy" }, Diet = new HashSet<string> { "phosphoric_acid_soft_drinks" } },
    ];

    private static IEnumerable<Panel> Panels()
    {
        var reader = new PanelReader();
        foreach (var file in Directory.EnumerateFiles(TestPaths.Samples, "*.csv"))
        {
            foreach (var panel in reader.ReadFile(file).Value ?? [])
            {
                yield return panel;
            }
        }

        foreach (var panel in reader.ReadText(WideCsvBatchTests.EdgeCases(3000, 41), "edge.csv").Value ?? [])
        {
            yield return panel;
        }
    }

    /// <summary>Every sample panel and the edge cases, each with every context, then every default rule's test cases.</summary>
    private static IEnumerable<RuleInput> Inputs()
    {
        var interpreter = Interpreter.Default;
        foreach (var panel in Panels())
        {
            var analysis = interpreter.Analyzer.Analyze(panel, null, null);
            foreach (var context in Contexts)
            {
                yield return new RuleInput(panel, analysis.Lab, analysis.Ratios, analysis.Oxidation, context);
            }
        }

        foreach (var input in DefaultRuleTests.ScenarioInputs())
        {
            yield return input;
        }
    }

    [Test]
    public void Compiled_rule_set_fires_the_same_rules_and_stores_the_same_results_as_the_loop_with_a_mask_sink()
    {
        var rules = Interpreter.Default.Rules;
        var compiled = FiredMaskCompiler.TryCompile(rules.Compiled);
        compiled.Should().NotBeNull("the default rule set has fewer than 64 rules and this runtime compiles expression trees");

        var compared = 0;
        var fired = 0;
        var byLoop = rules.CreateState();
        var byCompiled = rules.CreateState();
        foreach (var input in Inputs())
        {
            byLoop.Clear();
            byLoop.Load(input);
            byCompiled.Clear();
            byCompiled.Load(input);
            byCompiled.RecordsMissing = false;

            var expected = rules.FiredRules(byLoop, null);
            var actual = compiled!(byCompiled);

            actual.Should().Be(expected, $"input {compared} (panel {input.Panel.SampleId})");
            byCompiled.RuleResults.Should().Equal(byLoop.RuleResults);
            compared++;
            fired += System.Numerics.BitOperations.PopCount(actual);
        }

        compared.Should().BeGreaterThan(10_000);
        fired.Should().BeGreaterThan(compared, "the inputs fire rules (more than one per panel on average)");
    }

    [Test]
    public void The_mask_sink_and_the_findings_sink_see_the_same_rules_fire()
    {
        var rules = Interpreter.Default.Rules;
        var evaluationOrder = rules.EvaluationOrder.ToList();
        var compared = 0;
        foreach (var input in Inputs().Where((_, i) => i % 7 == 0))
        {
            var fired = rules.FiredRules(input);
            var findings = rules.Evaluate(input).Findings.Select(f => (f.RuleId, f.Subject)).ToList();
            findings.Should().BeEquivalentTo(fired, $"input {compared}");

            var state = rules.CreateState();
            state.Load(input);
            var mask = rules.FiredRules(state, null);
            evaluationOrder.Where((_, r) => (mask & (1UL << r)) != 0).Should().Equal(fired.Select(f => f.RuleId).Distinct());
            compared++;
        }

        compared.Should().BeGreaterThan(1_000);
    }

    [Test]
    public void A_ratio_compared_with_a_number_in_one_step_decides_and_names_what_is_missing_as_the_general_comparison()
    {
        var state = Interpreter.Default.Rules.CreateState();
        double[] values = [double.NaN, 0, 2.4999999999999996, 2.5, 2.5000000000000004, 10, double.PositiveInfinity];
        var compared = 0;
        foreach (var op in Enum.GetValues<CompareOp>())
        {
            foreach (var value in values)
            {
                foreach (var number in (double[])[0, 2.5, 10])
                {
                    state.Ratios[0] = value;
                    state.ClearMissing();
                    var expected = ConditionCompiler.CompareTest(state, op, OperandKind.Ratio, 0, 0, "Ca/K", OperandKind.Number, 0, number, "", "uncertain");
                    var expectedMissing = state.Missing.ToArray();
                    state.ClearMissing();
                    ConditionCompiler.RatioTest(state, op, 0, number, "Ca/K").Should().Be(expected, $"{value} {op} {number}");
                    state.Missing.Should().Equal(expectedMissing);
                    compared++;
                }
            }
        }

        compared.Should().Be(6 * 7 * 3);
    }

    [Test]
    public void An_element_compared_with_a_number_in_one_step_decides_and_names_what_is_missing_as_the_general_comparison()
    {
        var state = Interpreter.Default.Rules.CreateState();
        (bool Present, double Low, double High)[] readings =
        [
            (false, 0, 0), (true, 0, 0), (true, 40, 40), (true, 39.999999999999993, 39.999999999999993),
            (true, 0, 40), (true, 0, 0.002), (true, 41, double.PositiveInfinity), (true, 20, double.PositiveInfinity),
        ];
        var compared = 0;
        foreach (var op in Enum.GetValues<CompareOp>())
        {
            foreach (var (present, low, high) in readings)
            {
                foreach (var number in (double[])[0, 20, 40])
                {
                    state.Elements[0] = new Reading(present, low, high);
                    state.ClearMissing();
                    var expected = ConditionCompiler.CompareTest(state, op, OperandKind.Element, 0, 0, "Ca", OperandKind.Number, 0, number, "", "uncertain");
                    var expectedMissing = state.Missing.ToArray();
                    state.ClearMissing();
                    ConditionCompiler.ElementTest(state, op, 0, number, "Ca", "uncertain").Should().Be(expected, $"[{low}, {high}] {op} {number}");
                    state.Missing.Should().Equal(expectedMissing);
                    compared++;
                }
            }
        }

        compared.Should().Be(6 * 8 * 3);
    }

    [Test]
    public void FiredRuleMask_gives_the_loop_mask_whether_or_not_the_compiled_method_is_ready_yet()
    {
        var interpreter = Interpreter.Default;
        var rules = interpreter.Rules;
        FiredMaskCompiler.Start(rules);
        var state = rules.CreateState();
        foreach (var panel in Panels().Take(2000))
        {
            var analysis = interpreter.Analyzer.Analyze(panel, null, null);
            var input = new RuleInput(panel, analysis.Lab, analysis.Ratios, analysis.Oxidation, Contexts[1]);
            state.Clear();
            state.Load(input);
            var expected = rules.FiredRules(state, null);
            rules.FiredRuleMask(state).Should().Be(expected);
        }

        SpinWait.SpinUntil(() => rules.Compiled.MaskEvaluator is not null, TimeSpan.FromMinutes(1)).Should().BeTrue("starting attaches the compiled mask to the set");
    }
}
