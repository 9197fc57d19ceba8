using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch;

/// <summary>
/// Puts fired rule ids in the order of <see cref="Interpretation.Findings"/> (severity, referrals first, then file
/// order), each once: the rule set gives them in evaluation order.
/// </summary>
internal sealed class RuleOrder
{
    private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal);
    private readonly int[]? _rankByEvaluation;
    private readonly SharedRuleLists? _lists;

    /// <summary>Orders the rules of <paramref name="rules"/>; <paramref name="useFastPath"/> false orders every fired list one by one, with no masks and no shared lists.</summary>
    public RuleOrder(RuleSet rules, bool useFastPath)
    {
        // RuleSet.Rules is in file order; a stable sort by severity (highest first) gives the findings' order.
        var ordered = new List<RuleInfo>(rules.Rules);
        var rank = 0;
        foreach (var severity in new[] { RuleSeverity.Refer, RuleSeverity.Attention, RuleSeverity.Info })
        {
            foreach (var rule in ordered)
            {
                if (rule.Severity == severity)
                {
                    if (_rank.TryAdd(rule.Id, rank))
                    {
                        rank++;
                    }
                }
            }
        }

        foreach (var rule in ordered)
        {
            if (_rank.TryAdd(rule.Id, rank))
            {
                rank++;
            }
        }

        var ids = _rank.OrderBy(r => r.Value).Select(r => r.Key).ToArray();
        if (useFastPath && _rank.Count <= 64)
        {
            _rankByEvaluation = [.. rules.EvaluationOrder.Select(id => _rank[id])];
            _lists = new SharedRuleLists(ids);
        }
    }

    /// <summary>Whether the fast path is on and the set has at most 64 rules, so that <see cref="FiredRuleIds(ulong)"/> can be used.</summary>
    public bool UsesMasks => _rankByEvaluation is not null;

    /// <summary>The ids of the fired rules, once each, in the order of <see cref="Interpretation.Findings"/>.</summary>
    public IReadOnlyList<string> FiredRuleIds(List<(string RuleId, string? Subject)> fired)
    {
        if (fired.Count == 0)
        {
            return [];
        }

        if (UsesMasks)
        {
            var mask = 0UL;
            foreach (var (id, _) in fired)
            {
                mask |= 1UL << _rank[id];
            }

            return _lists!.ForRankMask(mask);
        }

        var ordered = new List<string>(fired.Count);
        var ranks = new List<int>(fired.Count);
        foreach (var (id, _) in fired)
        {
            if (ordered.Contains(id))
            {
                continue;
            }

            var rank = _rank.GetValueOrDefault(id, int.MaxValue);
            var position = ranks.Count;
            while (position > 0 && ranks[position - 1] > rank)
            {
                position--;
            }

            ordered.Insert(position, id);
            ranks.Insert(position, rank);
        }

        return ordered.ToArray();
    }

    /// <summary>The ids of the rules whose bits are set in <paramref name="evaluationMask"/> (bit r: the rule evaluated r-th), as <see cref="FiredRuleIds(List{ValueTuple{string, string}})"/> orders them.</summary>
    public IReadOnlyList<string> FiredRuleIds(ulong evaluationMask)
    {
        if (evaluationMask == 0)
        {
            return [];
        }

        var mask = 0UL;
        for (var rest = evaluationMask; rest != 0; rest &= rest - 1)
        {
            mask |= 1UL << _rankByEvaluation![System.Numerics.BitOperations.TrailingZeroCount(rest)];
        }

        return _lists!.ForRankMask(mask);
    }
}
