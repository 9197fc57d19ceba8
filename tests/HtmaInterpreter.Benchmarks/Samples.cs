using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Benchmarks;

/// <summary>Finds the repository and builds rule inputs from its sample panels.</summary>
internal static class Samples
{
    /// <summary>A client context that states every list, so the symptom and circulation rules are decided too.</summary>
    public static ClientContext CrampsContext { get; } = new()
    {
        Symptoms = new HashSet<string>(StringComparer.Ordinal) { "leg_cramps", "exercise_cramps" },
        Conditions = new HashSet<string>(StringComparer.Ordinal),
        Lifestyle = new HashSet<string>(StringComparer.Ordinal) { "sedentary" },
        Diet = new HashSet<string>(StringComparer.Ordinal) { "much_sugar" },
    };

    /// <summary>The repository root: the first folder above the running assembly that holds HtmaInterpreter.sln.</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    public static string RatiosFolder => Path.Combine(RepositoryRoot, "ratios");

    public static string RulesFolder => Path.Combine(RepositoryRoot, "ratios", "rules");

    public static IReadOnlyList<Panel> Read(string sampleFile)
    {
        var result = new PanelReader().ReadFile(Path.Combine(RepositoryRoot, "samples", sampleFile));
        return result.Value is { Count: > 0 } panels
            ? panels
            : throw new InvalidOperationException($"samples/{sampleFile} gave no panel.");
    }

    public static RuleInput InputFor(Panel panel, ClientContext? context)
    {
        var analysis = MineralAnalyzer.Default.Analyze(panel);
        return new RuleInput(panel, analysis.Lab, analysis.Ratios, analysis.Oxidation, context);
    }

    /// <summary>Every panel of every valid sample file (not samples/invalid).</summary>
    public static IEnumerable<Panel> All() =>
        Directory.EnumerateFiles(Path.Combine(RepositoryRoot, "samples"))
            .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .SelectMany(f => Read(Path.GetFileName(f)));

    private static string FindRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
            {
                if (File.Exists(Path.Combine(folder.FullName, "HtmaInterpreter.sln")))
                {
                    return folder.FullName;
                }
            }
        }

        throw new InvalidOperationException("Run the benchmarks from inside the repository: HtmaInterpreter.sln was not found above the program.");
    }
}
