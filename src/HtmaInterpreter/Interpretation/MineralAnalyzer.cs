using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;

namespace HtmaInterpreter;

/// <summary>
/// Computes a panel's ratios and oxidation type from <see cref="HtmaDefinitions"/>. Stateless apart from the
/// definitions, so one instance can be shared across threads.
/// </summary>
internal sealed class MineralAnalyzer
{
    private static readonly Lazy<MineralAnalyzer> Shared = new(
        () => new MineralAnalyzer(HtmaDefinitions.LoadDefault().GetValueOrThrow()),
        LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates an analyzer.</summary>
    /// <param name="definitions">The ratio definitions, lab profiles and oxidation models.</param>
    public MineralAnalyzer(HtmaDefinitions definitions)
    {
        ArgumentNullException.ThrowIfNull(definitions);
        Definitions = definitions;
    }

    /// <summary>An analyzer over the definitions embedded in the assembly, created once.</summary>
    public static MineralAnalyzer Default => Shared.Value;

    /// <summary>The definitions used.</summary>
    public HtmaDefinitions Definitions { get; }

    /// <summary>Analyzes a panel.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="labId">A lab profile id that overrides the panel's lab (e.g. <c>tei</c>), or <c>null</c>.</param>
    /// <param name="modelId">An oxidation model id (e.g. <c>ca-k-na-k</c>), or <c>null</c> for the default model.</param>
    /// <returns>The profile used, the ratios, the oxidation result and the diagnostics.</returns>
    public MineralAnalysis Analyze(Panel panel, string? labId = null, string? modelId = null)
    {
        ArgumentNullException.ThrowIfNull(panel);
        var diagnostics = new List<Diagnostic>();
        var lab = LabResolver.Resolve(Definitions, panel, labId, diagnostics);
        var model = Definitions.DefaultModel;
        if (!string.IsNullOrWhiteSpace(modelId))
        {
            if (Definitions.FindModel(modelId.Trim()) is { } chosen)
            {
                model = chosen;
            }
            else
            {
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.OxidationModelUnknown,
                    $"There is no oxidation model '{modelId}'; known models: {string.Join(", ", Definitions.OxidationModels.Select(m => m.Id))}. The default model '{model.Id}' is used.",
                    (panel.Source ?? SourceLocation.None).WithField("model")));
            }
        }

        var ratios = RatioCalculator.Compute(panel, lab, Definitions.Ratios, diagnostics);
        var oxidation = OxidationClassifier.Classify(panel, ratios, model, lab, diagnostics);
        return new MineralAnalysis
        {
            SampleId = panel.SampleId,
            Lab = lab,
            Treatment = panel.Treatment != SampleTreatment.Unknown ? panel.Treatment : lab.Treatment,
            Ratios = ratios,
            Oxidation = oxidation,
            Diagnostics = diagnostics,
        };
    }
}
