using System.Collections.Concurrent;
using System.Text.Json;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Interpreting;

public class InterpreterTests
{
    private static Panel ReadSample(string name) => new PanelReader().ReadFile(TestPaths.Sample(name)).Value!.Single();

    [Test]
    public void The_embedded_ratios_are_the_ones_the_embedded_rules_load_against_while_the_definitions_load()
    {
        // Interpreter.Create loads the embedded rules against RuleLoadOptions.DefaultKnownRatios on another core; when
        // the embedded ratios.yaml names other ratios (or in another order) it loads them again, serially.
        HtmaDefinitions.LoadDefault().Value!.Ratios.Select(r => r.Name).Should().Equal(RuleLoadOptions.DefaultKnownRatios);
        Interpreter.Create().Value!.Rules.Should().BeSameAs(RuleSet.LoadDefault().Value);
    }

    [Test]
    public void The_known_ratio_names_are_read_from_a_ratios_file_in_order_once_each()
    {
        const string Ratios = "default_lab: arl\nratios:\n  - name: Zn/Cu\n    numerator: Zn\n  - name: Ca/Mg\n  - name: Zn/Cu\n  - [not, a, ratio]\n  - numerator: Na\n";
        DefinitionsLoader.RatioNames(new DefinitionsFile("ratios.yaml", "test/ratios.yaml", Ratios)).Should().Equal("Zn/Cu", "Ca/Mg");
        DefinitionsLoader.RatioNames(new DefinitionsFile("ratios.yaml", "test/ratios.yaml", "ratios: [")).Should().BeEmpty();
        HtmaDefinitions.EmbeddedRatioNames().Should().Equal(RuleLoadOptions.DefaultKnownRatios).And.HaveCount(17);
    }

    [Test]
    public void Slow_oxidizer_sample_is_slow_with_the_slow_oxidation_findings()
    {
        var interpretation = Interpreter.Default.Interpret(ReadSample("slow-oxidizer.csv"));

        interpretation.Oxidation.Type.Should().Be(OxidationType.Slow);
        interpretation.Oxidation.Degree.Should().Be(OxidationDegree.Mild);
        interpretation.LabProfile.Id.Should().Be("arl");
        interpretation.Oxidation.ModelId.Should().Be("eck-wilson");
        interpretation.Ratios.Single(r => r.Name == "Ca/K").Value.Should().BeApproximately(23.6, 1e-9);
        interpretation.Findings.Select(f => f.RuleId).Should().Contain(
            ["bio-unavailable-calcium-magnesium", "low-sodium-slow-oxidation", "potassium-loss-slow-oxidation"]);
        interpretation.Disclaimer.Should().Contain("Not a diagnosis");
        interpretation.RuleSetName.Should().Be("default");
        interpretation.RuleSetVersion.Should().MatchRegex("^[0-9a-f]{12}$");
    }

    [Test]
    public void Fast_oxidizer_with_lead_and_cadmium_finds_one_elevated_finding_per_metal_and_displacement()
    {
        var interpretation = Interpreter.Default.Interpret(ReadSample("fast-oxidizer-lead-cadmium.json"));

        interpretation.Oxidation.Type.Should().Be(OxidationType.Fast);
        interpretation.Findings.Where(f => f.RuleId == "toxic-metal-elevated").Select(f => f.Subject)
            .Should().BeEquivalentTo(["Pb", "Cd"]);
        interpretation.Findings.Select(f => f.RuleId).Should().Contain("toxic-metal-displacement");
    }

    [Test]
    public void Referral_comes_first_when_the_client_reports_a_circulation_condition()
    {
        var context = ClientContextReader.FromArguments(["conditions=diabetes", "symptoms=leg_cramps"]).Value!;

        var interpretation = Interpreter.Default.Interpret(ReadSample("fast-oxidizer.yaml"), context);

        interpretation.Findings[0].RuleId.Should().Be("circulation-referral");
        interpretation.Findings[0].IsReferral.Should().BeTrue();
        interpretation.Referrals.Should().ContainSingle();
        string.Join(" ", interpretation.Findings.SelectMany(f => f.Suggestions.Append(f.Explanation)))
            .Should().NotContainEquivalentOf("quinine");
    }

    [Test]
    public void Unknown_lab_or_model_in_the_options_is_a_located_diagnostic_not_an_exception()
    {
        var result = Interpreter.Create(new InterpreterOptions { LabId = "no-such-lab", ModelId = "no-such-model" });

        result.Value.Should().BeNull();
        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.InterpreterUnknownChoice)
            .Select(d => d.Location.Field).Should().BeEquivalentTo(["lab", "model"]);
    }

    [Test]
    public void Options_choose_the_lab_profile_and_the_model()
    {
        var interpreter = Interpreter.Create(new InterpreterOptions { LabId = "tei", ModelId = "ca-k-na-k" }).GetValueOrThrow();

        var interpretation = interpreter.Interpret(ReadSample("slow-oxidizer.csv"));

        interpretation.LabProfile.Id.Should().Be("tei");
        interpretation.Oxidation.ModelId.Should().Be("ca-k-na-k");
        interpretation.Oxidation.LabProfileId.Should().Be("tei");
    }

    [Test]
    public void A_definitions_folder_gives_the_same_result_as_the_embedded_defaults()
    {
        var fromFolder = Interpreter.Create(new InterpreterOptions { DefinitionsDirectory = TestPaths.Ratios }).GetValueOrThrow();
        var panel = ReadSample("mixed-pattern.json");

        var fromDefaults = Interpreter.Default.Interpret(panel);
        var fromFiles = fromFolder.Interpret(panel);

        fromFiles.RuleSetName.Should().Be("rules");
        fromFiles.RuleSetVersion.Should().Be(fromDefaults.RuleSetVersion, "the same rule files hash alike wherever they are loaded from");
        JsonReport.Render(fromFiles with { RuleSetName = fromDefaults.RuleSetName }).Should().Be(JsonReport.Render(fromDefaults));
    }

    [Test]
    public void A_broken_rule_in_a_definitions_folder_stops_creation_with_its_location()
    {
        var folder = Path.Combine(Path.GetTempPath(), "htma-defs-" + Guid.NewGuid().ToString("N"));
        CopyDirectory(TestPaths.Ratios, folder);
        try
        {
            File.WriteAllText(Path.Combine(folder, "rules", "zz-broken.yaml"), "rules:\n  - id: broken\n    title: Broken\n    category: test\n    severity: info\n    when: Xx is high\n    explanation: x\n    suggestions: []\n    source: intro\n    claims: [1]\n");

            var result = Interpreter.Create(new InterpreterOptions { DefinitionsDirectory = folder });

            result.Value.Should().BeNull();
            var error = result.Diagnostics.First(d => d.Severity == DiagnosticSeverity.Error);
            error.Location.File.Should().EndWith("zz-broken.yaml");
            error.Location.Line.Should().Be(6);
            error.Location.Column.Should().Be(11);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void One_shared_interpreter_gives_identical_results_from_many_threads()
    {
        var panels = new PanelReader().ReadFile(TestPaths.Sample("wide-clinic-batch.csv")).Value!;
        var sequential = panels.Select(p => JsonReport.Render(Interpreter.Default.Interpret(p))).ToList();

        var parallel = new ConcurrentDictionary<int, string>();
        Parallel.For(0, panels.Count * 20, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var index = i % panels.Count;
            var json = JsonReport.Render(Interpreter.Default.Interpret(panels[index]));
            parallel.AddOrUpdate(index, json, (_, existing) => existing == json ? existing : "MISMATCH");
        });

        Enumerable.Range(0, panels.Count).Select(i => parallel[i]).Should().Equal(sequential);
    }

    [Test]
    public void The_same_input_gives_byte_identical_json_from_separately_created_interpreters()
    {
        var panel = ReadSample("doctors-data-washed.csv");
        var first = Interpreter.Create().GetValueOrThrow();
        var second = Interpreter.Create(new InterpreterOptions { DefinitionsDirectory = TestPaths.Ratios }).GetValueOrThrow();

        var a = System.Text.Encoding.UTF8.GetBytes(JsonReport.Render(first.Interpret(panel)));
        var b = System.Text.Encoding.UTF8.GetBytes(JsonReport.Render(second.Interpret(panel) with { RuleSetName = "default" }));
        var c = System.Text.Encoding.UTF8.GetBytes(JsonReport.Render(first.Interpret(panel)));

        b.Should().Equal(a);
        c.Should().Equal(a);
    }

    [Test]
    public void Json_report_has_the_documented_fields_and_no_nan()
    {
        var interpretation = Interpreter.Default.Interpret(ReadSample("four-lows-eu.csv"));

        var text = JsonReport.Render(interpretation);
        using var json = JsonDocument.Parse(text);
        var root = json.RootElement;

        root.GetProperty("schemaVersion").GetInt32().Should().Be(JsonReport.SchemaVersion);
        root.GetProperty("oxidation").GetProperty("type").GetString().Should().Be("slow");
        root.GetProperty("oxidation").GetProperty("fourLows").GetBoolean().Should().BeTrue();
        root.GetProperty("ratios").EnumerateArray().Select(r => r.GetProperty("name").GetString()).Should().Contain("Ca/K");
        root.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()).Should().Contain("four-lows");
        root.GetProperty("findings")[0].GetProperty("evidence").GetArrayLength().Should().BePositive();
        root.GetProperty("diagnostics").ValueKind.Should().Be(JsonValueKind.Array);
        root.GetProperty("disclaimer").GetString().Should().Contain("Not a diagnosis");
        text.Should().NotContainAny("NaN", "Infinity");
    }

    [Test]
    public void Missing_potassium_leaves_the_type_indeterminate_with_a_diagnostic_and_no_nan()
    {
        var catalog = ElementCatalog.Default;
        Measurement M(string symbol, decimal value) => new(symbol, catalog[symbol], new Concentration(value, ConcentrationUnit.MilligramPercent));
        var panel = new Panel("T-1", [M("Ca", 40), M("Mg", 6), M("Na", 25)]) { Lab = "ARL" };

        var interpretation = Interpreter.Default.Interpret(panel);

        interpretation.Oxidation.Type.Should().Be(OxidationType.Indeterminate);
        interpretation.Ratios.Select(r => r.Name).Should().NotContain("Ca/K");
        interpretation.Diagnostics.Should().Contain(d => d.Message.Contains("K (Potassium)", StringComparison.Ordinal));
        JsonReport.Render(interpretation).Should().NotContainAny("NaN", "Infinity");
    }

    private static void CopyDirectory(string source, string target)
    {
        foreach (var file in Directory.GetFiles(source, "*", SearchOption.AllDirectories))
        {
            var destination = Path.Combine(target, Path.GetRelativePath(source, file));
            Directory.CreateDirectory(Path.GetDirectoryName(destination)!);
            File.Copy(file, destination);
        }
    }
}
