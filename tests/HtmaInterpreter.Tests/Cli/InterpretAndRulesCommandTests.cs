using System.Text.Json;
using HtmaInterpreter.Cli;

namespace HtmaInterpreter.Tests.Cli;

public class InterpretAndRulesCommandTests : CommandTestBase
{
    [Test]
    public void Interpret_json_has_the_oxidation_ratios_findings_and_diagnostics()
    {
        var exitCode = Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "json");

        exitCode.Should().Be(0, Stderr.ToString());
        using var json = JsonDocument.Parse(Stdout.ToString());
        var root = json.RootElement;
        root.GetProperty("oxidation").GetProperty("type").GetString().Should().Be("slow");
        root.GetProperty("oxidation").GetProperty("lean").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("oxidation").GetProperty("degree").GetString().Should().Be("mild");
        var caK = root.GetProperty("ratios").EnumerateArray().Single(r => r.GetProperty("name").GetString() == "Ca/K");
        caK.GetProperty("value").GetDouble().Should().BeApproximately(23.6, 1e-9);
        root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString())
            .Should().Contain("low-sodium-slow-oxidation");
        root.GetProperty("diagnostics").EnumerateArray().Select(d => d.GetProperty("code").GetString()).Should().Contain("HTMA0401");
    }

    [Test]
    public void Interpret_with_a_context_file_fires_the_symptom_rules_and_puts_the_referral_first()
    {
        var context = Path.Combine(Folder, "client.yaml");
        File.WriteAllText(context, "sex: female\nsymptoms: [exercise_cramps, restless_legs]\nconditions: [arteriosclerosis]\n");

        var exitCode = Run("interpret", TestPaths.Sample("fast-oxidizer.yaml"), "--format", "json", "--context", context);

        exitCode.Should().Be(0, Stdout.ToString());
        using var json = JsonDocument.Parse(Stdout.ToString());
        var ids = json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).ToList();
        ids[0].Should().Be("circulation-referral");
        ids.Should().Contain("exercise-magnesium-depletion");
        json.RootElement.GetProperty("findings")[0].GetProperty("referral").GetBoolean().Should().BeTrue();
    }

    [Test]
    public void Interpret_with_an_unknown_context_key_warns_with_its_line_and_still_interprets()
    {
        var context = Path.Combine(Folder, "client.yaml");
        File.WriteAllText(context, "sex: female\nmood: grumpy\n");

        var exitCode = Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--context", context);

        exitCode.Should().Be(0);
        Stdout.ToString().Should().Contain("client.yaml:2:1 (mood): warning HTMA0602: Unknown client-context key 'mood'")
            .And.Contain("OXIDATION: SLOW");
    }

    [Test]
    public void Interpret_client_flags_are_read_like_a_context_file()
    {
        var exitCode = Run("interpret", TestPaths.Sample("fast-oxidizer.yaml"), "--client", "conditions=pregnancy");

        exitCode.Should().Be(0);
        Stdout.ToString().Should().Contain("[REFER TO A PHYSICIAN]").And.Contain("(circulation-referral)");
    }

    [TestCase("--format", "pdf")]
    [TestCase("--lab", "no-such-lab")]
    [TestCase("--model", "no-such-model")]
    [TestCase("--colour", "on")]
    public void Interpret_usage_errors_exit_2(string option, string value)
    {
        var exitCode = Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), option, value);

        exitCode.Should().Be(2);
        Stdout.ToString().Should().BeEmpty();
        Stderr.ToString().Should().NotBeEmpty();
    }

    [Test]
    public void Interpret_of_an_invalid_file_exits_1_with_the_located_diagnostic()
    {
        var exitCode = Run("interpret", TestPaths.Sample(Path.Combine("invalid", "ragged-rows.csv")));

        exitCode.Should().Be(1);
        Stdout.ToString().Should().Contain("ragged-rows.csv:6:8: error HTMA0106");
    }

    [Test]
    public void Interpret_out_writes_the_report_to_a_file()
    {
        var target = Path.Combine(Folder, "report.json");

        var exitCode = Run("interpret", TestPaths.Sample("mixed-pattern.json"), "--format", "json", "--out", target);

        exitCode.Should().Be(0);
        Stdout.ToString().Should().BeEmpty();
        using var json = JsonDocument.Parse(File.ReadAllText(target));
        json.RootElement.GetProperty("oxidation").GetProperty("type").GetString().Should().Be("mixed");
        json.RootElement.GetProperty("oxidation").GetProperty("lean").GetString().Should().Be("fast");
    }

    [Test]
    public void Rules_list_prints_every_default_rule_id()
    {
        var exitCode = Run("rules", "list");

        exitCode.Should().Be(0);
        var output = Stdout.ToString();
        foreach (var id in new[]
        {
            "acute-calcium-magnesium-deficiency", "bio-unavailable-calcium-magnesium", "low-sodium-slow-oxidation",
            "copper-excess-blocks-availability", "fast-oxidation-mineral-depletion", "toxic-metal-displacement",
            "less-bioavailable-mineral-buildup", "potassium-loss-slow-oxidation", "potassium-catabolic-fast-oxidation",
            "exercise-magnesium-depletion", "circulation-referral", "food-sensitivity-diary", "calcium-shell",
            "magnesium-shell", "four-lows", "four-highs", "three-highs", "sodium-potassium-inversion",
            "sympathetic-dominance", "hidden-copper", "toxic-metal-elevated", "washed-sample-caveat",
        })
        {
            output.Should().Contain(id + " ");
        }
    }

    [Test]
    public void Rules_check_of_the_default_rules_finds_no_error()
    {
        Run("rules", "check").Should().Be(0);
        Stdout.ToString().Should().Contain("rules checked, 0 errors");
    }

    [Test]
    public void Rules_check_of_a_broken_folder_prints_each_error_with_line_and_column_and_exits_1()
    {
        File.WriteAllText(Path.Combine(Folder, "broken.yaml"),
            "rules:\n" +
            "  - id: bad-element\n    title: T\n    category: c\n    severity: info\n    when: Xy is high\n    explanation: e\n    suggestions: []\n    source: intro\n    claims: [1]\n" +
            "  - id: bad-ratio\n    title: T\n    category: c\n    severity: info\n    when: Ca/Xy < 2\n    explanation: e\n    suggestions: []\n    source: intro\n    claims: [1]\n");

        var exitCode = Run("rules", "check", Folder);

        exitCode.Should().Be(1);
        var output = Stdout.ToString();
        output.Should().Contain("broken.yaml:6:11").And.Contain("broken.yaml:15:11").And.Contain("2 errors");
    }
}
