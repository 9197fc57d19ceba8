using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Rules;

/// <summary>
/// A rule file of tens of thousands of rules (a few MB, well under <see cref="InputLimits.MaxDocumentBytes"/>) loads with
/// the same diagnostics as a small one: duplicate ids, references between rules and the rules left out because they
/// depend on a rule with errors are found with dictionaries and one walk, not a search per rule and a sweep per rule.
/// </summary>
public class RuleLoadScaleTests
{
    private const int Count = 30_000;

    /// <summary>Line of the <c>when:</c> of rule <paramref name="index"/> in <see cref="Rules"/>; its value starts at column 11.</summary>
    private static int WhenLine(int index) => 8 + (7 * index);

    /// <summary>A file of rules r0, r1, … with <paramref name="when"/> giving each rule's condition (7 lines a rule).</summary>
    private static string Rules(int count, Func<int, string> when)
    {
        var yaml = new StringBuilder("rules:\n");
        for (var i = 0; i < count; i++)
        {
            yaml.Append(CultureInfo.InvariantCulture, $"  - id: r{i}\n    title: T\n    category: test\n    severity: info\n    source: intro\n    explanation: E.\n    when: {when(i)}\n");
        }

        return yaml.ToString();
    }

    private static ParseResult<RuleSet> Load(string yaml) => RuleSet.LoadFromTexts([KeyValuePair.Create("many.yaml", yaml)]);

    [Test]
    public void A_chain_of_30000_rules_each_naming_the_next_loads()
    {
        var result = Load(Rules(Count, i => i < Count - 1 ? $"pattern r{i + 1}" : "Ca is within"));

        result.Diagnostics.Should().BeEmpty();
        var rules = result.Value!;
        rules.Rules.Should().HaveCount(Count);
        rules.Rules[0].Id.Should().Be("r0");
        rules.Rules[^1].Id.Should().Be($"r{Count - 1}");
    }

    [Test]
    public void A_long_chain_that_fires_whole_gives_its_findings_in_file_order()
    {
        // The chain is evaluated from its far end, so its findings arrive in reverse order and need the general sort.
        const int count = 5_000;
        var rules = Load(Rules(count, i => i < count - 1 ? $"pattern r{i + 1}" : "Mg = 6")).Value!;

        var findings = rules.Evaluate(new RuleCase().Build()).Findings;

        findings.Select(f => f.RuleId).Should().Equal(Enumerable.Range(0, count).Select(i => $"r{i}"));
    }

    [Test]
    public void A_rule_id_given_twice_among_30000_rules_is_reported_at_the_second_with_the_first()
    {
        var result = Load(Rules(Count, _ => "Ca is within").Replace("  - id: r29999\n", "  - id: r1\n", StringComparison.Ordinal));

        var duplicate = result.Diagnostics.Should().ContainSingle().Subject;
        duplicate.Code.Should().Be(DiagnosticCodes.DuplicateRuleId);
        duplicate.Message.Should().Be("The rule id 'r1' is already used at many.yaml:9:9.");
        duplicate.Location.Should().Be(new SourceLocation("many.yaml", WhenLine(Count - 1) - 6, 9, "id"));
        result.Value!.Rules.Should().HaveCount(Count - 1);
    }

    [TestCase(true, TestName = "30,000 rules depending on a first rule with an error, each naming the one before it, are all left out and reported")]
    [TestCase(false, TestName = "30,000 rules depending on a last rule with an error, each naming the one after it, are all left out and reported")]
    public void Every_rule_depending_on_a_rule_with_an_error_is_left_out_with_a_diagnostic_at_its_reference(bool errorFirst)
    {
        var broken = errorFirst ? 0 : Count - 1;
        var result = Load(Rules(Count, i => i == broken ? "Xx is high" : $"pattern r{(errorFirst ? i - 1 : i + 1)}"));

        result.Value!.Rules.Should().BeEmpty();
        result.Diagnostics.Should().HaveCount(Count);
        for (var i = 0; i < Count; i++)
        {
            var diagnostic = result.Diagnostics[i];
            diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
            if (i == broken)
            {
                diagnostic.Code.Should().Be(DiagnosticCodes.UnknownElementInRule);
                diagnostic.Location.Should().Be(new SourceLocation("many.yaml", WhenLine(i), 11, "when"));
                continue;
            }

            var referenced = errorFirst ? i - 1 : i + 1;
            if (diagnostic.Code != DiagnosticCodes.UnknownPattern
                || diagnostic.Message != $"This rule refers to 'r{referenced}', which could not be loaded; it is left out too."
                || diagnostic.Location != new SourceLocation("many.yaml", WhenLine(i), 19, "when"))
            {
                Assert.Fail($"Diagnostic {i} is '{diagnostic}'.");
            }
        }
    }

    [Test]
    public void Many_cycles_through_a_long_chain_give_one_diagnostic_each_naming_the_ends_of_the_cycle()
    {
        // Each rule names the next and the first: every rule closes a cycle back to r0, the longest of 30,000 rules.
        var result = Load(Rules(Count, i => i < Count - 1 ? $"pattern r{i + 1} and pattern r0" : "pattern r0"));

        result.Value!.Rules.Should().BeEmpty();
        result.Diagnostics.Should().HaveCount(Count).And.OnlyContain(d => d.Code == DiagnosticCodes.RuleCycle);
        result.Diagnostics[2].Message.Should().Be("Rules depend on each other in a cycle: r0 → r1 → r2 → r0.");
        result.Diagnostics[^1].Message.Should().Be(
            "Rules depend on each other in a cycle: r0 → r1 → r2 → r3 → r4 → r5 → r6 → r7 → … 29,984 more … → " +
            "r29992 → r29993 → r29994 → r29995 → r29996 → r29997 → r29998 → r29999 → r0.");
        result.Diagnostics[^1].Location.Should().Be(new SourceLocation("many.yaml", WhenLine(Count - 1), 19, "when"));
        result.Diagnostics.Sum(d => d.Message.Length).Should().BeLessThan(Count * 200, "a cycle's message is bounded, however long the cycle");
    }

    [Test]
    public void A_band_condition_naming_a_rule_with_an_error_is_reported_at_that_name()
    {
        var yaml = Rules(1, _ => "Xx is high") + """
              - id: banded
                title: T
                category: test
                severity: info
                source: intro
                explanation: E.
                when: Ca is within
                bands:
                  - label: L
                    of: Ca
                    when: pattern r0
                    source: S
                    rows:
                      - { from: 1, band: "x" }

            """.ReplaceLineEndings("\n");

        var result = Load(yaml);

        result.Value!.Rules.Should().BeEmpty();
        result.Diagnostics.Select(d => d.Code).Should().Equal(DiagnosticCodes.UnknownElementInRule, DiagnosticCodes.UnknownPattern);
        result.Diagnostics[1].Message.Should().Be("This rule refers to 'r0', which could not be loaded; it is left out too.");
        result.Diagnostics[1].Location.Should().Be(new SourceLocation("many.yaml", 19, 23, "when"));
    }
}
