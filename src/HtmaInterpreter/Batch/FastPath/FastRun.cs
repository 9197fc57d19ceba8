using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// What the batch hands the fast path for a run, so that the fast path never calls back into <c>Batch</c>: the
/// interpreter, the oxidation model its options choose (<c>null</c> for an unknown id: every row then takes the general
/// path, which reports it), the client context of every panel, the key ratios a row keeps, and the order of fired rules.
/// </summary>
/// <param name="Interpreter">The interpreter of the run.</param>
/// <param name="Model">The chosen oxidation model, or <c>null</c> when the options name an unknown one.</param>
/// <param name="Context">The client context applied to every panel, or <c>null</c>.</param>
/// <param name="KeyRatioNames">The ratios a decided row keeps, in order.</param>
/// <param name="Order">The findings' order of the rules.</param>
/// <param name="Masks">The same order through masks, or <c>null</c> when the rule set has more than 64 rules.</param>
internal sealed record FastRun(
    Interpreter Interpreter,
    OxidationModel? Model,
    ClientContext? Context,
    IReadOnlyList<string> KeyRatioNames,
    RuleOrder Order,
    MaskRuleOrder? Masks);
