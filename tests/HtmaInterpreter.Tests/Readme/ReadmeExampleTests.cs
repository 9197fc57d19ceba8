using System.Text.RegularExpressions;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Readme;

/// <summary>The C# example in README.md ("Using the library") is this file's <see cref="Example"/>, compiled and run here.</summary>
[NonParallelizable]
public partial class ReadmeExampleTests
{
    private static void Example()
    {
        // README example start
        var read = new PanelReader().ReadFile("samples/slow-oxidizer.csv");
        foreach (var diagnostic in read.Diagnostics) Console.Error.WriteLine(diagnostic);
        foreach (var panel in read.Value ?? [])
        {
            Interpretation result = Interpreter.Default.Interpret(panel);
            Console.WriteLine($"{panel.SampleId}: {result.Oxidation.Type}, {result.Findings.Count} findings");
            Console.WriteLine(JsonReport.Render(result));
        }
        // README example end
    }

    [Test]
    public void Readme_example_is_the_code_compiled_here()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "README.md"));
        var block = CodeBlock().Match(readme[readme.IndexOf("## Using the library", StringComparison.Ordinal)..]);
        block.Success.Should().BeTrue("README.md should have a csharp block under 'Using the library'");
        var source = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "tests", "HtmaInterpreter.Tests", "Readme", "ReadmeExampleTests.cs"));
        var start = source.IndexOf("// README example start", StringComparison.Ordinal);
        var end = source.IndexOf("        // README example end", StringComparison.Ordinal);
        var compiled = source[(source.IndexOf('\n', start) + 1)..end];

        Code(block.Groups["code"].Value).Should().Equal(Code(compiled));
    }

    [Test]
    public void Readme_example_runs_and_prints_the_interpretation()
    {
        var previousDirectory = Environment.CurrentDirectory;
        var previousOut = Console.Out;
        using var output = new StringWriter();
        try
        {
            Environment.CurrentDirectory = TestPaths.RepositoryRoot();
            Console.SetOut(output);
            Example();
        }
        finally
        {
            Console.SetOut(previousOut);
            Environment.CurrentDirectory = previousDirectory;
        }

        output.ToString().Should().StartWith("S-2026-0101: Slow, 3 findings").And.Contain("\"schemaVersion\": 1");
    }

    // The README's lines, minus usings and indentation, so that only the code itself is compared.
    private static List<string> Code(string text) => text.Split('\n')
        .Select(line => line.Trim())
        .Where(line => line.Length > 0 && !line.StartsWith("using ", StringComparison.Ordinal))
        .ToList();

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CodeBlock();
}
