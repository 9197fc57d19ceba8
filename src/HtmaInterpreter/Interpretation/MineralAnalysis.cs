using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;

namespace HtmaInterpreter;

/// <summary>The ratios and oxidation type of one panel, with the lab profile used and every diagnostic. Plain data, easy to serialise.</summary>
internal sealed record MineralAnalysis
{
    /// <summary>The panel's sample id.</summary>
    public required string SampleId { get; init; }

    /// <summary>The lab profile used (the caller's, the panel's, or the default).</summary>
    public required LabProfile Lab { get; init; }

    /// <summary>The sample treatment the analysis assumed: the panel's when stated, otherwise the profile's.</summary>
    public required SampleTreatment Treatment { get; init; }

    /// <summary>Every ratio that could be computed, in the order of <c>ratios.yaml</c>.</summary>
    public required IReadOnlyList<RatioValue> Ratios { get; init; }

    /// <summary>The oxidation result.</summary>
    public required OxidationResult Oxidation { get; init; }

    /// <summary>Every diagnostic: lab resolution, ratios left out and why, oxidation caveats.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
}
