using System.Text;
using System.Text.RegularExpressions;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Tests.Yaml;

/// <summary>
/// The one YAML layer (<c>src/HtmaInterpreter/Yaml/</c>): every reader opens its text through <see cref="YamlGuard"/>,
/// the layer depends on nothing of the library but <c>Diagnostics</c>, and the branding reader (not among the kinds of
/// <c>DocumentHardeningTests</c>) gets the same guard as the others.
/// </summary>
public class YamlLayerTests
{
    private const string BrandingFile = "branding.yaml";

    private static string YamlFolder => Path.Combine(TestPaths.RepositoryRoot(), "src", "HtmaInterpreter", "Yaml");

    private static string LibraryFolder => Path.Combine(TestPaths.RepositoryRoot(), "src", "HtmaInterpreter");

    private static List<Diagnostic> Branding(string text) => [.. ReportBrandingReader.Parse(text, BrandingFile).Diagnostics];

    [Test]
    public void A_nul_character_in_a_branding_file_is_a_located_syntax_error()
    {
        var diagnostics = Branding("practice: A\nfooter: Practice text\0\ncss: x\n");

        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.BrandingUnreadable
            && d.Severity == DiagnosticSeverity.Error
            && d.Location == new SourceLocation(BrandingFile, 2, 22, null)
            && d.Message.Contains("branding file") && d.Message.Contains("NUL character"));
    }

    [TestCase("a: [b\nc: d\n")]
    [TestCase(": [\nm")]
    public void Malformed_yaml_in_a_branding_file_is_one_located_syntax_error(string text)
    {
        var diagnostics = Branding(text);

        var error = diagnostics.Should().ContainSingle().Which;
        error.Code.Should().Be(DiagnosticCodes.BrandingUnreadable);
        error.Location.Should().Be(new SourceLocation(BrandingFile, 2, 1));
        error.Message.Should().StartWith("The YAML is not well formed here, so the branding file cannot be used: ")
            .And.NotContain("Exception").And.NotContain("YamlDotNet");
    }

    [Test]
    public void Aliases_in_a_branding_file_are_refused_at_the_first_one()
    {
        var diagnostics = Branding("practice: &p A\nfooter: *p\n");

        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.YamlAnchorOrAlias
            && d.Location == new SourceLocation(BrandingFile, 2, 9, null) && d.Message.Contains("branding file"));
    }

    [Test]
    public void Nesting_past_the_limit_in_a_branding_file_is_refused_where_it_starts()
    {
        var text = "practice: " + new string('[', InputLimits.MaxDefinitionNesting + 1) + new string(']', InputLimits.MaxDefinitionNesting + 1) + "\n";

        var diagnostics = Branding(text);

        // The file's mapping is the first level, so the list one too deep is the limit's own '[', at column 10 + limit.
        diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d => d.Code == DiagnosticCodes.NestingTooDeep
            && d.Location == new SourceLocation(BrandingFile, 1, 10 + InputLimits.MaxDefinitionNesting, null)
            && d.Message.Contains("branding file"));
    }

    [Test]
    public void An_empty_text_opens_without_a_root_and_without_a_diagnostic()
    {
        var diagnostics = new List<Diagnostic>();

        var read = YamlGuard.TryLoadRoot("# only a comment\n", YamlDocumentKind.Rules, _ => new SourceLocation("x.yaml"), diagnostics, out var root);

        read.Should().BeTrue();
        root.Should().BeNull();
        diagnostics.Should().BeEmpty();
    }

    [Test]
    public void An_empty_definitions_file_is_still_reported_as_empty_at_its_start()
    {
        var result = DefinitionsLoader.Load([new DefinitionsFile("oxidation.yaml", "oxidation.yaml", "\n")]);

        result.Diagnostics.Should().Contain(d => d.Code == DiagnosticCodes.DefinitionsMissingKey
            && d.Message == "The file is empty." && d.Location == new SourceLocation("oxidation.yaml", 1, 1, null));
    }

    [Test]
    public void A_text_that_cannot_be_read_gives_no_root_and_one_error_of_its_kind()
    {
        var diagnostics = new List<Diagnostic>();

        var read = YamlGuard.TryLoadRoot("a: [b\nc: d\n", YamlDocumentKind.ClientContext, mark => new SourceLocation("c.yaml", (int)mark.Line, (int)mark.Column), diagnostics, out var root);

        read.Should().BeFalse();
        root.Should().BeNull();
        diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.ContextUnreadable);
    }

    [Test]
    public void A_context_or_branding_file_that_cannot_be_read_is_named_and_coded_by_its_kind()
    {
        var missing = Path.Combine(Path.GetTempPath(), "htma-no-such-folder-" + Guid.NewGuid().ToString("N"), "file.yaml");

        var context = ClientContextReader.ReadFile(missing).Diagnostics.Should().ContainSingle().Which;
        var branding = ReportBrandingReader.ReadFile(missing).Diagnostics.Should().ContainSingle().Which;

        (context.Code, context.Location).Should().Be((DiagnosticCodes.ContextUnreadable, new SourceLocation(missing)));
        context.Message.Should().StartWith("The client-context file could not be read: ");
        (branding.Code, branding.Location).Should().Be((DiagnosticCodes.BrandingUnreadable, new SourceLocation(missing)));
        branding.Message.Should().StartWith("The branding file could not be read: ");
    }

    [Test]
    public void A_lone_carriage_return_is_a_new_line_by_yamldotnets_count_and_not_by_the_texts()
    {
        // Why the layer keeps both ways of locating: each reader's positions stay as they were.
        const string text = "a: 1\rb: [c\n";
        var byMark = new List<Diagnostic>();
        var byIndex = new List<Diagnostic>();

        YamlGuard.TryLoadRoot(text, YamlDocumentKind.Definitions, mark => SourceText.AtMark("f.yaml", mark), byMark, out _).Should().BeFalse();
        new YamlReader(new SourceText(text, "f.yaml"), YamlDocumentKind.Definitions, byIndex).Parse(text, out var readable).Should().BeNull();
        readable.Should().BeFalse();

        var (markLine, indexLine) = (byMark.Single().Location.Line, byIndex.Single().Location.Line);
        (markLine, indexLine).Should().Be((3, 2));
    }

    [TestCase("a:", true)]
    [TestCase("a: ~", true)]
    [TestCase("a: null", true)]
    [TestCase("a: 'null'", false)]
    [TestCase("a: \"\"", false)]
    [TestCase("a: Null", true)]
    [TestCase("a: NULL", true)]
    [TestCase("a: nULL", false)]
    [TestCase("a: none", false)]
    [TestCase("a: []", false)]
    public void YAML_null_is_an_unquoted_empty_value_tilde_or_null_as_the_core_schema_spells_it(string text, bool isNull)
    {
        YamlGuard.TryLoadRoot(text, YamlDocumentKind.Rules, _ => new SourceLocation("x.yaml"), [], out var root).Should().BeTrue();

        var value = ((YamlMappingNode)root!).Children[new YamlScalarNode("a")];

        YamlNodes.IsNull(value).Should().Be(isNull);
    }

    [TestCase("~", null)]
    [TestCase("null", null)]
    [TestCase("Null", null)]
    [TestCase("NULL", null)]
    [TestCase("'Null'", "Null")]
    [TestCase("nULL", "nULL")]
    public void The_panel_reader_reads_YAML_null_as_the_other_readers_do(string written, string? subjectId)
    {
        var read = new HtmaInterpreter.Readers.PanelReader().ReadText($"sample_id: S1\nlab: ARL\nunit: mg%\nsubject_id: {written}\nmeasurements:\n  - {{ element: Ca, value: 40 }}\n", "p.yaml");

        read.Value.Should().ContainSingle().Which.SubjectId.Should().Be(subjectId);
    }

    [Test]
    public void The_yaml_layer_uses_no_part_of_the_library_but_diagnostics()
    {
        var usings = Directory.GetFiles(YamlFolder, "*.cs")
            .SelectMany(file => File.ReadLines(file).Select(line => (File: Path.GetFileName(file), Line: line.Trim())))
            .Where(x => x.Line.StartsWith("using HtmaInterpreter.", StringComparison.Ordinal))
            .ToList();

        usings.Should().NotBeEmpty();
        usings.Should().OnlyContain(x => x.Line == "using HtmaInterpreter.Diagnostics;", string.Join("\n", usings));
    }

    [Test]
    public void Only_the_yaml_layer_makes_a_yamldotnet_parser_or_stream()
    {
        var opening = new Regex(@"new\s+(YamlStream|Parser|Scanner|YamlDotNet\.Core\.Parser|YamlDotNet\.RepresentationModel\.YamlStream)\s*\(", RegexOptions.CultureInvariant);
        var outside = Directory.GetFiles(LibraryFolder, "*.cs", SearchOption.AllDirectories)
            .Where(file => !IsBuildOutput(file) && !file.StartsWith(YamlFolder + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            .Where(file => opening.IsMatch(File.ReadAllText(file, Encoding.UTF8)))
            .Select(file => Path.GetRelativePath(LibraryFolder, file))
            .ToList();

        outside.Should().BeEmpty("every YAML text is opened through YamlGuard, within the nesting and alias limits");
        Directory.GetFiles(YamlFolder, "*.cs").Should().Contain(file => opening.IsMatch(File.ReadAllText(file, Encoding.UTF8)));
    }

    private static bool IsBuildOutput(string file)
    {
        var relative = Path.GetRelativePath(LibraryFolder, file).Replace('\\', '/');
        return relative.StartsWith("bin/", StringComparison.Ordinal) || relative.StartsWith("obj/", StringComparison.Ordinal);
    }
}
