using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Rules;

// Steps 3 and 4 of loading: rules that depend on rules with errors dropped, the rest ordered by their dependencies, cycles reported.
internal static partial class RuleSetLoader
{
    /// <summary>How many ids of a long cycle of rules its diagnostic shows at each end.</summary>
    private const int CycleIdsShownAtEachEnd = 8;

    /// <summary>
    /// Removes from <paramref name="parsed"/> every rule that refers, directly or through other rules, to a rule of
    /// <paramref name="ruleIds"/> that is not in it (one that had errors), with a diagnostic at the reference.
    /// </summary>
    /// <remarks>
    /// This gives the diagnostics, and their order, of sweeping the rules in file order again and again until none is
    /// dropped (each rule reporting the first of its references missing when it is swept), in time linear in the rules
    /// and references: the sweep that drops a rule is its distance from a missing rule, where a reference costs no
    /// sweep when the rule referred to comes earlier in the file (it was dropped earlier in the same sweep) and one
    /// sweep otherwise; a breadth-first walk with a double-ended queue finds these distances.
    /// </remarks>
    private static void DropDependants(Dictionary<string, ParsedRule> parsed, IReadOnlySet<string> ruleIds, List<Diagnostic> diagnostics)
    {
        var rules = parsed.Values.ToList(); // in file order: nothing was added to the dictionary after a removal
        var position = new Dictionary<string, int>(rules.Count, StringComparer.Ordinal);
        for (var i = 0; i < rules.Count; i++)
        {
            position[rules[i].Definition.Id] = i;
        }

        // The sweep in which each rule is dropped (int.MaxValue: never); the dependants of each rule, by position.
        var sweep = new int[rules.Count];
        Array.Fill(sweep, int.MaxValue);
        var dependants = new List<int>?[rules.Count];
        var queue = new LinkedList<int>();
        for (var i = 0; i < rules.Count; i++)
        {
            foreach (var (target, _) in rules[i].References)
            {
                if (position.TryGetValue(target, out var referenced))
                {
                    (dependants[referenced] ??= []).Add(i);
                }
                else if (ruleIds.Contains(target) && sweep[i] != 1)
                {
                    sweep[i] = 1;
                    queue.AddLast(i);
                }
            }
        }

        var walked = new bool[rules.Count];
        while (queue.First is { } first)
        {
            var rule = first.Value;
            queue.RemoveFirst();
            if (walked[rule])
            {
                continue; // queued again when its sweep came down; walked with that already
            }

            walked[rule] = true;
            foreach (var dependant in dependants[rule] ?? [])
            {
                var cost = Cost(rule, dependant);
                if (cost < sweep[dependant])
                {
                    sweep[dependant] = cost;
                    if (cost == sweep[rule])
                    {
                        queue.AddFirst(dependant);
                    }
                    else
                    {
                        queue.AddLast(dependant);
                    }
                }
            }
        }

        var dropped = Enumerable.Range(0, rules.Count).Where(i => sweep[i] != int.MaxValue).OrderBy(i => sweep[i]).ThenBy(i => i).ToList();
        foreach (var i in dropped)
        {
            var rule = rules[i];
            foreach (var (target, at) in rule.References)
            {
                var missing = position.TryGetValue(target, out var referenced)
                    ? Cost(referenced, i) <= sweep[i]
                    : ruleIds.Contains(target);
                if (missing)
                {
                    diagnostics.Add(Diagnostic.Error(
                        DiagnosticCodes.UnknownPattern,
                        $"This rule refers to '{target}', which could not be loaded; it is left out too.",
                        at.Locate()));
                    break;
                }
            }

            parsed.Remove(rule.Definition.Id);
        }

        // The sweep in which the rule at 'dependant' finds the rule at 'referenced' gone.
        int Cost(int referenced, int dependant) =>
            sweep[referenced] == int.MaxValue ? int.MaxValue : referenced < dependant ? sweep[referenced] : sweep[referenced] + 1;
    }

    private static List<ParsedRule> Order(Dictionary<string, ParsedRule> parsed, List<Diagnostic> diagnostics)
    {
        var byOrder = parsed.Values.OrderBy(r => r.Definition.Order).ToList();
        var state = new Dictionary<string, int>(StringComparer.Ordinal); // 0 new, 1 visiting, 2 done
        var cycleEnds = new HashSet<string>(StringComparer.Ordinal);
        var ordered = new List<ParsedRule>();

        // A depth-first walk with a stack of its own (each rule and its next reference to follow), not recursion: a
        // chain of rules each naming the next by 'pattern' may be as long as the files allow.
        var path = new List<(ParsedRule Rule, int Next)>();
        var onPath = new Dictionary<string, int>(StringComparer.Ordinal); // id → its index in path

        void Visit(ParsedRule start)
        {
            state[start.Definition.Id] = 1;
            onPath[start.Definition.Id] = path.Count;
            path.Add((start, 0));
            while (path.Count > 0)
            {
                var (rule, next) = path[^1];
                if (next == rule.References.Count)
                {
                    path.RemoveAt(path.Count - 1);
                    onPath.Remove(rule.Definition.Id);
                    state[rule.Definition.Id] = 2;
                    ordered.Add(rule);
                    continue;
                }

                path[^1] = (rule, next + 1);
                var (target, at) = rule.References[next];
                if (!parsed.TryGetValue(target, out var referenced))
                {
                    continue;
                }

                switch (state.GetValueOrDefault(target))
                {
                    case 0:
                        state[target] = 1;
                        onPath[target] = path.Count;
                        path.Add((referenced, 0));
                        break;
                    case 1:
                        cycleEnds.Add(target);
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.RuleCycle,
                            $"Rules depend on each other in a cycle: {CycleText(path, onPath[target])} → {target}.",
                            at.Locate()));
                        break;
                }
            }
        }

        foreach (var rule in byOrder)
        {
            if (state.GetValueOrDefault(rule.Definition.Id) == 0)
            {
                Visit(rule);
            }
        }

        // A rule on a cycle, or depending on one, cannot be evaluated. Every rule on a cycle reaches the rule where the
        // cycle was found, and 'ordered' has each rule after those it refers to (but that one), so one pass finds them all.
        var excluded = new HashSet<string>(cycleEnds, StringComparer.Ordinal);
        foreach (var rule in ordered)
        {
            if (rule.References.Any(r => excluded.Contains(r.RuleId)))
            {
                excluded.Add(rule.Definition.Id);
            }
        }

        return ordered.Where(r => !excluded.Contains(r.Definition.Id)).ToList();
    }

    /// <summary>
    /// The ids of <paramref name="path"/> from <paramref name="from"/> on, joined by arrows; a long cycle shows its first
    /// and last ids around how many were left out, so that many cycles through a long chain cost no more than their count.
    /// </summary>
    private static string CycleText(List<(ParsedRule Rule, int Next)> path, int from)
    {
        var length = path.Count - from;
        if (length <= 2 * CycleIdsShownAtEachEnd + 1)
        {
            return string.Join(" → ", path.Skip(from).Select(step => step.Rule.Definition.Id));
        }

        var head = path.Skip(from).Take(CycleIdsShownAtEachEnd).Select(step => step.Rule.Definition.Id);
        var tail = path.Skip(path.Count - CycleIdsShownAtEachEnd).Select(step => step.Rule.Definition.Id);
        var skipped = string.Create(CultureInfo.InvariantCulture, $"… {length - (2 * CycleIdsShownAtEachEnd):N0} more …");
        return string.Join(" → ", head.Append(skipped).Concat(tail));
    }
}
