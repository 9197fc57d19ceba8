using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace HtmaInterpreter.Tests.Readme;

/// <summary>
/// Every <c>```csharp</c> block of README.md and of the package README (PACKAGE.md) compiles, on its own, as a console program with top-level statements
/// (implicit usings and nullable on, as in a new <c>dotnet new console</c> project), against the assemblies this test
/// runs with: the library and everything the test project references. A block that needs another package (e.g. a
/// future FHIR or dependency-injection example) compiles once the test project references it.
/// </summary>
public partial class ReadmeCompileTests
{
    /// <summary>The global usings of an SDK console project with <c>ImplicitUsings</c> enabled.</summary>
    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static readonly Lazy<ImmutableArray<MetadataReference>> References = new(LoadReferences);

    /// <summary>The documents whose C# blocks must compile: the repository README and each package's README for nuget.org.</summary>
    private static readonly string[] Documents =
    [
        "README.md",
        "src/HtmaInterpreter/PACKAGE.md",
        "src/HtmaInterpreter.Fhir/PACKAGE.md",
        "src/HtmaInterpreter.Extensions.DependencyInjection/PACKAGE.md",
    ];

    /// <summary>Each C# block of <see cref="Documents"/> with its file and the line its code starts on.</summary>
    public static IEnumerable<TestCaseData> Blocks()
    {
        foreach (var document in Documents)
        {
            var text = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), document)).ReplaceLineEndings("\n");
            foreach (Match block in CSharpBlock().Matches(text))
            {
                var line = text.AsSpan(0, block.Groups["code"].Index).Count('\n') + 1;
                yield return new TestCaseData(document, line, block.Groups["code"].Value).SetArgDisplayNames($"{document} line {line}");
            }
        }
    }

    [Test]
    public void Readme_and_package_readme_have_csharp_blocks()
    {
        Blocks().Count(b => (string)b.Arguments[0]! == "README.md").Should().BeGreaterThanOrEqualTo(3);
        foreach (var document in Documents.Skip(1))
        {
            Blocks().Count(b => (string)b.Arguments[0]! == document).Should().BeGreaterThanOrEqualTo(1, document);
        }
    }

    [TestCaseSource(nameof(Blocks))]
    public void Csharp_block_compiles(string document, int line, string code)
    {
        var compilation = CSharpCompilation.Create(
            $"ReadmeBlockAtLine{line}",
            [
                CSharpSyntaxTree.ParseText(ImplicitUsings, Parse, "GlobalUsings.cs"),
                CSharpSyntaxTree.ParseText(code, Parse, document),
            ],
            References.Value,
            new CSharpCompilationOptions(OutputKind.ConsoleApplication, nullableContextOptions: NullableContextOptions.Enable));

        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly);

        // Warnings count too (as in the repository's TreatWarningsAsErrors); lines are the README's own.
        var problems = emitted.Diagnostics
            .Where(d => d.Severity >= DiagnosticSeverity.Warning)
            .Select(d => $"{document}:{d.Location.GetLineSpan().StartLinePosition.Line + line}: {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}")
            .ToList();
        problems.Should().BeEmpty($"the C# block starting at {document} line {line} should compile");
        emitted.Success.Should().BeTrue();
    }

    private static CSharpParseOptions Parse => new(LanguageVersion.Latest);

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The runtime's own assemblies and the test's dependencies (the host lists both), then anything else beside the tests.
        var trusted = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        var besideTests = Directory.GetFiles(AppContext.BaseDirectory, "*.dll");
        return
        [
            .. trusted.Concat(besideTests)
                .Where(path => !Path.GetFileName(path).StartsWith("testhost", StringComparison.OrdinalIgnoreCase))
                .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
                .Where(IsManagedAssembly)
                .Select(path => (MetadataReference)MetadataReference.CreateFromFile(path)),
        ];
    }

    private static bool IsManagedAssembly(string path)
    {
        try
        {
            System.Reflection.AssemblyName.GetAssemblyName(path);
            return true;
        }
        catch (BadImageFormatException)
        {
            return false;
        }
    }

    [GeneratedRegex("```csharp\\n(?<code>.*?)```", RegexOptions.Singleline)]
    private static partial Regex CSharpBlock();
}
