using System.Text;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// Feeds one input to the targets of its kind. Rules and definitions go through the public folder loaders, so each
/// runner keeps its own scratch folders: one with the shipped definitions and a rules folder for the fuzzed rules file,
/// one with the shipped definitions (one fuzzed file at a time) and a single shipped rules file.
/// </summary>
internal sealed class InputRunner : IDisposable
{
    private readonly string _scratch;
    private readonly string _rulesDefinitions;
    private readonly string _definitions;
    private readonly string _ratios;
    private readonly IReadOnlyList<Panel> _goodPanels;

    // The default interpreter, and ones forcing a lab that reports in another unit (µg/g, ppm): rendering converts.
    private readonly Interpreter[] _interpreters =
    [
        Interpreter.Default,
        Interpreter.Create(new InterpreterOptions { LabId = "doctors-data" }).GetValueOrThrow(),
        Interpreter.Create(new InterpreterOptions { LabId = "tei", ModelId = "tei-ca-p" }).GetValueOrThrow(),
    ];

    public InputRunner(string root)
    {
        _ratios = Path.Combine(root, "ratios");
        _scratch = Path.Combine(Path.GetTempPath(), $"htma-fuzz-{Environment.ProcessId}-{Guid.NewGuid():N}");
        _rulesDefinitions = Path.Combine(_scratch, "rules-definitions");
        _definitions = Path.Combine(_scratch, "definitions");
        foreach (var folder in new[] { _rulesDefinitions, _definitions })
        {
            CopyDefinitions(_ratios, folder);
        }

        File.Copy(Path.Combine(_ratios, "rules", "potassium.yaml"), Path.Combine(_definitions, "rules", "potassium.yaml"));
        _goodPanels = new PanelReader().ReadFile(Path.Combine(root, "samples", "slow-oxidizer.csv")).GetValueOrThrow();
    }

    /// <summary>Runs the input; exceptions escape to the caller (a finding).</summary>
    public LibraryOutcome Run(Seed seed, byte[] bytes)
    {
        var outcome = new LibraryOutcome();
        var interpreter = _interpreters[(int)((uint)bytes.Length % (uint)_interpreters.Length)];
        switch (seed.Kind)
        {
            case InputKind.Panel:
                LibraryTargets.PanelBytes(outcome, bytes, seed.FileName, interpreter, everyFormat: true);
                break;
            case InputKind.WideCsv:
                // The wide reader three ways (detected, streamed, batch); the other readers get these bytes as panel seeds.
                LibraryTargets.PanelBytes(outcome, bytes, seed.FileName, interpreter, everyFormat: false);
                // CSV and JSON Lines on alternate inputs: the batch run is the costliest target.
                LibraryTargets.Batch(outcome, () => new MemoryStream(bytes, writable: false), seed.FileName, interpreter,
                    [bytes.Length % 2 == 0 ? Batch.BatchOutputFormat.Csv : Batch.BatchOutputFormat.JsonLines]);
                break;
            case InputKind.Context:
                var context = LibraryTargets.Context(outcome, null, Encoding.UTF8.GetString(bytes), seed.FileName);
                if (context is not null)
                {
                    LibraryTargets.Downstream(outcome, _goodPanels, interpreter, context);
                }

                break;
            case InputKind.Rules:
                var rules = Path.Combine(_rulesDefinitions, "rules");
                var path = Path.Combine(rules, "fuzzed.yaml");
                File.WriteAllBytes(path, bytes);
                var before = outcome.Diagnostics.Count;
                LibraryTargets.RuleFolder(outcome, rules);
                if (!outcome.Diagnostics.Skip(before).Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
                {
                    LibraryTargets.DefinitionsFolder(outcome, _rulesDefinitions, _goodPanels);
                }

                break;
            case InputKind.Definitions:
                var target = Path.Combine(_definitions, seed.FileName.Replace('/', Path.DirectorySeparatorChar));
                File.WriteAllBytes(target, bytes);
                try
                {
                    // An interpreter (and a panel through it) only over definitions that load without errors.
                    var definitions = outcome.Take(Definitions.HtmaDefinitions.LoadFromDirectory(_definitions), "HtmaDefinitions.LoadFromDirectory");
                    if (definitions is not null && !outcome.Diagnostics.Any(d => d.Severity == Diagnostics.DiagnosticSeverity.Error))
                    {
                        LibraryTargets.DefinitionsFolder(outcome, _definitions, _goodPanels);
                    }
                }
                finally
                {
                    File.Copy(Path.Combine(_ratios, seed.FileName.Replace('/', Path.DirectorySeparatorChar)), target, overwrite: true);
                }

                break;
        }

        return outcome;
    }

    public void Dispose()
    {
        try
        {
            Directory.Delete(_scratch, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>Copies ratios.yaml, oxidation.yaml and labs/ into <paramref name="to"/>, with an empty rules/ folder.</summary>
    internal static void CopyDefinitions(string ratios, string to)
    {
        Directory.CreateDirectory(Path.Combine(to, "labs"));
        Directory.CreateDirectory(Path.Combine(to, "rules"));
        File.Copy(Path.Combine(ratios, "ratios.yaml"), Path.Combine(to, "ratios.yaml"));
        File.Copy(Path.Combine(ratios, "oxidation.yaml"), Path.Combine(to, "oxidation.yaml"));
        foreach (var lab in Directory.EnumerateFiles(Path.Combine(ratios, "labs"), "*.yaml"))
        {
            File.Copy(lab, Path.Combine(to, "labs", Path.GetFileName(lab)));
        }
    }
}
