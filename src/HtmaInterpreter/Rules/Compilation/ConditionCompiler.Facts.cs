using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>The tests that look a fact up: an element's level against the lab profile, oxidation, four lows, sex, sample, client context and rule references.</summary>
internal sealed partial class ConditionCompiler
{
    private static int Rank(ElementLevel level) => level switch
    {
        ElementLevel.Low => 0,
        ElementLevel.WithinRange => 1,
        _ => 2,
    };

    private Condition Level(LevelNode node, int catalogIndex)
    {
        var (element, target, negated, symbol, uncertain) = LevelConstants(node, catalogIndex);
        return state => LevelTest(state, element, target, negated, symbol, uncertain);
    }

    /// <summary>What <see cref="LevelTest"/> is called with for a level test of one element.</summary>
    internal (int Element, int Target, bool Negated, string Symbol, string Uncertain) LevelConstants(LevelNode node, int catalogIndex)
    {
        var symbol = elementSymbols[catalogIndex];
        var target = node.Level switch
        {
            LevelWord.Low => 0,
            LevelWord.Within => 1,
            LevelWord.High => 2,
            _ => UngradedTarget,
        };
        return (slotOf[catalogIndex], target, node.Negated, symbol, $"{symbol} (an exact value is not reported: below detection or above quantitation limit)");
    }

    /// <summary>The target of <c>is ungraded</c> in <see cref="LevelTest"/>.</summary>
    private const int UngradedTarget = 3;

    /// <summary><c>X is low/within/high/ungraded</c> (target 0/1/2/3) on element slot <paramref name="element"/>.</summary>
    internal static Truth LevelTest(EvaluationState state, int element, int target, bool negated, string symbol, string uncertain)
    {
        var levels = state.Levels;
        if (levels is null)
        {
            state.Miss("lab profile");
            return Truth.Unknown;
        }

        if (!state.Elements[element].Present)
        {
            state.Miss(symbol);
            return Truth.Unknown;
        }

        if (target == UngradedTarget)
        {
            // A property of the profile, asked only of a reported element: the reading itself does not matter.
            return Of(levels.Grades(element) == negated);
        }

        // Several tests of a panel often read the same element's level: it is worked out once per panel.
        if (!state.TryGetLevels(element, out var lowLevel, out var highLevel))
        {
            // The reading holds the amount as a double: its low end, or its high end below a detection limit.
            var amount = state.Amounts[element];
            var reading = state.Elements[element];
            (lowLevel, highLevel) = state.Qualifiers[element] switch
            {
                MeasurementQualifier.Exact => (levels.LevelOf(element, amount, reading.Low), (ElementLevel?)null),
                MeasurementQualifier.BelowDetectionLimit => (levels.LevelOf(element, 0m, 0d), levels.LevelOf(element, amount, reading.High)),
                MeasurementQualifier.NotDetected => (levels.LevelOf(element, 0m, 0d), null),
                _ => (levels.LevelOf(element, amount, reading.Low), ElementLevel.High),
            };
            state.SetLevels(element, lowLevel, highLevel);
        }
        if (lowLevel == ElementLevel.Unknown || highLevel == ElementLevel.Unknown)
        {
            state.Miss(levels.UnknownLevelMessages[element]);
            return Truth.Unknown;
        }

        var lowRank = Rank(lowLevel);
        var highRank = highLevel is { } high ? Rank(high) : lowRank;
        Truth truth;
        if (lowRank == highRank)
        {
            truth = Of(lowRank == target);
        }
        else if (target < lowRank || target > highRank)
        {
            truth = Truth.False;
        }
        else
        {
            state.Miss(uncertain);
            truth = Truth.Unknown;
        }

        return negated ? Negate(truth) : truth;
    }

    private static Condition Oxidation(OxidationNode node)
    {
        var (field, type, degree, negated) = (node.Field, node.Type, node.Degree, node.Negated);
        return state => OxidationTest(state, field, type, degree, negated);
    }

    /// <summary>Compares the oxidation type, lean or degree.</summary>
    internal static Truth OxidationTest(EvaluationState state, OxidationField field, OxidationType type, OxidationDegree degree, bool negated)
    {
        if (!state.HasOxidation)
        {
            state.Miss("oxidation type");
            return Truth.Unknown;
        }

        var found = state.OxidationType;
        if (found == OxidationType.Indeterminate && !(field == OxidationField.Type && type == OxidationType.Indeterminate))
        {
            state.Miss("oxidation type (the model could not decide)");
            return Truth.Unknown;
        }

        var truth = field switch
        {
            OxidationField.Type => Of(found == type),
            OxidationField.Lean => Of((found == OxidationType.Mixed ? state.OxidationLean : found) == type),
            _ => Of(state.OxidationDegree == degree),
        };
        return negated ? Negate(truth) : truth;
    }

    private static Condition FourLows() => FourLowsTest;

    /// <summary>Whether the oxidation result has four lows.</summary>
    internal static Truth FourLowsTest(EvaluationState state)
    {
        if (!state.HasOxidation)
        {
            state.Miss("oxidation result (four lows)");
            return Truth.Unknown;
        }

        return Of(state.FourLows);
    }

    private static Condition Sex(SexNode node)
    {
        var (sex, negated) = (node.Sex, node.Negated);
        return state => SexTest(state, sex, negated);
    }

    /// <summary>Compares the client's sex.</summary>
    internal static Truth SexTest(EvaluationState state, Sex sex, bool negated)
    {
        if (state.Sex == Panels.Sex.Unknown)
        {
            state.Miss("sex");
            return Truth.Unknown;
        }

        var truth = Of(state.Sex == sex);
        return negated ? Negate(truth) : truth;
    }

    private static Condition Sample(SampleNode node)
    {
        var (treatment, negated) = (node.Treatment, node.Negated);
        return state => SampleTest(state, treatment, negated);
    }

    /// <summary>Compares the sample treatment (washed or unwashed).</summary>
    internal static Truth SampleTest(EvaluationState state, SampleTreatment treatment, bool negated)
    {
        if (state.Treatment == SampleTreatment.Unknown)
        {
            state.Miss("sample treatment (washed or unwashed)");
            return Truth.Unknown;
        }

        var truth = Of(state.Treatment == treatment);
        return negated ? Negate(truth) : truth;
    }

    private static Condition Context(ContextNode node)
    {
        var (key, values, negated, missing) = ContextConstants(node);
        return state => ContextTest(state, key, values, negated, missing);
    }

    /// <summary>What <see cref="ContextTest"/> is called with for a context test.</summary>
    internal static (string Key, string[] Values, bool Negated, string Missing) ContextConstants(ContextNode node) =>
        (node.ListKey, node.Values.ToArray(), node.Negated, $"client context: {node.ListKey}");

    /// <summary>Whether the client stated any of the values (negated for <c>is false</c>).</summary>
    internal static Truth ContextTest(EvaluationState state, string key, string[] values, bool negated, string missing)
    {
        if (state.Context?.ValuesOf(key) is not { } stated)
        {
            state.Miss(missing);
            return Truth.Unknown;
        }

        var found = false;
        foreach (var value in values)
        {
            if (stated.Contains(value))
            {
                found = true;
                break;
            }
        }

        return Of(found != negated);
    }

    private Condition RuleReference(RuleRefNode node)
    {
        var (index, missing) = (ruleIndex[node.RuleId], RuleReferenceMissing(node));
        return node.Undecided ? state => UndecidedTest(state, index) : state => RuleReferenceTest(state, index, missing);
    }

    /// <summary><c>undecided(id)</c>: whether that rule stayed unknown on this panel; always decided.</summary>
    internal static Truth UndecidedTest(EvaluationState state, int index) => Of(state.RuleResults[index] == Truth.Unknown);

    /// <summary>What a rule reference names as missing when that rule was not decided.</summary>
    internal static string RuleReferenceMissing(RuleRefNode node) => $"rule {node.RuleId} (not evaluated)";

    /// <summary>A rule reference: the referenced rule's result on this panel.</summary>
    internal static Truth RuleReferenceTest(EvaluationState state, int index, string missing)
    {
        var truth = state.RuleResults[index];
        if (truth == Truth.Unknown)
        {
            state.Miss(missing);
        }

        return truth;
    }
}
