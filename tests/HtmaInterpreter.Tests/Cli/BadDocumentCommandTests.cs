using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>
/// Every command that reads a YAML or JSON document (a panel, a client context, a rule folder, a definitions folder)
/// ends a bad one with exit code 1 and the diagnostic's code, never an internal error (exit 3) or a stack trace.
/// </summary>
public class BadDocumentCommandTests : CommandTestBase
{
    private static readonly string TooDeepFlow = new('[', 100_000);

    private static readonly string TooDeepMap = string.Concat(Enumerable.Repeat("{a: ", 100_000));

    private static readonly string TooDeepBlock = string.Concat(Enumerable.Repeat("- ", 100_000)) + "x";

    /// <summary>Bad YAML texts, each with the code a panel file gets for it (other files get their own syntax code).</summary>
    private static IEnumerable<TestCaseData> BadYaml()
    {
        yield return new TestCaseData("a: [b\nc: d\n", DiagnosticCodes.SyntaxError).SetArgDisplayNames("unclosed list");
        yield return new TestCaseData(": [\nm", DiagnosticCodes.SyntaxError).SetArgDisplayNames("five bytes");
        yield return new TestCaseData(TooDeepFlow, DiagnosticCodes.NestingTooDeep).SetArgDisplayNames("deep flow lists");
        yield return new TestCaseData(TooDeepMap, DiagnosticCodes.NestingTooDeep).SetArgDisplayNames("deep flow maps");
        yield return new TestCaseData(TooDeepBlock, DiagnosticCodes.NestingTooDeep).SetArgDisplayNames("deep block lists");
    }

    /// <summary>The code a non-panel file gets: the syntax code given, or nesting as it is.</summary>
    private static string CodeFor(string panelCode, string syntaxCode) =>
        panelCode == DiagnosticCodes.SyntaxError ? syntaxCode : panelCode;

    private void ShouldFailWithCode(int exitCode, string code)
    {
        var output = Stdout + "\n" + Stderr;
        exitCode.Should().Be(ExitCodes.InputError, output);
        output.Should().Contain($"error {code}:");
        output.Should().NotContain("   at ").And.NotContain("Exception").And.NotContain("internal error");
    }

    [TestCaseSource(nameof(BadYaml))]
    public void Show_a_bad_yaml_panel(string text, string code) =>
        ShouldFailWithCode(Run("show", Write("panel.yaml", text)), code);

    [TestCaseSource(nameof(BadYaml))]
    public void Compare_with_a_bad_yaml_panel(string text, string code) =>
        ShouldFailWithCode(Run("compare", Write("panel.yaml", text), TestPaths.Sample("fast-oxidizer.yaml")), code);

    [TestCaseSource(nameof(BadYaml))]
    public void Interpret_with_a_bad_context_file(string text, string code) =>
        ShouldFailWithCode(
            Run("interpret", TestPaths.Sample("fast-oxidizer.yaml"), "--context", Write("client.yaml", text)),
            CodeFor(code, DiagnosticCodes.ContextUnreadable));

    [TestCaseSource(nameof(BadYaml))]
    public void Rules_check_a_folder_with_a_bad_rule_file(string text, string code)
    {
        Directory.CreateDirectory(Path.Combine(Folder, "rules"));
        Write(Path.Combine("rules", "bad.yaml"), text);

        ShouldFailWithCode(Run("rules", "check", Path.Combine(Folder, "rules")), CodeFor(code, DiagnosticCodes.RuleFileUnreadable));
    }

    [TestCaseSource(nameof(BadYaml))]
    public void Interpret_with_a_definitions_folder_holding_a_bad_lab_file(string text, string code)
    {
        var definitions = CopyDefinitions();
        File.WriteAllText(Path.Combine(definitions, "labs", "bad.yaml"), text);

        ShouldFailWithCode(
            Run("interpret", TestPaths.Sample("fast-oxidizer.yaml"), "--definitions", definitions),
            CodeFor(code, DiagnosticCodes.DefinitionsYamlSyntax));
    }

    [Test]
    public void Show_and_compare_a_json_panel_with_a_lone_surrogate()
    {
        var panel = Write("s.json", "{\"sample_id\":\"\\ud800\",\"unit\":\"mg%\",\"measurements\":[{\"element\":\"Ca\",\"value\":73}]}");

        ShouldFailWithCode(Run("show", panel), DiagnosticCodes.SyntaxError);
        Stdout.ToString().Should().Contain("s.json:1:14: error HTMA0108:");
        ShouldFailWithCode(Run("compare", panel, TestPaths.Sample("fast-oxidizer.yaml")), DiagnosticCodes.SyntaxError);
    }

    [Test]
    public void Interpret_with_a_json_context_holding_a_lone_surrogate()
    {
        var context = Write("client.json", "{\"sex\":\"\\ud800\"}");

        ShouldFailWithCode(Run("interpret", TestPaths.Sample("fast-oxidizer.yaml"), "--context", context), DiagnosticCodes.ContextUnreadable);
        (Stdout + "\n" + Stderr).Should().Contain("client.json:1:8: error HTMA0601:");
    }

    [Test]
    public void Show_an_endless_file_stops_at_the_size_limit()
    {
        Assume.That(File.Exists("/dev/zero"), "needs /dev/zero");

        ShouldFailWithCode(Run("show", "/dev/zero"), DiagnosticCodes.InputTooLarge);
    }

    private string CopyDefinitions()
    {
        var target = Path.Combine(Folder, "definitions");
        Directory.CreateDirectory(Path.Combine(target, "labs"));
        Directory.CreateDirectory(Path.Combine(target, "rules"));
        foreach (var file in Directory.GetFiles(TestPaths.Ratios, "*.yaml", SearchOption.AllDirectories))
        {
            File.Copy(file, Path.Combine(target, Path.GetRelativePath(TestPaths.Ratios, file)));
        }

        return target;
    }
}
