using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Fhir.Tests;

/// <summary>The repository's sample panels, read once.</summary>
internal static class Samples
{
    private static readonly Lazy<IReadOnlyList<(string File, Panel Panel)>> All = new(ReadAll);

    /// <summary>The folder holding HtmaInterpreter.sln, found by walking up from the test binaries.</summary>
    public static string RepositoryRoot() => HtmaInterpreter.Testing.RepositoryPaths.Root();

    /// <summary>Every panel of every sample file (<c>samples/*.csv|yaml|yml|json</c>), with its file name.</summary>
    public static IReadOnlyList<(string File, Panel Panel)> Panels => All.Value;

    /// <summary>The first panel of one sample file.</summary>
    public static Panel Panel(string fileName) => Panels.First(p => p.File == fileName).Panel;

    /// <summary>The sample file names, for test cases.</summary>
    public static IEnumerable<string> FileNames() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot(), "samples"))
            .Where(path => Path.GetExtension(path) is ".csv" or ".yaml" or ".yml" or ".json")
            .Select(Path.GetFileName)
            .Order(StringComparer.Ordinal)!;

    private static List<(string File, Panel Panel)> ReadAll()
    {
        var reader = new PanelReader();
        var panels = new List<(string File, Panel Panel)>();
        foreach (var name in FileNames())
        {
            var result = reader.ReadFile(Path.Combine(RepositoryRoot(), "samples", name));
            result.HasErrors.Should().BeFalse($"{name} is a sample and reads without errors");
            panels.AddRange(result.Value!.Select(p => (name, p)));
        }

        return panels;
    }
}
