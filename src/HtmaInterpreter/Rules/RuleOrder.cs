namespace HtmaInterpreter.Rules;

/// <summary>
/// Puts fired rule ids in the order of <see cref="Interpretation.Findings"/> (severity, referrals first, then file
/// order), each once: the rule set gives them in evaluation order.
/// </summary>
internal sealed class RuleOrder
{
    private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal);

    /// <summary>Ranks the rules of <paramref name="rules"/>.</summary>
    public RuleOrder(RuleSet rules)
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

        IdsByRank = _rank.OrderBy(r => r.Value).Select(r => r.Key).ToArray();
        RankByEvaluation = [.. rules.EvaluationOrder.Select(id => _rank[id])];
    }

    /// <summary>The rule ids in the order of the findings (index: rank).</summary>
    public IReadOnlyList<string> IdsByRank { get; }

    /// <summary>The rank of each rule in the rule set's evaluation order (index: evaluation position).</summary>
    public IReadOnlyList<int> RankByEvaluation { get; }

    /// <summary>The rank of a rule id (its place in the findings' order).</summary>
    public int RankOf(string ruleId) => _rank[ruleId];

    /// <summary>The ids of the fired rules, once each, in the order of <see cref="Interpretation.Findings"/>.</summary>
    public IReadOnlyList<string> FiredRuleIds(List<(string RuleId, string? Subject)> fired)
    {
        if (fired.Count == 0)
        {
            return [];
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
}
