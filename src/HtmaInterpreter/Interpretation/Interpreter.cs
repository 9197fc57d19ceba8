using System.Reflection;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter;

/// <summary>
/// The entry point: interprets panels with a set of definitions (ratios, lab profiles, oxidation models) and rules.
/// The data flows one way: panel → ratios → oxidation → rules → <see cref="Interpretation"/>.
/// An instance is immutable and safe to share across threads; create it once and reuse it.
/// </summary>
public sealed class Interpreter
{
    private static readonly Lazy<Interpreter> Shared = new(
        () => Create().GetValueOrThrow(),
        LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly MineralAnalyzer _analyzer;

    private Interpreter(HtmaDefinitions definitions, RuleSet rules, InterpreterOptions options)
    {
        Definitions = definitions;
        Rules = rules;
        Options = options;
        _analyzer = new MineralAnalyzer(definitions);
    }

    /// <summary>An interpreter over the definitions and rules embedded in the library, created once.</summary>
    public static Interpreter Default => Shared.Value;

    /// <summary>The ratio definitions, lab profiles and oxidation models.</summary>
    public HtmaDefinitions Definitions { get; }

    /// <summary>The rule set.</summary>
    public RuleSet Rules { get; }

    /// <summary>The options this interpreter was created with.</summary>
    public InterpreterOptions Options { get; }

    /// <summary>The analyzer <see cref="Interpret"/> uses (ratios and oxidation), for callers that need only part of an interpretation.</summary>
    internal MineralAnalyzer Analyzer => _analyzer;

    /// <summary>The library version written into every interpretation.</summary>
    public static string LibraryVersion { get; } =
        typeof(Interpreter).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0]
        ?? typeof(Interpreter).Assembly.GetName().Version?.ToString()
        ?? "0.0.0";

    /// <summary>
    /// Creates an interpreter from the embedded defaults or from <see cref="InterpreterOptions.DefinitionsDirectory"/>.
    /// Problems in the definitions or rules come back as diagnostics with file, line and column; the interpreter is
    /// only built when there is no error.
    /// </summary>
    /// <param name="options">The options; <c>null</c> for the defaults.</param>
    /// <returns>The interpreter, or the diagnostics that prevented it.</returns>
    public static ParseResult<Interpreter> Create(InterpreterOptions? options = null)
    {
        options ??= new InterpreterOptions();
        var diagnostics = new List<Diagnostic>();

        // The embedded rules are checked against the embedded ratios, whose names RuleLoadOptions.DefaultKnownRatios
        // reads from ratios.yaml alone: they start loading (and are cached) on a thread of their own while the
        // definitions load, a good part of a command's start-up; RuleSet.LoadDefault below waits for them, or loads anew
        // should the names ever differ.
        if (options.DefinitionsDirectory is null && !RuleSet.IsDefaultLoaded)
        {
            _ = Task.Factory.StartNew(() => RuleSet.LoadDefault(), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var definitions = options.DefinitionsDirectory is { } folder
            ? HtmaDefinitions.LoadFromDirectory(folder)
            : HtmaDefinitions.LoadDefault();
        diagnostics.AddRange(definitions.Diagnostics);
        if (definitions.Value is null || definitions.HasErrors)
        {
            return ParseResult.Failed<Interpreter>(diagnostics);
        }

        var ruleOptions = new RuleLoadOptions { KnownRatios = definitions.Value.Ratios.Select(r => r.Name).ToArray() };
        var rules = options.DefinitionsDirectory is { } ruleFolder
            ? RuleSet.LoadFromDirectory(Path.Combine(ruleFolder, "rules"), ruleOptions)
            : RuleSet.LoadDefault(ruleOptions);
        diagnostics.AddRange(rules.Diagnostics);
        if (rules.Value is null || rules.HasErrors)
        {
            return ParseResult.Failed<Interpreter>(diagnostics);
        }

        ValidateChoice(options.LabId, "lab", definitions.Value.Labs.Select(l => l.Id), diagnostics);
        ValidateChoice(options.ModelId, "model", definitions.Value.OxidationModels.Select(m => m.Id), diagnostics);
        return diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error)
            ? ParseResult.Failed<Interpreter>(diagnostics)
            : new ParseResult<Interpreter>(new Interpreter(definitions.Value, rules.Value, options), diagnostics);
    }

    /// <summary>Interprets one panel.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="context">What the client reports (symptoms, conditions, lifestyle, diet), or <c>null</c>.</param>
    /// <returns>The interpretation.</returns>
    public Interpretation Interpret(Panel panel, ClientContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var analysis = _analyzer.Analyze(panel, Options.LabId, Options.ModelId);
        var evaluation = Rules.Evaluate(new RuleInput(panel, analysis.Lab, analysis.Ratios, analysis.Oxidation, context));
        var model = Definitions.FindModel(analysis.Oxidation.ModelId);
        return new Interpretation
        {
            Panel = panel,
            LabProfile = analysis.Lab,
            Treatment = analysis.Treatment,
            Elements = PlaceElements(panel, analysis.Lab),
            Ratios = analysis.Ratios,
            Oxidation = analysis.Oxidation,
            ModelName = model?.Name ?? analysis.Oxidation.ModelId,
            Findings = evaluation.Findings,
            NotEvaluated = evaluation.NotEvaluated,
            Context = context,
            RuleSetName = Rules.Name,
            RuleSetVersion = Rules.Version,
            LibraryVersion = LibraryVersion,
            Diagnostics = analysis.Diagnostics,
        };
    }

    private static ElementResult[] PlaceElements(Panel panel, LabProfile lab)
    {
        var results = new ElementResult[panel.Measurements.Count];
        for (var i = 0; i < results.Length; i++)
        {
            var measurement = panel.Measurements[i];
            var symbol = measurement.Element?.Symbol;
            var basis = symbol is null ? ElementLevelBasis.None : lab.BasisOf(symbol);
            results[i] = new ElementResult(
                measurement,
                basis == ElementLevelBasis.None ? ElementLevel.Unknown : LevelOf(lab, symbol!, measurement),
                symbol is not null && lab.ReferenceRanges.TryGetValue(symbol, out var range) ? range : null,
                symbol is not null && lab.ToxicLimits.TryGetValue(symbol, out var limit) ? limit : null,
                symbol is not null && lab.ElementIdeals.TryGetValue(symbol, out var ideal) ? ideal : null)
            {
                Basis = basis,
            };
        }

        return results;
    }

    // A value known only as <x or >x is placed where every amount it may stand for lies, or nowhere; the rules read
    // censored values the same way (ND counts as zero, <x spans zero to x, >x anything from x up).
    private static ElementLevel LevelOf(LabProfile lab, string symbol, Measurement measurement)
    {
        var amount = measurement.MilligramPercent;
        switch (measurement.Qualifier)
        {
            case MeasurementQualifier.NotDetected:
                return lab.LevelOf(symbol, 0m);
            case MeasurementQualifier.BelowDetectionLimit:
                var atZero = lab.LevelOf(symbol, 0m);
                return atZero == lab.LevelOf(symbol, amount) ? atZero : ElementLevel.Unknown;
            case MeasurementQualifier.AboveQuantitationLimit:
                var atLimit = lab.LevelOf(symbol, amount);
                return atLimit is ElementLevel.High or ElementLevel.Elevated ? atLimit : ElementLevel.Unknown;
            default:
                return lab.LevelOf(symbol, amount);
        }
    }

    private static void ValidateChoice(string? chosen, string what, IEnumerable<string> known, List<Diagnostic> diagnostics)
    {
        if (chosen is null)
        {
            return;
        }

        var ids = known.ToList();
        if (!ids.Contains(chosen.Trim(), StringComparer.OrdinalIgnoreCase))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.InterpreterUnknownChoice,
                $"There is no {what} '{chosen}'; known: {string.Join(", ", ids)}.",
                new SourceLocation(Field: what)));
        }
    }
}
