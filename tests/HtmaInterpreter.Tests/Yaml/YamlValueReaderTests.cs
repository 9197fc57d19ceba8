using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Tests.Yaml;

/// <summary>
/// The one set of value readers (<see cref="YamlReader"/>, <see cref="YamlMap"/>) the definitions, rule,
/// client-context and branding readers share: the same problem gives the same message and location in every kind of
/// file, with that kind's own code (and, for context and branding, an unknown key is a warning).
/// </summary>
public class YamlValueReaderTests
{
    private static readonly YamlDocumentKind[] Kinds = [YamlDocumentKind.Definitions, YamlDocumentKind.Rules, YamlDocumentKind.ClientContext, YamlDocumentKind.Branding];

    public static IEnumerable<TestCaseData> EveryKind() => Kinds.Select(k => new TestCaseData(k.Name).SetArgDisplayNames(k.Name));

    private static YamlDocumentKind Kind(string name) => Kinds.Single(k => k.Name == name);

    private static (YamlMap? Map, List<Diagnostic> Diagnostics) Read(YamlDocumentKind kind, string text, params string[] keys)
    {
        var diagnostics = new List<Diagnostic>();
        var reader = new YamlReader(new SourceText(text, "f.yaml"), kind, diagnostics);
        var root = reader.Parse(text, out var readable);
        readable.Should().BeTrue();
        return (reader.Map(root!, "thing", keys), diagnostics);
    }

    [TestCaseSource(nameof(EveryKind))]
    public void A_list_where_text_belongs_is_the_kinds_wrong_type_at_the_value(string kindName)
    {
        var kind = Kind(kindName);
        var (map, diagnostics) = Read(kind, "a: 1\nb: [x, y]\n", "a", "b");

        map!.Text("b").Should().BeNull();
        map.Text("a").Should().Be("1");
        var error = diagnostics.Should().ContainSingle().Subject;
        error.Should().Be(Diagnostic.Error(kind.WrongTypeCode, $"Expected text for 'b', found a list.{kind.ValueInErrorNote}", new SourceLocation("f.yaml", 2, 4, "b")));
    }

    [TestCaseSource(nameof(EveryKind))]
    public void A_missing_required_key_or_a_null_one_is_the_kinds_missing_key_at_the_mapping(string kindName)
    {
        var kind = Kind(kindName);
        var (map, diagnostics) = Read(kind, "x: 1\na: ~\n", "a", "x");

        map!.Text("a").Should().BeNull();
        map.Text("b").Should().BeNull();
        map.Text("c", required: false).Should().BeNull();
        diagnostics.Should().Equal(
            Diagnostic.Error(kind.MissingKeyCode, "The thing needs the key 'a'.", new SourceLocation("f.yaml", 1, 1, "a")),
            Diagnostic.Error(kind.MissingKeyCode, "The thing needs the key 'b'.", new SourceLocation("f.yaml", 1, 1, "b")));
    }

    [TestCaseSource(nameof(EveryKind))]
    public void An_unknown_key_is_an_error_or_a_warning_saying_it_is_ignored(string kindName)
    {
        var kind = Kind(kindName);
        var (_, diagnostics) = Read(kind, "a: 1\nzz: 2\n", "a", "b");

        var problem = diagnostics.Should().ContainSingle().Subject;
        (problem.Code, problem.Location).Should().Be((kind.UnknownKeyCode, new SourceLocation("f.yaml", 2, 1, "zz")));
        if (kind.UnknownKeyIsWarning)
        {
            problem.Should().Be(Diagnostic.Warning(kind.UnknownKeyCode, "'zz' is not a thing key (they are a, b); it is ignored.", problem.Location));
        }
        else
        {
            problem.Should().Be(Diagnostic.Error(kind.UnknownKeyCode, "Unknown key 'zz' in the thing; allowed keys: a, b.", problem.Location));
        }
    }

    [TestCaseSource(nameof(EveryKind))]
    public void A_choice_outside_the_set_is_the_kinds_invalid_value_listing_the_set(string kindName)
    {
        var kind = Kind(kindName);
        var (map, diagnostics) = Read(kind, "level: high\nother: low\n", "level", "other");

        map!.Choice("level", true, ("low", 1), ("mid", 2)).Should().BeNull();
        map.Choice("other", true, ("low", 1), ("mid", 2)).Should().Be(1);
        map.Choice("absent", false, ("low", 1)).Should().BeNull();
        diagnostics.Should().Equal(Diagnostic.Error(
            kind.InvalidValueCode, $"'high' is not allowed for 'level'; use one of: low, mid.{kind.ValueInErrorNote}", new SourceLocation("f.yaml", 1, 8, "level")));
    }

    [TestCaseSource(nameof(EveryKind))]
    public void A_not_a_mapping_and_a_key_that_is_not_text_are_the_kinds_wrong_type(string kindName)
    {
        var kind = Kind(kindName);
        var diagnostics = new List<Diagnostic>();
        var reader = new YamlReader(new SourceText("- a\n", "f.yaml"), kind, diagnostics);
        reader.Map(reader.Parse("- a\n", out _)!, "thing", "a").Should().BeNull();
        var (_, keyDiagnostics) = Read(kind, "[k]: 1\n", "a");

        diagnostics.Should().Equal(Diagnostic.Error(kind.WrongTypeCode, "Expected a mapping (key: value pairs) for the thing, found a list.", new SourceLocation("f.yaml", 1, 1)));
        keyDiagnostics.Should().Equal(Diagnostic.Error(kind.WrongTypeCode, "Keys in the thing must be plain text.", new SourceLocation("f.yaml", 1, 1)));
    }

    [Test]
    public void Lists_of_texts_take_null_as_empty_one_text_where_allowed_and_leave_out_entries_that_are_not_text()
    {
        var (map, diagnostics) = Read(YamlDocumentKind.Rules, "none:\none: alone\nmany: [a, {b: c}, d]\nmap: {a: b}\n", "none", "one", "many", "map");

        map!.Scalars("none").Should().BeEmpty();
        map.Scalars("one").Select(s => s.Value).Should().Equal("alone");
        map.Scalars("many").Select(s => s.Value).Should().Equal("a", "d");
        map.TextList("one").Should().BeEmpty();
        map.Scalars("map").Should().BeEmpty();
        diagnostics.Should().Equal(
            Diagnostic.Error(DiagnosticCodes.RuleSchema, "Expected text for each entry of 'many', found a mapping.", new SourceLocation("f.yaml", 3, 11, "many")),
            Diagnostic.Error(DiagnosticCodes.RuleSchema, "Expected a list for 'one', found 'alone'.", new SourceLocation("f.yaml", 2, 6, "one")),
            Diagnostic.Error(DiagnosticCodes.RuleSchema, "Expected text or a list of texts for 'map', found a mapping.", new SourceLocation("f.yaml", 4, 6, "map")));
    }

    [Test]
    public void The_rule_client_context_and_branding_readers_give_the_shared_messages_with_their_own_codes()
    {
        var rules = RuleSet.LoadFromTexts([KeyValuePair.Create("r.yaml", "rules:\n  - id: r1\n    title: [a]\n    category: c\n    severity: info\n    when: Ca is low\n    explanation: e\n    source: s\n")]);
        var context = ClientContextReader.Parse("sex: female\nsymptoms: [leg_cramps, {a: b}]\n", "c.yaml");
        var branding = ReportBrandingReader.Parse("footer: [a]\naddress: [Main St 1, [x]]\n", "b.yaml");

        rules.Diagnostics.Should().ContainSingle().Which.Should().Be(
            Diagnostic.Error(DiagnosticCodes.RuleSchema, "Expected a non-empty text for 'title', found a list.", new SourceLocation("r.yaml", 3, 12, "title")));
        context.Diagnostics.Should().ContainSingle().Which.Should().Be(
            Diagnostic.Error(DiagnosticCodes.InvalidContextValue, "Expected text for each entry of 'symptoms', found a mapping.", new SourceLocation("c.yaml", 2, 24, "symptoms")));
        context.Value!.Symptoms.Should().Equal("leg_cramps");
        branding.Diagnostics.Should().Equal(
            Diagnostic.Error(DiagnosticCodes.InvalidBrandingValue, "Expected text for 'footer', found a list. It is left out.", new SourceLocation("b.yaml", 1, 9, "footer")),
            Diagnostic.Error(DiagnosticCodes.InvalidBrandingValue, "Expected text for each entry of 'address', found a list. It is left out.", new SourceLocation("b.yaml", 2, 22, "address")));
        branding.Value!.Footer.Should().BeNull();
        branding.Value.Address.Should().BeEmpty("an address with an entry in error is left out whole");
    }
}
