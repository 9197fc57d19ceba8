using System.Text;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>
/// Bad YAML and JSON documents of every kind (panel, client context, rule file, definitions file) end in one located
/// diagnostic, never an exception or a crash: syntax errors, nesting past the limits, lone surrogates, files past the
/// size limit.
/// </summary>
public class DocumentHardeningTests
{
    public enum Kind
    {
        Panel,
        Context,
        Rules,
        Definitions,
    }

    private static readonly Kind[] Kinds = [Kind.Panel, Kind.Context, Kind.Rules, Kind.Definitions];

    private static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    private string _folder = "";

    [SetUp]
    public void CreateFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "htma-documents-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    /// <summary>The file name each kind's diagnostics carry.</summary>
    private static string FileOf(Kind kind) => kind switch
    {
        Kind.Panel => "panel.yaml",
        Kind.Context => "client.yaml",
        Kind.Rules => "bad.yaml",
        _ => "labs/bad.yaml",
    };

    /// <summary>The code of a syntax error in each kind of file.</summary>
    private static string SyntaxCode(Kind kind) => kind switch
    {
        Kind.Panel => DiagnosticCodes.SyntaxError,
        Kind.Context => DiagnosticCodes.ContextUnreadable,
        Kind.Rules => DiagnosticCodes.RuleFileUnreadable,
        _ => DiagnosticCodes.DefinitionsYamlSyntax,
    };

    /// <summary>Loads a text as the kind of file and gives the diagnostics about that file.</summary>
    private static List<Diagnostic> Load(Kind kind, string text)
    {
        IReadOnlyList<Diagnostic> diagnostics = kind switch
        {
            Kind.Panel => Reader.ReadText(text, FileOf(kind)).Diagnostics,
            Kind.Context => ClientContextReader.Parse(text, FileOf(kind)).Diagnostics,
            Kind.Rules => RuleSet.LoadFromTexts([KeyValuePair.Create(FileOf(kind), text)]).Diagnostics,
            _ => DefinitionsLoader.Load([new DefinitionsFile(FileOf(kind), FileOf(kind), text)]).Diagnostics,
        };
        return [.. diagnostics.Where(d => d.Location.File == FileOf(kind))];
    }

    [TestCaseSource(nameof(Kinds))]
    public void A_nul_character_is_a_located_syntax_error_not_a_silent_end_of_the_file(Kind kind)
    {
        // YamlDotNet reads a NUL as the end of the text: without the guard, everything after it vanished unreported.
        var diagnostics = Load(kind, "a: b\nsample_id: S-1\0\nmore: text\n");

        diagnostics.Should().ContainSingle(d => d.Code == SyntaxCode(kind))
            .Which.Should().Match<Diagnostic>(d => d.Severity == DiagnosticSeverity.Error
                && d.Location.Line == 2 && d.Location.Column == 15 && d.Message.Contains("NUL character"));
    }

    [TestCase(Kind.Context)]
    [TestCase(Kind.Rules)]
    [TestCase(Kind.Definitions)]
    public void Nested_aliases_in_a_context_rule_or_definitions_file_are_refused_at_the_first_alias(Kind kind)
    {
        // "Billion laughs": each level lists the previous one ten times, so walking the shared nodes would visit 10^9.
        var text = new StringBuilder("l0: &l0 [x, x, x, x, x, x, x, x, x, x]\n");
        for (var level = 1; level <= 9; level++)
        {
            var previous = string.Join(", ", Enumerable.Repeat($"*l{level - 1}", 10));
            text.Append($"l{level}: &l{level} [{previous}]\n");
        }

        var diagnostics = Load(kind, text.ToString());

        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.YamlAnchorOrAlias)
            .Which.Should().Match<Diagnostic>(d => d.Severity == DiagnosticSeverity.Error
                && d.Location.Line == 2 && d.Location.Column == 10 && d.Message.Contains("not allowed"));
    }

    private static IEnumerable<TestCaseData> MalformedYaml() =>
        from kind in Kinds
        from text in new[] { "a: [b\nc: d\n", ": [\nm", "rules: [a\nb: c" }
        select new TestCaseData(kind, text);

    [TestCaseSource(nameof(MalformedYaml))]
    public void Malformed_yaml_is_one_located_syntax_error_of_the_files_kind(Kind kind, string text)
    {
        var diagnostics = Load(kind, text);

        var error = diagnostics.Should().ContainSingle(d => d.Code == SyntaxCode(kind), string.Join("\n", diagnostics)).Which;
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.Should().Be(new SourceLocation(FileOf(kind), 2, 1));
        error.Message.Should().Contain("not well formed").And.NotContain("Exception").And.NotContain("YamlDotNet");
    }

    [Test]
    public void A_panel_with_a_key_yamldotnet_ends_without_a_value_is_read_without_a_crash()
    {
        var result = Read(":\n e\n:", "n.yaml");

        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnexpectedStructure).Select(d => (d.Location.Line, d.Location.Column))
            .Should().Equal((1, 1), (3, 2));
        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.SyntaxError);
    }

    /// <summary>Nested lists, flow maps and block lists, <paramref name="levels"/> deep (the root is level 1).</summary>
    private static string Nested(string shape, int levels) => shape switch
    {
        "[" => new string('[', levels) + new string(']', levels),
        "{" => string.Concat(Enumerable.Repeat("{a: ", levels)) + "x" + new string('}', levels),
        _ => string.Concat(Enumerable.Repeat("- ", levels)) + "x",
    };

    /// <summary>The column where the list or map of the given level starts in <see cref="Nested"/>.</summary>
    private static int ColumnOf(string shape, int level) => shape switch
    {
        "[" => level,
        "{" => (4 * (level - 1)) + 1,
        _ => (2 * (level - 1)) + 1,
    };

    private static IEnumerable<TestCaseData> Shapes() =>
        from kind in Kinds
        from shape in new[] { "[", "{", "- " }
        select new TestCaseData(kind, shape);

    [TestCaseSource(nameof(Shapes))]
    public void Nesting_at_the_limit_is_read_and_one_level_more_makes_the_file_unused(Kind kind, string shape)
    {
        var atLimit = Load(kind, Nested(shape, InputLimits.MaxDefinitionNesting));
        var past = Load(kind, Nested(shape, InputLimits.MaxDefinitionNesting + 1));

        atLimit.Should().NotContain(d => d.Code == SyntaxCode(kind) || (d.Code == DiagnosticCodes.NestingTooDeep && d.Message.Contains("not used")));
        atLimit.Where(d => d.Code == DiagnosticCodes.NestingTooDeep).Should().HaveCount(
            kind == Kind.Panel ? 1 : 0,
            "only a panel has a shallower limit, past which a part is skipped");
        var error = past.Should().ContainSingle(d => d.Code == DiagnosticCodes.NestingTooDeep && d.Message.Contains("not used")).Which;
        error.Location.Should().Be(new SourceLocation(FileOf(kind), 1, ColumnOf(shape, InputLimits.MaxDefinitionNesting + 1)));
        error.Message.Should().Contain($"more than {InputLimits.MaxDefinitionNesting} levels");
        past.Should().NotContain(d => d.Code == SyntaxCode(kind));
    }

    [TestCaseSource(nameof(Shapes))]
    public void A_hundred_thousand_levels_are_one_nesting_error_not_a_stack_overflow(Kind kind, string shape)
    {
        var diagnostics = Load(kind, Nested(shape, 100_000));

        diagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.NestingTooDeep && d.Message.Contains("not used"))
            .Which.Location.Column.Should().Be(ColumnOf(shape, InputLimits.MaxDefinitionNesting + 1));
    }

    [Test]
    public void A_json_panel_skips_a_part_past_the_panel_limit_and_is_not_used_past_the_document_limit()
    {
        static string Panel(int levels) =>
            "{\"sample_id\":\"S\",\"unit\":\"mg%\",\"measurements\":[{\"element\":\"Ca\",\"value\":73}],\"x\":"
            + new string('[', levels - 1) + new string(']', levels - 1) + "}";

        var atPanelLimit = Read(Panel(InputLimits.MaxPanelNesting), "p.json");
        var pastPanelLimit = Read(Panel(InputLimits.MaxPanelNesting + 1), "p.json");
        var atLimit = Read(Panel(InputLimits.MaxDefinitionNesting), "p.json");
        var past = Read(Panel(InputLimits.MaxDefinitionNesting + 1), "p.json");
        var endless = Read(Panel(100_000), "p.json");

        atPanelLimit.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.NestingTooDeep);
        Single(pastPanelLimit).Find("Ca")!.Amount.Value.Should().Be(73m);
        SingleWithCode(pastPanelLimit, DiagnosticCodes.NestingTooDeep).Message.Should().Contain("skipped");
        Single(atLimit).Find("Ca")!.Amount.Value.Should().Be(73m);
        SingleWithCode(atLimit, DiagnosticCodes.NestingTooDeep).Message.Should().Contain("skipped");
        foreach (var result in new[] { past, endless })
        {
            result.Value.Should().BeEmpty();
            var error = result.Diagnostics.Should().ContainSingle(d => d.Message.Contains("not used")).Which;
            error.Code.Should().Be(DiagnosticCodes.NestingTooDeep);
            error.Location.Should().Be(new SourceLocation("p.json", 1, 79 + InputLimits.MaxDefinitionNesting));
            error.Message.Should().Contain($"more than {InputLimits.MaxDefinitionNesting} levels");
        }
    }

    [Test]
    public void A_lone_surrogate_in_a_json_panel_is_reported_and_read_as_the_replacement_character()
    {
        var result = Read("{\"sample_id\":\"a\\ud800b\\n\\ud83d\\ude00\",\"\\udc00x\":\"1\",\"unit\":\"mg%\",\"measurements\":[{\"element\":\"Ca\",\"value\":73}]}", "s.json");

        var errors = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.SyntaxError).ToList();
        errors.Select(d => d.Location).Should().Equal(new SourceLocation("s.json", 1, 14), new SourceLocation("s.json", 1, 39));
        errors[0].Message.Should().Contain("half a character pair").And.Contain("U+FFFD");
        var panel = Single(result);
        panel.SampleId.Should().Be("a\uFFFDb\n\U0001F600");
        panel.ExtraFields.Should().ContainKey("\uFFFDx");
        panel.Find("Ca")!.Amount.Value.Should().Be(73m);
    }

    [Test]
    public void A_lone_surrogate_in_a_json_context_is_a_located_error()
    {
        var result = ClientContextReader.Parse("{\"sex\":\"\\ud800\"}", "client.json");

        result.Value.Should().BeNull();
        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.ContextUnreadable && d.Location == new SourceLocation("client.json", 1, 8, null));
    }

    // ---- Size: every file read whole, at the limit and one byte past it ----

    /// <summary><paramref name="text"/> padded with a YAML comment to <paramref name="bytes"/> bytes of UTF-8.</summary>
    private static string PaddedYaml(string text, int bytes)
    {
        var padding = bytes - Utf8.GetByteCount(text) - 2;
        return text + "#" + new string('x', padding) + "\n";
    }

    [TestCase("panel.yaml")]
    [TestCase("panel")]
    public void A_yaml_panel_of_the_largest_size_is_read_and_one_byte_more_is_too_large(string fileName)
    {
        const string yaml = "sample_id: S\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 73 }\n";

        var atLimit = Read(PaddedYaml(yaml, InputLimits.MaxDocumentBytes), fileName);
        var past = Read(PaddedYaml(yaml, InputLimits.MaxDocumentBytes + 1), fileName);

        atLimit.Diagnostics.Should().BeEmpty();
        Single(atLimit).Find("Ca")!.Amount.Value.Should().Be(73m);
        past.Value.Should().BeEmpty();
        var error = past.Diagnostics.Should().ContainSingle().Which;
        error.Code.Should().Be(DiagnosticCodes.InputTooLarge);
        error.Location.Should().Be(new SourceLocation(fileName));
        error.Message.Should().Contain($"{InputLimits.MaxDocumentBytes / (1024 * 1024)} MiB");
    }

    [Test]
    public void A_json_panel_file_of_the_largest_size_is_read_and_one_byte_more_is_too_large()
    {
        const string json = "{\"sample_id\":\"S\",\"unit\":\"mg%\",\"measurements\":[{\"element\":\"Ca\",\"value\":73}]}";
        string Padded(int bytes) => json + new string(' ', bytes - json.Length);
        var atLimit = Path.Combine(_folder, "at.json");
        var past = Path.Combine(_folder, "past.json");
        File.WriteAllText(atLimit, Padded(InputLimits.MaxDocumentBytes), Utf8);
        File.WriteAllText(past, Padded(InputLimits.MaxDocumentBytes + 1), Utf8);

        var atLimitResult = Reader.ReadFile(atLimit);
        var pastResult = Reader.ReadFile(past);

        atLimitResult.Diagnostics.Should().BeEmpty();
        Single(atLimitResult).SampleId.Should().Be("S");
        pastResult.Value.Should().BeEmpty();
        pastResult.Diagnostics.Should().ContainSingle().Which.Should().Be(pastResult.Diagnostics[0] with
        {
            Code = DiagnosticCodes.InputTooLarge,
            Location = new SourceLocation(past),
        });
    }

    [Test]
    public void A_csv_told_by_its_content_is_read_on_past_the_size_limit()
    {
        var csv = "# sample_id: S\nelement,value,unit\nCa,73,mg%\n" + new string('\n', InputLimits.MaxDocumentBytes) + "Mg,6,mg%\n";

        var result = Read(csv, "panel");

        result.Diagnostics.Should().BeEmpty();
        Single(result).Find("Mg")!.Amount.Value.Should().Be(6m);
    }

    [Test]
    public void An_endless_file_is_read_no_further_than_the_size_limit()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero");

        var result = Reader.ReadFile("/dev/zero");

        result.Value.Should().BeEmpty();
        result.Diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.InputTooLarge);
    }

    [Test]
    public void A_context_file_of_the_largest_size_is_read_and_one_byte_more_is_too_large()
    {
        var atLimit = Path.Combine(_folder, "at.yaml");
        var past = Path.Combine(_folder, "past.yaml");
        File.WriteAllText(atLimit, PaddedYaml("sex: female\n", InputLimits.MaxDocumentBytes), Utf8);
        File.WriteAllText(past, PaddedYaml("sex: female\n", InputLimits.MaxDocumentBytes + 1), Utf8);

        var atLimitResult = ClientContextReader.ReadFile(atLimit);
        var pastResult = ClientContextReader.ReadFile(past);

        atLimitResult.Diagnostics.Should().BeEmpty();
        atLimitResult.Value!.Sex.Should().Be(HtmaInterpreter.Panels.Sex.Female);
        pastResult.Value.Should().BeNull();
        pastResult.Diagnostics.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation(past));
        pastResult.Diagnostics[0].Code.Should().Be(DiagnosticCodes.InputTooLarge);
    }

    [Test]
    public void A_rule_file_of_the_largest_size_is_read_and_one_byte_more_is_too_large()
    {
        const string rules = "rules:\n  - id: r1\n    title: T\n    category: test\n    severity: info\n    source: intro\n    explanation: E.\n    when: Ca/K > 10\n    threshold_sources: [\"test\"]\n";
        File.WriteAllText(Path.Combine(_folder, "a.yaml"), PaddedYaml(rules, InputLimits.MaxDocumentBytes), Utf8);
        File.WriteAllText(Path.Combine(_folder, "b.yaml"), PaddedYaml(rules.Replace("r1", "r2", StringComparison.Ordinal), InputLimits.MaxDocumentBytes + 1), Utf8);

        var result = RuleSet.LoadFromDirectory(_folder);

        result.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.InputTooLarge && d.Location == new SourceLocation(Path.Combine(_folder, "b.yaml"), null, null, null));
        result.Value!.Rules.Select(r => r.Id).Should().Equal("r1");
    }

    [Test]
    public void A_definitions_file_of_the_largest_size_is_read_and_one_byte_more_is_too_large()
    {
        CopyDefinitions();
        var oxidation = Path.Combine(_folder, "oxidation.yaml");
        var text = File.ReadAllText(oxidation);
        File.WriteAllText(oxidation, PaddedYaml(text, InputLimits.MaxDocumentBytes), Utf8);
        var atLimit = HtmaDefinitions.LoadFromDirectory(_folder);
        File.WriteAllText(oxidation, PaddedYaml(text, InputLimits.MaxDocumentBytes + 1), Utf8);

        var past = HtmaDefinitions.LoadFromDirectory(_folder);

        atLimit.Diagnostics.Should().BeEmpty();
        atLimit.Value!.OxidationModels.Should().NotBeEmpty();
        past.Value.Should().BeNull();
        past.Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.InputTooLarge && d.Location == new SourceLocation(oxidation, null, null, null));
    }

    private void CopyDefinitions()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "labs"));
        foreach (var file in new[] { "ratios.yaml", "oxidation.yaml" }.Concat(
                     Directory.GetFiles(Path.Combine(TestPaths.Ratios, "labs"), "*.yaml").Select(f => Path.Combine("labs", Path.GetFileName(f)))))
        {
            File.Copy(Path.Combine(TestPaths.Ratios, file), Path.Combine(_folder, file));
        }
    }
}
