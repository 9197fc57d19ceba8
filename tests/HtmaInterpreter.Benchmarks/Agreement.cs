using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Benchmarks;

/// <summary>Checks that the hand-written rules and the engine fire the same rules, so the comparison is fair.</summary>
internal static class Agreement
{
    public static ClientContext[] Contexts { get; } =
    [
        Samples.CrampsContext,
        new()
        {
            Symptoms = new HashSet<string>(StringComparer.Ordinal) { "night_cramps", "cramps_after_meals" },
            Conditions = new HashSet<string>(StringComparer.Ordinal) { "pregnancy" },
            Lifestyle = new HashSet<string>(StringComparer.Ordinal) { "long_standing" },
            Diet = new HashSet<string>(StringComparer.Ordinal) { "phosphoric_acid_soft_drinks" },
            Sex = Panels.Sex.Male,
        },
    ];

    /// <summary>
    /// Throws when the two disagree on any sample panel, with no context or with each of <see cref="Contexts"/>: the
    /// findings must be equal field by field (evidence, tests, texts, sources, claims), and
    /// <see cref="RuleSet.FiredRules"/> and <see cref="HandWrittenDecisions"/> must fire the same rules. The hand-written
    /// rules build no NotEvaluated list, so that part of the output is not compared.
    /// </summary>
    /// <returns>How many (panel, context) cases were compared and how many findings they held.</returns>
    public static (int Cases, int Firings) Check(RuleSet rules, HandWrittenRules handWritten, HandWrittenDecisions decisions)
    {
        int cases = 0, firings = 0;
        foreach (var panel in Samples.All())
        {
            foreach (var context in Contexts.Prepend(null))
            {
                var input = Samples.InputFor(panel, context);
                var engine = rules.Evaluate(input).Findings;
                var hand = handWritten.Evaluate(input).Findings;
                var fired = engine.Select(f => (f.RuleId, f.Subject)).ToList();
                var decided = rules.FiredRules(input);
                var handDecided = decisions.Evaluate(input);
                var difference = Difference(engine, hand);
                if (difference is not null || !decided.Order().SequenceEqual(fired.Order()) || !handDecided.SequenceEqual(fired))
                {
                    throw new InvalidOperationException(
                        $"Engine and hand-written rules disagree on {panel.SampleId} (context {(context is null ? "none" : Array.IndexOf(Contexts, context))}): {difference}\n" +
                        $"  engine:       {string.Join(", ", fired)}\n  hand-written: {string.Join(", ", hand.Select(f => (f.RuleId, f.Subject)))}\n  decision:     {string.Join(", ", decided)}\n  hand-decided: {string.Join(", ", handDecided)}");
                }

                cases++;
                firings += engine.Count;
            }
        }

        return (cases, firings);
    }

    /// <summary>The first difference between two finding lists, or <c>null</c> when they are equal in every field.</summary>
    private static string? Difference(IReadOnlyList<Finding> engine, IReadOnlyList<Finding> hand)
    {
        if (engine.Count != hand.Count)
        {
            return $"{engine.Count} findings against {hand.Count}";
        }

        for (var i = 0; i < engine.Count; i++)
        {
            var (a, b) = (engine[i], hand[i]);
            var where = $"finding {i} ({a.RuleId} {a.Subject})";
            if (a.RuleId != b.RuleId || a.Subject != b.Subject || a.Title != b.Title || a.Severity != b.Severity || a.Category != b.Category
                || a.Explanation != b.Explanation || a.Source != b.Source || a.IsReferral != b.IsReferral
                || !a.Suggestions.SequenceEqual(b.Suggestions) || !a.ThresholdSources.SequenceEqual(b.ThresholdSources) || !a.Claims.SequenceEqual(b.Claims))
            {
                return $"{where}: a text, source, claim or severity differs";
            }

            if (a.Evidence.Count != b.Evidence.Count)
            {
                return $"{where}: evidence {Describe(a.Evidence)} against {Describe(b.Evidence)}";
            }

            for (var e = 0; e < a.Evidence.Count; e++)
            {
                var (x, y) = (a.Evidence[e], b.Evidence[e]);
                if (x != (y with { Tests = x.Tests }) || !x.Tests.SequenceEqual(y.Tests))
                {
                    return $"{where}: evidence {e}: {Describe([x])} against {Describe([y])}";
                }
            }
        }

        return null;
    }

    private static string Describe(IEnumerable<Evidence> evidence) =>
        string.Join("; ", evidence.Select(e => $"{e.Kind} {e.Name} {e.MilligramPercent} {e.LabValue} {e.Qualifier} {e.Level} {e.RatioValue} {e.Value} [{string.Join(" | ", e.Tests)}]"));
}
