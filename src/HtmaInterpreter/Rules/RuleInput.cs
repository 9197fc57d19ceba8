using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;

namespace HtmaInterpreter.Rules;

/// <summary>
/// Everything a <see cref="RuleSet"/> reads when it evaluates one panel. Anything may be missing: a rule that needs a
/// missing input does not fire and is listed in <see cref="RuleEvaluation.NotEvaluated"/> with what it lacked.
/// </summary>
/// <param name="Panel">The panel.</param>
/// <param name="LabProfile">The lab profile the panel is read against (for <c>is high</c>, <c>is low</c>, <c>is elevated</c>, and the lab unit in evidence), or <c>null</c>.</param>
/// <param name="Ratios">The panel's computed ratios (absent ratios are simply not in the list).</param>
/// <param name="Oxidation">The oxidation result, or <c>null</c> when none was computed.</param>
/// <param name="Context">What is known about the client beyond the panel, or <c>null</c> when nothing is.</param>
internal sealed record RuleInput(
    Panel Panel,
    LabProfile? LabProfile,
    IReadOnlyList<RatioValue> Ratios,
    OxidationResult? Oxidation,
    ClientContext? Context = null);
