namespace HtmaInterpreter.Fuzz;

/// <summary>What an input is fed to.</summary>
internal enum InputKind
{
    /// <summary>A panel file: every reader, the interpreter, every report, the comparer.</summary>
    Panel,

    /// <summary>A wide CSV: the panel targets plus the batch interpreter (CSV and JSON Lines, summary).</summary>
    WideCsv,

    /// <summary>A client context file.</summary>
    Context,

    /// <summary>A single rules file, loaded as a rule folder.</summary>
    Rules,

    /// <summary>One definitions file (a lab, <c>ratios.yaml</c> or <c>oxidation.yaml</c>) in an otherwise shipped folder.</summary>
    Definitions,
}

/// <summary>One seed input: its bytes, its file name (the extension picks the reader) and what it is fed to.</summary>
/// <param name="Name">A name for reports, relative to the repository.</param>
/// <param name="FileName">The file name given to the library (for definitions: the path inside the folder).</param>
/// <param name="Kind">What the input is fed to.</param>
/// <param name="Bytes">The content.</param>
internal sealed record Seed(string Name, string FileName, InputKind Kind, byte[] Bytes);

/// <summary>The seeds: the samples, the shipped definitions and rules, and the bad-input corpus (files up to 64 KB).</summary>
internal static class Seeds
{
    private const string DefaultContext = "sex: female\nage: 52\nsymptoms: [leg_cramps, night_cramps]\nconditions: [diabetes]\nlifestyle: [sedentary]\ndiet: [much_sugar]\n";

    public static IReadOnlyList<Seed> Load(string root, int maxBytes)
    {
        var seeds = new List<Seed>
        {
            new("(built-in) context.yaml", "context.yaml", InputKind.Context, System.Text.Encoding.UTF8.GetBytes(DefaultContext)),
            new("(built-in) context.json", "context.json", InputKind.Context, System.Text.Encoding.UTF8.GetBytes("{\"sex\":\"male\",\"age\":34,\"symptoms\":[\"leg_cramps\"],\"diet\":[\"much_sugar\"]}")),
        };

        void Add(string path, string fileName, InputKind kind)
        {
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length <= maxBytes)
            {
                seeds.Add(new Seed(Path.GetRelativePath(root, path).Replace('\\', '/'), fileName, kind, bytes));
            }
        }

        foreach (var file in Files(Path.Combine(root, "samples")))
        {
            var name = Path.GetFileName(file);
            Add(file, name, IsWide(file) ? InputKind.WideCsv : InputKind.Panel);
        }

        var ratios = Path.Combine(root, "ratios");
        Add(Path.Combine(ratios, "ratios.yaml"), "ratios.yaml", InputKind.Definitions);
        Add(Path.Combine(ratios, "oxidation.yaml"), "oxidation.yaml", InputKind.Definitions);
        foreach (var lab in Files(Path.Combine(ratios, "labs")))
        {
            Add(lab, "labs/" + Path.GetFileName(lab), InputKind.Definitions);
        }

        foreach (var rules in Files(Path.Combine(ratios, "rules")))
        {
            Add(rules, Path.GetFileName(rules), InputKind.Rules);
        }

        var corpus = Path.Combine(root, "tests", "BadInput");
        foreach (var file in Files(corpus, recursive: true))
        {
            var area = Path.GetRelativePath(corpus, file).Split(Path.DirectorySeparatorChar)[0];
            var name = Path.GetFileName(file);
            switch (area)
            {
                case "panels" or "compare":
                    Add(file, name, IsWide(file) ? InputKind.WideCsv : InputKind.Panel);
                    break;
                case "batch":
                    Add(file, name, InputKind.WideCsv);
                    break;
                case "context":
                    Add(file, name, InputKind.Context);
                    break;
                case "rules":
                    Add(file, name, InputKind.Rules);
                    break;
                case "definitions":
                    Add(file, name.StartsWith("ratio", StringComparison.Ordinal) ? "ratios.yaml"
                        : name.StartsWith("oxidation", StringComparison.Ordinal) ? "oxidation.yaml"
                        : name.StartsWith("rules", StringComparison.Ordinal) ? "potassium.yaml"
                        : "labs/arl.yaml",
                        name.StartsWith("rules", StringComparison.Ordinal) ? InputKind.Rules : InputKind.Definitions);
                    break;
            }
        }

        return seeds;
    }

    private static IEnumerable<string> Files(string folder, bool recursive = false) =>
        Directory.Exists(folder)
            ? Directory.EnumerateFiles(folder, "*", recursive ? SearchOption.AllDirectories : SearchOption.TopDirectoryOnly)
                .Where(f => !f.EndsWith(".md", StringComparison.OrdinalIgnoreCase) && !f.EndsWith(".tsv", StringComparison.OrdinalIgnoreCase))
                .Order(StringComparer.Ordinal)
            : [];

    private static bool IsWide(string file)
    {
        if (!file.EndsWith(".csv", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        using var reader = new StreamReader(file);
        return reader.ReadLine() is { } first && first.Contains("sample_id", StringComparison.OrdinalIgnoreCase);
    }
}
