using System.Globalization;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Rules;
using HtmaInterpreter.Tests.Cli;

namespace HtmaInterpreter.Tests.Rules;

/// <summary>
/// The size limits of a rule condition (<see cref="InputLimits.MaxConditionCharacters"/>, <see cref="InputLimits.MaxConditionNesting"/>,
/// <see cref="InputLimits.MaxConditionTerms"/>): a condition at a limit loads and evaluates; one past it gives its own
/// located diagnostic, the rule is left out and the other rules still load; no condition, however large, crashes.
/// </summary>
public class ConditionLimitTests : CommandTestBase
{
    /// <summary>Line of the big rule's <c>when:</c> in <see cref="RuleFile"/>, and the column where its (double-quoted) value starts.</summary>
    private const int WhenLine = 9;
    private const int WhenColumn = 12;

    /// <summary>A rule file: rule <c>big</c> with <paramref name="when"/> (double-quoted), then rule <c>other</c>.</summary>
    private static string RuleFile(string when) => $"""
        rules:
          - id: big
            title: Big
            category: test
            severity: info
            source: intro
            explanation: E.
            threshold_sources: [test]
            when: "{when}"
          - id: other
            title: Other
            category: test
            severity: info
            source: intro
            explanation: E.
            when: Ca is within

        """.ReplaceLineEndings("\n");

    private static ParseResult<RuleSet> Load(string when) => RuleSet.LoadFromTexts([KeyValuePair.Create("big.yaml", RuleFile(when))]);

    private static RuleSet Loaded(string when)
    {
        var result = Load(when);
        result.Diagnostics.Should().BeEmpty();
        return result.GetValueOrThrow();
    }

    /// <summary>The single diagnostic of the load, which must have <paramref name="code"/> and point into the <c>when:</c> at <paramref name="offset"/>.</summary>
    private static Diagnostic Rejected(string when, string code, int offset)
    {
        var result = Load(when);
        result.Diagnostics.Should().ContainSingle(string.Join("\n", result.Diagnostics));
        var diagnostic = result.Diagnostics[0];
        diagnostic.Code.Should().Be(code);
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Location.Should().Be(new SourceLocation("big.yaml", WhenLine, WhenColumn + offset, "when"));
        result.Value!.Rules.Select(r => r.Id).Should().Equal(["other"], "the rule past a limit is left out, the others load");
        return diagnostic;
    }

    /// <summary>The balanced test case has Ca/Mg = 40/6 (6.67): every term but the last of this chain is false, the last true.</summary>
    private static string OrChain(int terms) =>
        string.Join(" or ", Enumerable.Range(0, terms).Select(i => i == terms - 1 ? "Ca/Mg > 6" : $"Ca/Mg > {100 + i}"));

    private static bool Fires(RuleSet rules, RuleCase input) => rules.Evaluate(input.Build()).Findings.Any(f => f.RuleId == "big");

    [Test]
    public void An_or_chain_of_as_many_terms_as_allowed_loads_and_fires_when_only_its_last_term_holds()
    {
        var chain = OrChain(InputLimits.MaxConditionTerms);
        var rules = Loaded(chain);

        var finding = rules.Evaluate(new RuleCase().Build()).Findings.Single(f => f.RuleId == "big");
        finding.Evidence.Should().ContainSingle().Which.Tests.Should().Equal("Ca/Mg > 6");
        Fires(rules, new RuleCase().Set("Mg", 8m)).Should().BeFalse("Ca/Mg = 5 makes every term false");
        var undecided = rules.Evaluate(new RuleCase().Without("Mg").Build()).NotEvaluated.Single(n => n.RuleId == "big");
        undecided.MissingInputs.Should().Equal("Ca/Mg");
    }

    [Test]
    public void An_and_chain_of_as_many_terms_as_allowed_fires_when_all_hold_and_not_when_its_last_fails()
    {
        string Chain(string last) => string.Join(" and ", Enumerable.Range(0, InputLimits.MaxConditionTerms - 1).Select(i => $"Ca/Mg != {1000 + i}").Append(last));

        var finding = Loaded(Chain("Mg = 6")).Evaluate(new RuleCase().Build()).Findings.Single(f => f.RuleId == "big");
        Fires(Loaded(Chain("Mg = 7")), new RuleCase()).Should().BeFalse();

        finding.Evidence.Select(e => e.Name).Should().Equal("Ca/Mg", "Mg");
        finding.Evidence[0].Tests.Should().Equal(Enumerable.Range(0, InputLimits.MaxConditionTerms - 1).Select(i => $"Ca/Mg != {1000 + i}"));
    }

    [Test]
    public void Evidence_lists_each_test_of_an_input_once_in_the_order_first_used()
    {
        var finding = Loaded("Ca/Mg != 1 and Ca/Mg != 2 and Ca/Mg != 1 and Ca/Mg != 3 and Ca/Mg != 2 and Ca/Mg != 4 and Ca/Mg != 5")
            .Evaluate(new RuleCase().Build()).Findings.Single(f => f.RuleId == "big");

        finding.Evidence.Should().ContainSingle().Which.Tests.Should().Equal("Ca/Mg != 1", "Ca/Mg != 2", "Ca/Mg != 3", "Ca/Mg != 4", "Ca/Mg != 5");
    }

    [Test]
    public void An_or_chain_one_term_past_the_limit_is_an_error_at_the_first_term_too_many()
    {
        var chain = OrChain(InputLimits.MaxConditionTerms + 1);

        // The term past the limit is the last one.
        var diagnostic = Rejected(chain, DiagnosticCodes.ConditionTooManyTerms, chain.Length - "Ca/Mg > 6".Length);

        diagnostic.Message.Should().Contain($"more than {InputLimits.MaxConditionTerms} tests").And.Contain("not loaded");
    }

    [Test]
    public void Each_element_of_any_counts_as_a_test()
    {
        string Any(int elements) => $"any({string.Join(", ", Enumerable.Repeat("Ca", elements))}) is high";

        Fires(Loaded(Any(InputLimits.MaxConditionTerms)), new RuleCase().Set("Ca", 200m)).Should().BeTrue();
        var pastLimit = Any(InputLimits.MaxConditionTerms + 1);
        Rejected(pastLimit, DiagnosticCodes.ConditionTooManyTerms, 4 + (4 * InputLimits.MaxConditionTerms));
    }

    [Test]
    public void Parentheses_nested_as_deep_as_allowed_load_and_one_more_is_an_error_at_that_parenthesis()
    {
        string Nested(int depth) => new string('(', depth) + "Ca is within" + new string(')', depth);

        Fires(Loaded(Nested(InputLimits.MaxConditionNesting)), new RuleCase()).Should().BeTrue();
        var diagnostic = Rejected(Nested(InputLimits.MaxConditionNesting + 1), DiagnosticCodes.ConditionTooDeep, InputLimits.MaxConditionNesting);
        diagnostic.Message.Should().Contain($"more than {InputLimits.MaxConditionNesting} deep");
    }

    [Test]
    public void Not_nested_as_deep_as_allowed_loads_and_one_more_is_an_error_at_that_not()
    {
        string Nots(int count) => string.Concat(Enumerable.Repeat("not ", count)) + "Ca is within";

        // An even number of 'not' gives the test's own answer, an odd number the opposite.
        Fires(Loaded(Nots(InputLimits.MaxConditionNesting)), new RuleCase()).Should().Be(InputLimits.MaxConditionNesting % 2 == 0);
        Fires(Loaded(Nots(InputLimits.MaxConditionNesting - 1)), new RuleCase()).Should().Be(InputLimits.MaxConditionNesting % 2 == 1);
        Rejected(Nots(InputLimits.MaxConditionNesting + 1), DiagnosticCodes.ConditionTooDeep, 4 * InputLimits.MaxConditionNesting);
    }

    [Test]
    public void Parentheses_not_and_count_all_count_toward_the_nesting()
    {
        // Levels are '(', 'not ', 'count(' and 'not ' in turn; the innermost test holds on the balanced case.
        static string Mixed(int depth)
        {
            string[] opens = ["(", "not ", "count(", "not "];
            string[] closes = [")", "", ") >= 1", ""];
            var open = new System.Text.StringBuilder();
            var close = new System.Text.StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                open.Append(opens[i % 4]);
                close.Insert(0, closes[i % 4]);
            }

            return open + "Ca is within" + close;
        }

        var atLimit = Mixed(InputLimits.MaxConditionNesting);
        var nots = Enumerable.Range(0, InputLimits.MaxConditionNesting).Count(i => i % 2 == 1);
        Fires(Loaded(atLimit), new RuleCase()).Should().Be(nots % 2 == 0);
        Rejected(Mixed(InputLimits.MaxConditionNesting + 1), DiagnosticCodes.ConditionTooDeep, atLimit.IndexOf("Ca is within", StringComparison.Ordinal));
    }

    [Test]
    public void A_condition_as_long_as_allowed_loads_and_one_character_more_is_an_error_at_its_start()
    {
        string Padded(int length) => "Ca is within" + new string(' ', length - "Ca is within".Length);

        Fires(Loaded(Padded(InputLimits.MaxConditionCharacters)), new RuleCase()).Should().BeTrue();
        var diagnostic = Rejected(Padded(InputLimits.MaxConditionCharacters + 1), DiagnosticCodes.ConditionTooLong, 0);
        diagnostic.Message.Should()
            .Contain(string.Create(CultureInfo.InvariantCulture, $"{InputLimits.MaxConditionCharacters + 1:N0} characters"))
            .And.Contain(string.Create(CultureInfo.InvariantCulture, $"at most {InputLimits.MaxConditionCharacters:N0}"));
    }

    [TestCase(10_000, "(", DiagnosticCodes.ConditionTooLong, TestName = "10,000 nested parentheses")]
    [TestCase(4_000, "(", DiagnosticCodes.ConditionTooDeep, TestName = "4,000 nested parentheses (within the length)")]
    [TestCase(10_000, "not ", DiagnosticCodes.ConditionTooLong, TestName = "10,000 'not'")]
    [TestCase(2_000, "not ", DiagnosticCodes.ConditionTooDeep, TestName = "2,000 'not' (within the length)")]
    [TestCase(30_000, "or", DiagnosticCodes.ConditionTooLong, TestName = "An or chain of 30,000 terms")]
    [TestCase(1_200, "or", DiagnosticCodes.ConditionTooManyTerms, TestName = "An or chain of 1,200 terms (within the length)")]
    [TestCase(1_200, "and", DiagnosticCodes.ConditionTooManyTerms, TestName = "An and chain of 1,200 terms (within the length)")]
    public void A_huge_condition_is_a_diagnostic_not_a_crash(int count, string kind, string code)
    {
        var when = Huge(count, kind);

        Load(when).Diagnostics.Should().ContainSingle().Which.Code.Should().Be(code);

        var folder = Path.Combine(Folder, "rules");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "big.yaml"), RuleFile(when));
        Run("rules", "check", folder).Should().Be(1);
        Stdout.ToString().Should().Contain($"big.yaml:{WhenLine}:").And.Contain($"(when): error {code}").And.Contain("1 rules checked, 1 errors");
    }

    [Test]
    public void A_band_condition_has_the_same_limits()
    {
        var yaml = RuleFile("Ca is within").Replace(
            "    when: Ca is within\n",
            $"    when: Ca is within\n    bands:\n      - label: L\n        of: Ca\n        source: S\n        when: \"{Huge(4_000, "(")}\"\n        rows:\n          - {{ from: 1, band: B }}\n",
            StringComparison.Ordinal);

        var result = RuleSet.LoadFromTexts([KeyValuePair.Create("big.yaml", yaml)]);

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.ConditionTooDeep);
        diagnostic.Location.Should().Be(new SourceLocation("big.yaml", 21, 16 + InputLimits.MaxConditionNesting, "when"));
        result.Value!.Rules.Select(r => r.Id).Should().Equal("big");
    }

    [TestCase(false, TestName = "A long chain of rules each naming the next by pattern loads in dependency order")]
    [TestCase(true, TestName = "A long cycle of rules each naming the next by pattern is reported")]
    public void Rules_are_ordered_by_their_references_without_recursion_per_rule(bool cycle)
    {
        const int Count = 3_000;
        var yaml = new System.Text.StringBuilder("rules:\n");
        for (var i = 0; i < Count; i++)
        {
            var when = i < Count - 1 ? $"pattern r{i + 1}" : cycle ? "pattern r0" : "Ca is within";
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: r{i}\n    title: T\n    category: test\n    severity: info\n    source: intro\n    explanation: E.\n    when: {when}\n");
        }

        // Ordering used to recurse once per rule of the chain: on a small stack it would overflow.
        ParseResult<RuleSet>? result = null;
        var thread = new Thread(() => result = RuleSet.LoadFromTexts([KeyValuePair.Create("chain.yaml", yaml.ToString())]), maxStackSize: 256 * 1024);
        thread.Start();
        thread.Join();

        if (cycle)
        {
            var diagnostic = result!.Diagnostics.Should().ContainSingle().Subject;
            diagnostic.Code.Should().Be(DiagnosticCodes.RuleCycle);
            diagnostic.Message.Should().StartWith("Rules depend on each other in a cycle: r0 → r1 → r2 → ").And.EndWith($" → r{Count - 1} → r0.");
            result.Value!.Rules.Should().BeEmpty();
        }
        else
        {
            result!.Diagnostics.Should().BeEmpty();
            result.Value!.Evaluate(new RuleCase().Build()).Findings.Should().HaveCount(Count);
        }
    }

    [Test]
    public void A_chain_of_three_or_more_terms_gives_the_same_answers_and_missing_inputs_by_the_loop_and_the_compiled_method()
    {
        string[] conditions =
        [
            "K is high or Ca = 40 or Mg > 100", "K is high or Ca > 40 or Mg > 100", "K is high or Ca > 40 or Mg = 6",
            "K is high and Ca = 40 and Mg = 6", "K is high and Ca = 40 and Mg = 7", "Ca = 40 and Mg = 6 and Na = 25",
            "Ca > 40 or Mg > 6 or Na > 25", "not (Ca = 40 and Mg = 6 and K is low) or (Na < 1 or Na > 100 or Zn = 16)",
        ];
        RuleCase[] inputs = [new(), new RuleCase().Without("K"), new RuleCase().Without("K").Without("Mg")];
        foreach (var when in conditions)
        {
            var rules = Loaded(when);
            var compiled = FiredMaskCompiler.TryCompile(rules.Compiled);
            compiled.Should().NotBeNull();
            foreach (var input in inputs)
            {
                var byLoop = rules.CreateState();
                byLoop.Load(input.Build());
                var byCompiled = rules.CreateState();
                byCompiled.Load(input.Build());

                compiled!(byCompiled).Should().Be(rules.FiredRules(byLoop, null), when);
                byCompiled.RuleResults.Should().Equal(byLoop.RuleResults, when);
            }
        }

        Outcome("K is high or Ca > 40 or Mg > 100", new RuleCase().Without("K")).Should().Be("unknown: K");
        Outcome("K is high and Ca = 40 and Mg = 7", new RuleCase().Without("K")).Should().Be("no");
        Outcome("K is high and Ca = 40 and Mg = 6", new RuleCase().Without("K")).Should().Be("unknown: K");
        Outcome("K is high or Ca > 40 or Mg = 6", new RuleCase().Without("K")).Should().Be("fires");
    }

    private static string Outcome(string when, RuleCase input)
    {
        var result = Loaded(when).Evaluate(input.Build());
        return result.Findings.Any(f => f.RuleId == "big") ? "fires"
            : result.NotEvaluated.FirstOrDefault(n => n.RuleId == "big") is { } undecided ? "unknown: " + string.Join(", ", undecided.MissingInputs)
            : "no";
    }

    private static string Huge(int count, string kind) => kind switch
    {
        "(" => new string('(', count) + "Ca is high" + new string(')', count),
        "not " => string.Concat(Enumerable.Repeat("not ", count)) + "Ca is high",
        _ => string.Join($" {kind} ", Enumerable.Range(0, count).Select(i => $"K<{i % 10}")),
    };
}
