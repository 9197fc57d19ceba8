using HtmaInterpreter.Testing;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Fhir.Tests;

/// <summary>The FHIR round trip of README.md's "In a clinic system" section is this file's <see cref="Example"/>, run here (the core tests compile the README's copy).</summary>
[NonParallelizable]
public class ReadmeFhirExampleTests
{
    private static void Example()
    {
        // README FHIR example start
        var panel = new PanelReader().ReadFile("samples/slow-oxidizer.csv").Value![0];
        var interpretation = Interpreter.Default.Interpret(panel);
        string json = FhirExporter.ToJson(interpretation);        // a collection Bundle (a list of interpretations: one bundle); subject and performer: FhirExportOptions
        var read = FhirImporter.ReadText(json, "bundle.json");    // FHIR R4 JSON back into panels
        foreach (var diagnostic in read.Diagnostics) Console.Error.WriteLine(diagnostic);
        var again = Interpreter.Default.Interpret(read.Value![0]);
        Console.WriteLine($"{again.Oxidation.Type}, fired again: {string.Join(", ", again.Findings.Select(f => f.RuleId))}");
        // README FHIR example end
    }

    [Test]
    public void Readme_FHIR_example_fires_the_same_rules_after_the_round_trip()
    {
        var original = Interpreter.Default.Interpret(Samples.Panel("slow-oxidizer.csv"));

        var printed = ReadmeExamples.RunIn(Samples.RepositoryRoot(), Example);

        printed.Should().Be($"{original.Oxidation.Type}, fired again: {string.Join(", ", original.Findings.Select(f => f.RuleId))}{Environment.NewLine}");
        original.Findings.Should().NotBeEmpty();
    }

    [Test]
    public void Readme_FHIR_example_is_the_code_run_here()
    {
        var readme = File.ReadAllText(Path.Combine(Samples.RepositoryRoot(), "README.md"));
        var section = readme.IndexOf("## In a clinic system", StringComparison.Ordinal);
        section.Should().BeGreaterThan(0, "README.md should have the section");
        var block = ReadmeExamples.CsharpBlocks(readme[section..]).FirstOrDefault(code => code.Contains("FhirExporter", StringComparison.Ordinal));
        block.Should().NotBeNull("the section should have a csharp block with the FHIR round trip");
        var source = Path.Combine(Samples.RepositoryRoot(), "tests", "HtmaInterpreter.Fhir.Tests", "ReadmeFhirExampleTests.cs");
        ReadmeExamples.Code(block!).Should().Equal(ReadmeExamples.Code(ReadmeExamples.MarkedCode(source, "README FHIR example")));
    }
}
