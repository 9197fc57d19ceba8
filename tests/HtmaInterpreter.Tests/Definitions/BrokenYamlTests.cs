using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Tests.Ratios;

namespace HtmaInterpreter.Tests.Definitions;

/// <summary>One broken file per error kind, written to a temporary copy of ratios/, with the expected line and column.</summary>
public class BrokenYamlTests
{
    private string _folder = "";

    [SetUp]
    public void CopyRatiosFolder()
    {
        _folder = Path.Combine(Path.GetTempPath(), "htma-defs-" + Guid.NewGuid().ToString("N"));
        var source = TestPanels.RepositoryRatiosFolder();
        Directory.CreateDirectory(Path.Combine(_folder, "labs"));
        File.Copy(Path.Combine(source, "ratios.yaml"), Path.Combine(_folder, "ratios.yaml"));
        File.Copy(Path.Combine(source, "oxidation.yaml"), Path.Combine(_folder, "oxidation.yaml"));
        foreach (var lab in Directory.GetFiles(Path.Combine(source, "labs"), "*.yaml"))
        {
            File.Copy(lab, Path.Combine(_folder, "labs", Path.GetFileName(lab)));
        }
    }

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    private const string MinimalLab = """
        id: extra
        name: "Extra Lab"
        reporting_unit: mg%
        treatment: unwashed
        ideal_tradition: wilson
        source: "test"
        """;

    private Diagnostic LoadWithExtraLab(string yaml)
    {
        File.WriteAllText(Path.Combine(_folder, "labs", "extra.yaml"), yaml.ReplaceLineEndings("\n"));
        var result = HtmaDefinitions.LoadFromDirectory(_folder);
        result.Diagnostics.Should().ContainSingle();
        var diagnostic = result.Diagnostics[0];
        diagnostic.Severity.Should().Be(DiagnosticSeverity.Error);
        diagnostic.Location.File.Should().EndWith(Path.Combine("labs", "extra.yaml"));
        return diagnostic;
    }

    [Test]
    public void Yaml_syntax_error()
    {
        var diagnostic = LoadWithExtraLab(MinimalLab + "\ncaveats: [\"unclosed\"\n");

        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsYamlSyntax);
        diagnostic.Location.Line.Should().Be(8);
        diagnostic.Location.Column.Should().Be(1);
    }

    [Test]
    public void Duplicate_key_in_one_mapping_is_a_syntax_error()
    {
        var diagnostic = LoadWithExtraLab(MinimalLab + "\nname: \"Again\"\n");

        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsYamlSyntax);
        diagnostic.Location.Line.Should().Be(7);
        diagnostic.Location.Column.Should().Be(1);
    }

    [Test]
    public void Unknown_key()
    {
        var diagnostic = LoadWithExtraLab(MinimalLab + "\nwebsite: example.org\n");

        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsUnknownKey);
        diagnostic.Location.Should().Be(diagnostic.Location with { Line = 7, Column = 1, Field = "website" });
        diagnostic.Message.Should().Contain("website");
    }

    [Test]
    public void Wrong_type()
    {
        var diagnostic = LoadWithExtraLab(MinimalLab + "\ntoxic_limits:\n  Pb: { limit: \"high\", source: \"test\" }\n");

        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsWrongType);
        diagnostic.Location.Line.Should().Be(8);
        diagnostic.Location.Column.Should().Be(16);
        diagnostic.Location.Field.Should().Be("limit");
    }

    [Test]
    public void Missing_required_key()
    {
        var diagnostic = LoadWithExtraLab(MinimalLab.Replace("treatment: unwashed\n", "", StringComparison.Ordinal));

        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsMissingKey);
        diagnostic.Location.Line.Should().Be(1);
        diagnostic.Location.Column.Should().Be(1);
        diagnostic.Location.Field.Should().Be("treatment");
    }

    [Test]
    public void Unknown_element()
    {
        var diagnostic = LoadWithExtraLab(MinimalLab + "\nreference_ranges:\n  Xx: { low: 1, high: 2, source: \"test\" }\n");

        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsUnknownElement);
        diagnostic.Location.Line.Should().Be(8);
        diagnostic.Location.Column.Should().Be(3);
        diagnostic.Message.Should().Contain("'Xx'");
    }

    [Test]
    public void Duplicate_lab_id()
    {
        var diagnostic = LoadWithExtraLab(MinimalLab.Replace("id: extra", "id: arl", StringComparison.Ordinal));

        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsDuplicateId);
        diagnostic.Location.Line.Should().Be(1);
        diagnostic.Location.Column.Should().Be(1);
    }

    [Test]
    public void Unknown_ratio_in_a_model()
    {
        var path = Path.Combine(_folder, "oxidation.yaml");
        var text = File.ReadAllText(path);
        var lines = text.Split('\n');
        var index = Array.FindIndex(lines, l => l.Contains("- ratio: Na/Mg", StringComparison.Ordinal));
        lines[index] = lines[index].Replace("Na/Mg", "Na/Xx", StringComparison.Ordinal);
        File.WriteAllText(path, string.Join('\n', lines));

        var result = HtmaDefinitions.LoadFromDirectory(_folder);

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsUnknownRatio);
        diagnostic.Location.Line.Should().Be(index + 1);
        diagnostic.Location.Column.Should().Be(lines[index].IndexOf("Na/Xx", StringComparison.Ordinal) + 1);
    }

    [Test]
    public void Duplicate_ratio_name()
    {
        var path = Path.Combine(_folder, "ratios.yaml");
        var text = File.ReadAllText(path).ReplaceLineEndings("\n") + "  - { name: Ca/Mg, numerator: Ca, denominator: Mg, display_name: x, indicates: x, source: x }\n";
        File.WriteAllText(path, text);
        var lastLine = text.Split('\n').Length - 1;

        var result = HtmaDefinitions.LoadFromDirectory(_folder);

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsDuplicateId);
        diagnostic.Location.Line.Should().Be(lastLine);
        diagnostic.Location.Column.Should().Be(13);
    }

    [Test]
    public void Overlapping_slow_and_fast_conditions_are_rejected()
    {
        var path = Path.Combine(_folder, "oxidation.yaml");
        var text = File.ReadAllText(path);
        var first = text.IndexOf("slow_when: \">= 4\"", StringComparison.Ordinal);
        text = text[..first] + "slow_when: \"> 4\"" + text[(first + "slow_when: \">= 4\"".Length)..];
        File.WriteAllText(path, text);

        var result = HtmaDefinitions.LoadFromDirectory(_folder);

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsInvalidValue);
        diagnostic.Message.Should().Contain("neither slow_when nor fast_when");
        diagnostic.Location.Line.Should().Be(LineOf(text, "- ratio: Ca/K"));
        result.Value.Should().BeNull("the default model is broken, so no usable definitions were built");
    }

    [Test]
    public void Invalid_condition_text()
    {
        var path = Path.Combine(_folder, "ratios.yaml");
        var text = File.ReadAllText(path);
        text = text.Replace("when: \"> 6\"", "when: \"above 6\"", StringComparison.Ordinal);
        File.WriteAllText(path, text);

        var result = HtmaDefinitions.LoadFromDirectory(_folder);

        var diagnostic = result.Diagnostics.Should().ContainSingle().Subject;
        diagnostic.Code.Should().Be(DiagnosticCodes.DefinitionsInvalidValue);
        diagnostic.Location.Line.Should().Be(LineOf(text, "above 6"));
        diagnostic.Location.Field.Should().Be("when");
    }

    private static int LineOf(string text, string fragment) =>
        Array.FindIndex(text.ReplaceLineEndings("\n").Split('\n'), l => l.Contains(fragment, StringComparison.Ordinal)) + 1;

    [Test]
    public void Rules_folder_is_ignored()
    {
        Directory.CreateDirectory(Path.Combine(_folder, "rules"));
        File.WriteAllText(Path.Combine(_folder, "rules", "broken.yaml"), "this: [is not read");

        HtmaDefinitions.LoadFromDirectory(_folder).Diagnostics.Should().BeEmpty();
    }
}
