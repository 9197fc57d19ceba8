using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter;

/// <summary>
/// Everything HtmaInterpreter concluded about one panel: the elements against the lab profile, the ratios, the
/// oxidation type, the findings of the rule set, what could not be evaluated, every diagnostic, and which
/// definitions produced it. Immutable; every report format is rendered from this object.
/// </summary>
public sealed record Interpretation
{
    /// <summary>The short statement every report carries.</summary>
    public const string NotADiagnosis =
        "Not a diagnosis. This describes mineral patterns in a hair sample as the nutritional-balancing model reads them; " +
        "it does not diagnose or treat any condition and recommends no drug or dose. Symptoms, medication and the conditions " +
        "flagged as referrals belong with a physician.";

    /// <summary>The panel interpreted.</summary>
    public required Panel Panel { get; init; }

    /// <summary>The lab profile used (the caller's, the panel's, or the default).</summary>
    public required LabProfile LabProfile { get; init; }

    /// <summary>The sample treatment assumed: the panel's when stated, otherwise the profile's.</summary>
    public required SampleTreatment Treatment { get; init; }

    /// <summary>Every measurement, in panel order, placed against the profile.</summary>
    public required IReadOnlyList<ElementResult> Elements { get; init; }

    /// <summary>Every ratio that could be computed, in the order of <c>ratios.yaml</c>.</summary>
    public required IReadOnlyList<RatioValue> Ratios { get; init; }

    /// <summary>The oxidation result.</summary>
    public required OxidationResult Oxidation { get; init; }

    /// <summary>The name of the oxidation model used.</summary>
    public required string ModelName { get; init; }

    /// <summary>The findings, referrals first, then attention, then info, each in rule-file order.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }

    /// <summary>Rules that could not be decided because an input was missing, with what was missing.</summary>
    public required IReadOnlyList<UnevaluatedRule> NotEvaluated { get; init; }

    /// <summary>The findings that say a physician should be seen.</summary>
    public IEnumerable<Finding> Referrals => Findings.Where(f => f.IsReferral);

    /// <summary>The client context used, when one was given.</summary>
    public ClientContext? Context { get; init; }

    /// <summary>The rule set's name (<c>default</c> for the embedded rules).</summary>
    public required string RuleSetName { get; init; }

    /// <summary>The rule set's version: a hash of its files, so two results can be checked to come from the same rules.</summary>
    public required string RuleSetVersion { get; init; }

    /// <summary>The version of the HtmaInterpreter library that produced this.</summary>
    public required string LibraryVersion { get; init; }

    /// <summary>Every diagnostic of the analysis (lab choice, ratios left out, oxidation caveats); reading diagnostics stay with the read result.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>The "not a diagnosis" statement; see <see cref="NotADiagnosis"/>.</summary>
    public string Disclaimer { get; init; } = NotADiagnosis;
}
