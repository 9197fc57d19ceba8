using System.Numerics;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// Orders fired rules as <see cref="RuleOrder"/> does, for a rule set of up to 64 rules, through bit masks: the fired
/// rules become a mask in rank order, and the list for a mask is made once and shared between rows
/// (<see cref="SharedRuleLists"/>). Thread-safe.
/// </summary>
internal sealed class MaskRuleOrder
{
    private readonly RuleOrder _order;
    private readonly int[] _rankByEvaluation;
    private readonly SharedRuleLists _lists;

    private MaskRuleOrder(RuleOrder order)
    {
        _order = order;
        _rankByEvaluation = [.. order.RankByEvaluation];
        _lists = new SharedRuleLists([.. order.IdsByRank]);
    }

    /// <summary>The mask order of <paramref name="order"/>'s rules, or <c>null</c> when there are more than 64 (no mask holds them).</summary>
    public static MaskRuleOrder? For(RuleOrder order) => order.IdsByRank.Count <= 64 ? new MaskRuleOrder(order) : null;

    /// <summary>The ids of the fired rules, once each, in the order of <see cref="Interpretation.Findings"/>, as a shared list.</summary>
    public IReadOnlyList<string> FiredRuleIds(List<(string RuleId, string? Subject)> fired)
    {
        if (fired.Count == 0)
        {
            return [];
        }

        var mask = 0UL;
        foreach (var (id, _) in fired)
        {
            mask |= 1UL << _order.RankOf(id);
        }

        return _lists.ForRankMask(mask);
    }

    /// <summary>The ids of the rules whose bits are set in <paramref name="evaluationMask"/> (bit r: the rule evaluated r-th), ordered as above.</summary>
    public IReadOnlyList<string> FiredRuleIds(ulong evaluationMask)
    {
        if (evaluationMask == 0)
        {
            return [];
        }

        var mask = 0UL;
        for (var rest = evaluationMask; rest != 0; rest &= rest - 1)
        {
            mask |= 1UL << _rankByEvaluation[BitOperations.TrailingZeroCount(rest)];
        }

        return _lists.ForRankMask(mask);
    }
}
