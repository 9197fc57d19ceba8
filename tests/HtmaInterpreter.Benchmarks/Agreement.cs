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

    /// <summary>Throws when the two disagree on any sample panel, with no context or with each of <see cref="Contexts"/>.</summary>
    /// <returns>How many (panel, context) cases were compared and how many rule firings they held.</returns>
    public static (int Cases, int Firings) Check(RuleSet rules, HandWrittenRules handWritten)
    {
        int cases = 0, firings = 0;
        foreach (var panel in Samples.All())
        {
            foreach (var context in Contexts.Prepend(null))
            {
                var input = Samples.InputFor(panel, context);
                var engine = rules.Evaluate(input).Findings.Select(f => (f.RuleId, f.Subject)).ToList();
                var hand = handWritten.Evaluate(input);
                var decided = rules.FiredRules(input);
                if (!engine.SequenceEqual(hand) || !decided.Order().SequenceEqual(engine.Order()))
                {
                    throw new InvalidOperationException(
                        $"Engine and hand-written rules disagree on {panel.SampleId} (context {(context is null ? "none" : Array.IndexOf(Contexts, context))}):\n" +
                        $"  engine:       {string.Join(", ", engine)}\n  hand-written: {string.Join(", ", hand)}\n  decision:     {string.Join(", ", decided)}");
                }

                cases++;
                firings += engine.Count;
            }
        }

        return (cases, firings);
    }
}
