using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Rules;

public class BrokenRuleFileTests
{
    private const string Header = """
        rules:
          - id: r1
            title: A test rule
            category: test
            severity: info
            source: intro
            explanation: Explains.
        """;

    private static string Rule(string id, string when) =>
        $"  - id: {id}\n    title: T\n    category: test\n    severity: info\n    source: intro\n    explanation: E.\n    when: {when}\n";

    private static ParseResult<RuleSet> Load(string yaml) =>
        RuleSet.LoadFromTexts([KeyValuePair.Create("bad.yaml", yaml.ReplaceLineEndings("\n"))]);

    /// <summary>Where <paramref name="marker"/> first occurs in the YAML (1-based line and column), at or after <paramref name="fromLine"/>.</summary>
    private static (int Line, int Column) Find(string yaml, string marker, int fromLine = 1)
    {
        var lines = yaml.ReplaceLineEndings("\n").Split('\n');
        for (var i = fromLine - 1; i < lines.Length; i++)
        {
            var column = lines[i].IndexOf(marker, StringComparison.Ordinal);
            if (column >= 0)
            {
                return (i + 1, column + 1);
            }
        }

        throw new ArgumentException($"'{marker}' not in the YAML.", nameof(marker));
    }

    private static Diagnostic Single(ParseResult<RuleSet> result, string code)
    {
        result.Diagnostics.Should().ContainSingle(d => d.Code == code, string.Join("\n", result.Diagnostics));
        return result.Diagnostics.Single(d => d.Code == code);
    }

    private static void ShouldPointAt(Diagnostic diagnostic, string yaml, string marker, int fromLine = 8)
    {
        var (line, column) = Find(yaml, marker, fromLine);
        diagnostic.Location.File.Should().Be("bad.yaml");
        diagnostic.Location.Line.Should().Be(line, diagnostic.ToString());
        diagnostic.Location.Column.Should().Be(column, diagnostic.ToString());
    }

    [TestCase("    when: Ca is high and Xy is low", TestName = "Unknown element in a plain scalar")]
    [TestCase("    when: \"Ca is high and Xy is low\"", TestName = "Unknown element in a double-quoted scalar")]
    [TestCase("    when: 'Ca is high and Xy is low'", TestName = "Unknown element in a single-quoted scalar")]
    [TestCase("    when: \"Ca\\u0020is high and Xy is low\"", TestName = "Unknown element after an escape in a double-quoted scalar")]
    [TestCase("    when: |\n      Ca is high\n      and Xy is low", TestName = "Unknown element in a literal block scalar")]
    [TestCase("    when: >-\n      Ca is high\n      and Xy is low", TestName = "Unknown element in a folded block scalar")]
    [TestCase("    when: Ca is high\n      and Xy is low", TestName = "Unknown element in a multi-line plain scalar")]
    public void An_unknown_element_is_located_inside_the_yaml_scalar(string when)
    {
        var yaml = Header + "\n" + when + "\n";

        var diagnostic = Single(Load(yaml), DiagnosticCodes.UnknownElementInRule);

        ShouldPointAt(diagnostic, yaml, "Xy");
        diagnostic.Message.Should().Contain("'Xy' is not an element symbol");
        diagnostic.Location.Field.Should().Be("when");
    }

    [TestCase("    when: Ca is high and", DiagnosticCodes.ConditionSyntax, "and", 3, TestName = "Syntax error: condition ends early")]
    [TestCase("    when: Ca is huge", DiagnosticCodes.ConditionSyntax, "huge", 0, TestName = "Syntax error: unknown level word")]
    [TestCase("    when: (Ca is high", DiagnosticCodes.ConditionSyntax, "high", 4, TestName = "Syntax error: missing parenthesis")]
    [TestCase("    when: Ca is high & Mg is low", DiagnosticCodes.ConditionSyntax, "&", 0, TestName = "Syntax error: unexpected character")]
    [TestCase("    when: calcium is high", DiagnosticCodes.UnknownElementInRule, "calcium", 0, TestName = "Element written by name")]
    [TestCase("    when: K/Na < 2", DiagnosticCodes.UnknownRatioInRule, "K/Na", 0, TestName = "Unknown ratio")]
    [TestCase("    when: pattern no-such-rule", DiagnosticCodes.UnknownPattern, "no-such-rule", 0, TestName = "Unknown pattern")]
    [TestCase("    when: fired(no-such-rule) and Ca is low", DiagnosticCodes.UnknownPattern, "no-such-rule", 0, TestName = "Unknown fired reference")]
    [TestCase("    when: context.symptoms includes cramps", DiagnosticCodes.UnknownContextKeyInRule, "cramps", 0, TestName = "Unknown context value")]
    [TestCase("    when: context.mood is true", DiagnosticCodes.UnknownContextKeyInRule, "mood", 0, TestName = "Unknown context key")]
    [TestCase("    when: Na/K < 2 mg%", DiagnosticCodes.ConditionTypeMismatch, "2 mg%", 0, TestName = "Type mismatch: ratio against a concentration")]
    [TestCase("    when: Ca > Na/K", DiagnosticCodes.ConditionTypeMismatch, "Ca", 0, TestName = "Type mismatch: element against a ratio")]
    [TestCase("    when: Na/K is high", DiagnosticCodes.ConditionTypeMismatch, "Na/K", 0, TestName = "Type mismatch: level of a ratio")]
    [TestCase("    when: oxidation.degree is slow", DiagnosticCodes.ConditionTypeMismatch, "slow", 0, TestName = "Type mismatch: oxidation degree")]
    [TestCase("    when: age > 60 mg%", DiagnosticCodes.ConditionTypeMismatch, "60", 0, TestName = "Type mismatch: age against a concentration")]
    [TestCase("    when: element is elevated", DiagnosticCodes.ConditionTypeMismatch, "element", 0, TestName = "Type mismatch: element placeholder outside for_each")]
    [TestCase("    when: Ca > 3 mg/l", DiagnosticCodes.UnknownUnitInRule, "mg/l", 0, TestName = "Unknown unit")]
    public void Each_error_kind_is_reported_with_its_code_line_and_column(string when, string code, string marker, int offsetInMarker)
    {
        var yaml = Header + "\n" + when + "\n";

        var result = Load(yaml);

        var diagnostic = Single(result, code);
        var (line, column) = Find(yaml, marker, 8);
        diagnostic.Location.Line.Should().Be(line, diagnostic.ToString());
        diagnostic.Location.Column.Should().Be(column + offsetInMarker, diagnostic.ToString());
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        result.Value!.Rules.Should().BeEmpty("a rule with an error is left out");
    }

    [TestCase("    when: sex is not woman", "woman", "'woman' is not a sex; expected female or male.")]
    [TestCase("    when: sample is rinsed", "rinsed", "'rinsed' is not a sample treatment; expected washed or unwashed.")]
    public void A_word_that_is_not_one_of_the_field_s_two_words_names_them(string when, string marker, string message)
    {
        var yaml = Header + "\n" + when + "\n";

        var diagnostic = Single(Load(yaml), DiagnosticCodes.ConditionTypeMismatch);

        diagnostic.Message.Should().Be(message);
        diagnostic.Location.Column.Should().Be(Find(yaml, marker, 8).Column);
    }

    [Test]
    public void A_cycle_between_rules_is_reported_at_the_reference_that_closes_it()
    {
        var yaml = Header + "\n    when: pattern r2 or Ca is high\n"
            + Rule("r2", "Mg is low and pattern r1")
            + Rule("r3", "fired(r2)")
            + Rule("r4", "Ca is low");

        var result = Load(yaml);

        var diagnostic = Single(result, DiagnosticCodes.RuleCycle);
        diagnostic.Location.Line.Should().Be(15);
        diagnostic.Location.Column.Should().Be(Find(yaml, "r1", 15).Column);
        diagnostic.Message.Should().Contain("r1 → r2 → r1");
        result.Value!.Rules.Select(r => r.Id).Should().Equal("r4");
    }

    [Test]
    public void A_duplicate_id_is_reported_at_the_second_rule()
    {
        var yaml = Header + "\n    when: Ca is low\n" + Header["rules:\n".Length..] + "\n    when: Ca is high\n";

        var result = Load(yaml);

        var diagnostic = Single(result, DiagnosticCodes.DuplicateRuleId);
        diagnostic.Location.Line.Should().Be(9);
        diagnostic.Location.Column.Should().Be(9);
        result.Value!.Rules.Should().ContainSingle().Which.Condition.Should().Be("Ca is low");
    }

    [Test]
    public void Unknown_and_missing_keys_and_bad_severities_are_schema_errors()
    {
        var yaml = """
            rules:
              - id: r1
                title: A test rule
                category: test
                severity: urgent
                source: intro
                whne: Ca is low
            """;

        var result = Load(yaml);

        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.RuleSchema).Select(d => (d.Location.Line, d.Location.Column)).Should()
            .BeEquivalentTo(new (int?, int?)[] { (7, 5), (5, 15), (2, 5), (2, 5) }, string.Join("\n", result.Diagnostics));
        result.Diagnostics.Select(d => d.Message).Should().Contain(m => m.Contains("'whne'")).And.Contain("The rule needs the key 'when'.").And.Contain("The rule needs the key 'explanation'.")
            .And.Contain("'urgent' is not allowed for 'severity'; use one of: info, attention, refer.");
    }

    [Test]
    public void Malformed_yaml_is_reported_not_thrown()
    {
        var result = Load("rules:\n  - id: r1\n    title: [unclosed\n");

        var diagnostic = Single(result, DiagnosticCodes.RuleFileUnreadable);
        diagnostic.Location.Line.Should().NotBeNull();
        diagnostic.Message.Should().NotContain("YamlDotNet");
    }

    [Test]
    public void A_numeric_threshold_without_a_source_is_a_warning()
    {
        var yaml = Header + "\n    when: Ca > 40 mg%\n";

        var result = Load(yaml);

        var diagnostic = Single(result, DiagnosticCodes.ThresholdWithoutSource);
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Warning);
        result.Value!.Rules.Should().ContainSingle();
    }

    [Test]
    public void A_missing_folder_and_an_empty_folder_are_diagnostics()
    {
        var missing = RuleSet.LoadFromDirectory(Path.Combine(Path.GetTempPath(), "htma-no-such-folder-" + Guid.NewGuid()));
        missing.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.RuleFolderProblem);

        var empty = Directory.CreateTempSubdirectory("htma-rules-");
        try
        {
            RuleSet.LoadFromDirectory(empty.FullName).Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.RuleFolderProblem);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }

    [Test]
    public void Loading_a_folder_reports_paths_and_loads_the_good_rules()
    {
        var folder = Directory.CreateTempSubdirectory("htma-rules-");
        try
        {
            File.WriteAllText(Path.Combine(folder.FullName, "a.yaml"), Header + "\n    when: Ca is low\n");
            File.WriteAllText(Path.Combine(folder.FullName, "b.yaml"), Header.Replace("r1", "r2", StringComparison.Ordinal) + "\n    when: Ca is lo\n");

            var result = RuleSet.LoadFromDirectory(folder.FullName);

            result.Value!.Rules.Select(r => (r.Id, r.File)).Should().Equal(("r1", "a.yaml"));
            var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
            diagnostic.Location.File.Should().Be(Path.Combine(folder.FullName, "b.yaml"));
            diagnostic.Location.Line.Should().Be(8);
            diagnostic.Location.Column.Should().Be(17);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
