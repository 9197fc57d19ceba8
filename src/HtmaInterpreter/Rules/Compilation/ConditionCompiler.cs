using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>A compiled condition: reads the evaluation state and answers true, false or unknown.</summary>
internal delegate Truth Condition(EvaluationState state);

/// <summary>Reads a numeric operand as an interval; false (after recording what is missing) when it has no value.</summary>
internal delegate bool OperandReader(EvaluationState state, out double low, out double high);

/// <summary>An input a leaf reads, for evidence.</summary>
/// <remarks><see cref="Previous"/> marks an input of the earlier test of a retest pair (named <c>previous.X</c>).</remarks>
/// <remarks><see cref="Values"/> holds, for a context list, the values the test asks about.</remarks>
internal readonly record struct EvidenceAtom(EvidenceKind Kind, string Name, int Index, string[]? Values = null, bool Previous = false);

/// <summary>A test of a compiled condition, kept to explain a finding: how it reads and what it read.</summary>
internal sealed record CompiledLeaf(string Text, IReadOnlyList<EvidenceAtom> Atoms)
{
    /// <summary><see cref="Text"/> as a read-only one-item list, shared by every finding whose evidence cites this test alone.</summary>
    public IReadOnlyList<string> Tests { get; } = Array.AsReadOnly([Text]);
}

internal enum ExplainKind
{
    And,
    Or,
    Not,
    Count,
    Leaf,
}

/// <summary>Receives the tests an explanation walk finds.</summary>
internal interface IExplainSink
{
    void Use(CompiledLeaf leaf);
}

/// <summary>A node of the explanation tree.</summary>
internal sealed record ExplainNode(ExplainKind Kind, Condition Condition, IReadOnlyList<ExplainNode> Children, CompiledLeaf? Leaf)
{
    /// <summary>Gives <paramref name="sink"/> each test that made this node come out as <paramref name="wanted"/>.</summary>
    public void Walk(EvaluationState state, Truth wanted, IExplainSink sink)
    {
        var children = Children;
        switch (Kind)
        {
            case ExplainKind.Leaf:
                if (Condition(state) == wanted)
                {
                    sink.Use(Leaf!);
                }

                break;
            case ExplainKind.Not:
                children[0].Walk(state, wanted == Truth.True ? Truth.False : Truth.True, sink);
                break;
            case ExplainKind.Count:
                for (var i = 0; i < children.Count; i++)
                {
                    children[i].Walk(state, Truth.True, sink);
                }

                break;
            default:
                // A true 'and' rests on all its parts, a true 'or' on its true parts (and the reverse for false).
                var all = (Kind == ExplainKind.And) == (wanted == Truth.True);
                for (var i = 0; i < children.Count; i++)
                {
                    var child = children[i];
                    if (all || child.Condition(state) == wanted)
                    {
                        child.Walk(state, wanted, sink);
                    }
                }

                break;
        }
    }
}

/// <summary>
/// Turns bound condition trees into closures, once, at load time. Evaluation then runs plain delegate calls over arrays
/// indexed at load time: no reflection, no dictionary lookups by name, no allocation unless an input is missing.
/// Conditions name elements by catalogue index (<paramref name="elementSymbols"/>); what they compile to reads the
/// evaluation state by slot (<paramref name="slotOf"/>, by catalogue index), as do the evidence atoms.
/// </summary>
internal sealed partial class ConditionCompiler(string[] elementSymbols, int[] slotOf, string[] ratioNames, IReadOnlyDictionary<string, int> ruleIndex)
{
    public Condition Compile(ConditionNode node, int placeholder) => node switch
    {
        AndNode and => And([.. and.Items.Select(item => Compile(item, placeholder))]),
        OrNode or => Or([.. or.Items.Select(item => Compile(item, placeholder))]),
        NotNode not => Not(Compile(not.Operand, placeholder)),
        CountNode count => Count([.. count.Items.Select(item => Compile(item, placeholder))], count.Op, count.Count),
        CompareNode compare => Compare(compare, placeholder),
        LevelNode level => OnPrevious(Level(level, Resolve(level.ElementIndex, placeholder)), level.Previous),
        OxidationNode oxidation => OnPrevious(Oxidation(oxidation), oxidation.Previous),
        FourLowsNode fourLows => OnPrevious(FourLows(), fourLows.Previous),
        SexNode sex => Sex(sex),
        SampleNode sample => Sample(sample),
        ContextNode context => Context(context),
        RuleRefNode reference => RuleReference(reference),
        _ => throw new InvalidOperationException($"No compiler for {node.GetType().Name}."),
    };

    /// <summary>
    /// The condition compiled as a tree kept to explain a finding: walking it with the truth each node had tells which
    /// tests actually carried the result (only the true branches of an <c>or</c>, for instance). The root's
    /// <see cref="ExplainNode.Condition"/> is the compiled condition (what <see cref="Compile"/> gives): each node's
    /// closure is built from its children's, so the whole is compiled once, in time linear in the condition's size.
    /// </summary>
    public ExplainNode Explain(ConditionNode node, int placeholder)
    {
        switch (node)
        {
            case AndNode and:
                var andItems = ExplainAll(and.Items, placeholder);
                return new ExplainNode(ExplainKind.And, And(ConditionsOf(andItems)), andItems, null);
            case OrNode or:
                var orItems = ExplainAll(or.Items, placeholder);
                return new ExplainNode(ExplainKind.Or, Or(ConditionsOf(orItems)), orItems, null);
            case NotNode not:
                var operand = Explain(not.Operand, placeholder);
                return new ExplainNode(ExplainKind.Not, Not(operand.Condition), [operand], null);
            case CountNode count:
                var countItems = ExplainAll(count.Items, placeholder);
                return new ExplainNode(ExplainKind.Count, Count(ConditionsOf(countItems), count.Op, count.Count), countItems, null);
            case LeafNode leaf:
                return new ExplainNode(
                    ExplainKind.Leaf,
                    Compile(node, placeholder),
                    [],
                    new CompiledLeaf(placeholder >= 0 ? ReplacePlaceholder(leaf.Text, elementSymbols[placeholder]) : leaf.Text, AtomsOf(leaf, placeholder)));
            default:
                throw new InvalidOperationException($"No explanation for {node.GetType().Name}.");
        }
    }

    private ExplainNode[] ExplainAll(IReadOnlyList<ConditionNode> items, int placeholder) =>
        [.. items.Select(item => Explain(item, placeholder))];

    private static Condition[] ConditionsOf(ExplainNode[] nodes) => [.. nodes.Select(node => node.Condition)];

    public IReadOnlyList<EvidenceAtom> AtomsOf(LeafNode leaf, int placeholder)
    {
        switch (leaf)
        {
            case CompareNode compare:
                return [.. new[] { compare.Left, compare.Right }.Where(o => o.Kind != OperandKind.Number).Select(o => OperandAtom(o, placeholder))];
            case LevelNode level:
                var index = Resolve(level.ElementIndex, placeholder);
                return [Atom(EvidenceKind.Element, elementSymbols[index], slotOf[index], level.Previous)];
            case OxidationNode oxidation:
                return [Atom(EvidenceKind.Oxidation, "oxidation", 0, oxidation.Previous)];
            case FourLowsNode fourLows:
                return [Atom(EvidenceKind.Oxidation, "four_lows", 0, fourLows.Previous)];
            case SexNode:
                return [new EvidenceAtom(EvidenceKind.Client, "sex", 0)];
            case SampleNode:
                return [new EvidenceAtom(EvidenceKind.Sample, "sample", 0)];
            case ContextNode context:
                return [new EvidenceAtom(EvidenceKind.Context, context.ListKey, 0, [.. context.Values])];
            case RuleRefNode reference:
                return [new EvidenceAtom(EvidenceKind.Rule, reference.RuleId, ruleIndex[reference.RuleId])];
            default:
                return [];
        }
    }

    public EvidenceAtom OperandAtom(Operand operand, int placeholder) => operand.Kind switch
    {
        OperandKind.Element => Atom(EvidenceKind.Element, elementSymbols[Resolve(operand.Index, placeholder)], slotOf[Resolve(operand.Index, placeholder)], operand.Previous),
        OperandKind.Ratio => Atom(EvidenceKind.Ratio, ratioNames[operand.Index], operand.Index, operand.Previous),
        _ => new EvidenceAtom(EvidenceKind.Client, "age", 0),
    };

    private static EvidenceAtom Atom(EvidenceKind kind, string name, int index, bool previous) =>
        previous ? new EvidenceAtom(kind, "previous." + name, index, Previous: true) : new EvidenceAtom(kind, name, index);

    /// <summary>Evaluates a test on the earlier test of a retest pair; unknown (and named as missing) when there is none.</summary>
    private static Condition OnPrevious(Condition condition, bool previous) => !previous ? condition : state =>
    {
        if (state.Previous is { } earlier)
        {
            return condition(earlier);
        }

        state.Miss("previous test");
        return Truth.Unknown;
    };

    internal static string ReplacePlaceholder(string text, string symbol) =>
        System.Text.RegularExpressions.Regex.Replace(text, @"\belement\b", symbol);

    private static int Resolve(int index, int placeholder) => index == -1 ? placeholder : index;

    private static Truth Negate(Truth truth) => truth switch
    {
        Truth.True => Truth.False,
        Truth.False => Truth.True,
        _ => Truth.Unknown,
    };

    private static Truth Of(bool value) => value ? Truth.True : Truth.False;

    /// <summary>
    /// <c>a and b and ...</c>: false at the first false item (the rest are not evaluated), true when all are true,
    /// else unknown; as a left-nested chain of two-item <c>and</c>s would give, without nesting.
    /// </summary>
    private static Condition And(Condition[] items) => items.Length == 2 ? And(items[0], items[1]) : Junction(items, Truth.False);

    /// <summary><c>a or b or ...</c>: true at the first true item, false when all are false, else unknown.</summary>
    private static Condition Or(Condition[] items) => items.Length == 2 ? Or(items[0], items[1]) : Junction(items, Truth.True);

    /// <summary>An <c>and</c> (<paramref name="decides"/> false) or <c>or</c> (true) of any number of items.</summary>
    private static Condition Junction(Condition[] items, Truth decides)
    {
        var other = Negate(decides);
        return state =>
        {
            var undecided = false;
            foreach (var item in items)
            {
                var truth = item(state);
                if (truth == decides)
                {
                    return decides;
                }

                undecided |= truth != other;
            }

            return undecided ? Truth.Unknown : other;
        };
    }

    private static Condition And(Condition left, Condition right) => state =>
    {
        var a = left(state);
        if (a == Truth.False)
        {
            return Truth.False;
        }

        var b = right(state);
        if (b == Truth.False)
        {
            return Truth.False;
        }

        return a == Truth.True && b == Truth.True ? Truth.True : Truth.Unknown;
    };

    private static Condition Or(Condition left, Condition right) => state =>
    {
        var a = left(state);
        if (a == Truth.True)
        {
            return Truth.True;
        }

        var b = right(state);
        if (b == Truth.True)
        {
            return Truth.True;
        }

        return a == Truth.False && b == Truth.False ? Truth.False : Truth.Unknown;
    };

    private static Condition Not(Condition operand) => state => Negate(operand(state));

    private static Condition Count(Condition[] items, CompareOp op, int wanted) => state =>
    {
        int trues = 0, unknowns = 0;
        foreach (var item in items)
        {
            switch (item(state))
            {
                case Truth.True: trues++; break;
                case Truth.Unknown: unknowns++; break;
            }
        }

        return CountResult(op, trues, unknowns, wanted);
    };

    /// <summary>True or false when every count the unknown items allow compares the same way with <paramref name="wanted"/>; else unknown.</summary>
    private static Truth CountResult(CompareOp op, int trues, int unknowns, int wanted)
    {
        var first = CompareExact(op, trues, wanted);
        for (var possible = trues + 1; possible <= trues + unknowns; possible++)
        {
            if (CompareExact(op, possible, wanted) != first)
            {
                return Truth.Unknown;
            }
        }

        return Of(first);
    }

    private static bool CompareExact(CompareOp op, double a, double b) => op switch
    {
        CompareOp.Less => a < b,
        CompareOp.LessOrEqual => a <= b,
        CompareOp.Greater => a > b,
        CompareOp.GreaterOrEqual => a >= b,
        CompareOp.Equal => a == b,
        _ => a != b,
    };

    /// <summary>Compares two intervals: true or false when every value in them agrees, unknown otherwise.</summary>
    internal static Truth CompareIntervals(CompareOp op, double aLow, double aHigh, double bLow, double bHigh)
    {
        switch (op)
        {
            case CompareOp.Greater:
                return aLow > bHigh ? Truth.True : aHigh <= bLow ? Truth.False : Truth.Unknown;
            case CompareOp.GreaterOrEqual:
                return aLow >= bHigh ? Truth.True : aHigh < bLow ? Truth.False : Truth.Unknown;
            case CompareOp.Less:
                return aHigh < bLow ? Truth.True : aLow >= bHigh ? Truth.False : Truth.Unknown;
            case CompareOp.LessOrEqual:
                return aHigh <= bLow ? Truth.True : aLow > bHigh ? Truth.False : Truth.Unknown;
            default:
                var equal = aLow == aHigh && bLow == bHigh
                    ? Of(aLow == bLow)
                    : aHigh < bLow || aLow > bHigh ? Truth.False : Truth.Unknown;
                return op == CompareOp.Equal ? equal : Negate(equal);
        }
    }

    private OperandReader Reader(Operand operand, int placeholder)
    {
        if (operand.Previous)
        {
            var current = Reader(operand with { Previous = false }, placeholder);
            return (EvaluationState state, out double low, out double high) =>
            {
                if (state.Previous is { } earlier)
                {
                    return current(earlier, out low, out high);
                }

                low = high = double.NaN;
                state.Miss("previous test");
                return false;
            };
        }

        var (kind, number) = (operand.Kind, operand.Value);
        var (index, name) = OperandConstants(operand, placeholder);
        return (EvaluationState state, out double low, out double high) => ReadOperand(state, kind, index, number, name, out low, out high);
    }

    private Condition Compare(CompareNode node, int placeholder)
    {
        if (IsRatioVersusNumber(node))
        {
            var (index, name) = OperandConstants(node.Left, placeholder);
            var (ratioOp, number) = (node.Op, node.Right.Value);
            return state => RatioTest(state, ratioOp, index, number, name);
        }

        if (IsElementVersusNumber(node))
        {
            var (slot, symbol) = OperandConstants(node.Left, placeholder);
            var (elementOp, amount, uncertainText) = (node.Op, node.Right.Value, CompareUncertain(node, placeholder));
            return state => ElementTest(state, elementOp, slot, amount, symbol, uncertainText);
        }

        var left = Reader(node.Left, placeholder);
        var right = Reader(node.Right, placeholder);
        var op = node.Op;
        var uncertain = CompareUncertain(node, placeholder);
        return state =>
        {
            // Read both sides before deciding, so every missing input is named.
            var hasLeft = left(state, out var aLow, out var aHigh);
            var hasRight = right(state, out var bLow, out var bHigh);
            return Decide(state, op, hasLeft, aLow, aHigh, hasRight, bLow, bHigh, uncertain);
        };
    }

    /// <summary>Whether a comparison is of a current-test ratio with a number (<c>Ca/K &gt; 10</c>), the commonest test.</summary>
    private static bool IsRatioVersusNumber(CompareNode node) =>
        node.Left is { Kind: OperandKind.Ratio, Previous: false } && node.Right is { Kind: OperandKind.Number, Previous: false };

    /// <summary>Whether a comparison is of a current-test element with a number (<c>Mg &gt; 20 mg%</c>).</summary>
    private static bool IsElementVersusNumber(CompareNode node) =>
        node.Left is { Kind: OperandKind.Element, Previous: false } && node.Right is { Kind: OperandKind.Number, Previous: false };

    /// <summary>
    /// What <see cref="CompareTest"/> gives for an element compared with a number, in one step: the element's reading is
    /// an interval (a detection limit), so the answer can be uncertain, and is then named as such.
    /// </summary>
    internal static Truth ElementTest(EvaluationState state, CompareOp op, int slot, double number, string symbol, string uncertain)
    {
        var reading = state.Elements[slot];
        if (!reading.Present)
        {
            state.Miss(symbol);
            return Truth.Unknown;
        }

        return Decide(state, op, true, reading.Low, reading.High, true, number, number, uncertain);
    }

    /// <summary>
    /// What <see cref="CompareTest"/> gives for a ratio compared with a number, in one step: a ratio is a single value,
    /// so the answer is never uncertain; a ratio that could not be worked out is named as missing.
    /// </summary>
    internal static Truth RatioTest(EvaluationState state, CompareOp op, int index, double number, string name)
    {
        var value = state.Ratios[index];
        if (double.IsNaN(value))
        {
            state.Miss(name);
            return Truth.Unknown;
        }

        return Of(CompareExact(op, value, number));
    }

    /// <summary>A comparison's answer once both sides are read: unknown when one is missing or the intervals overlap.</summary>
    private static Truth Decide(EvaluationState state, CompareOp op, bool hasLeft, double aLow, double aHigh, bool hasRight, double bLow, double bHigh, string uncertain)
    {
        if (!hasLeft || !hasRight)
        {
            return Truth.Unknown;
        }

        var truth = CompareIntervals(op, aLow, aHigh, bLow, bHigh);
        if (truth == Truth.Unknown)
        {
            state.Miss(uncertain);
        }

        return truth;
    }

    private string CompareUncertain(CompareNode node, int placeholder) =>
        $"{(placeholder >= 0 ? ReplacePlaceholder(node.Text, elementSymbols[placeholder]) : node.Text)} (an exact value is not reported: below detection or above quantitation limit)";

    /// <summary>Reads a current-test operand of any kind (<see cref="Reader"/> wraps it in a delegate).</summary>
    private static bool ReadOperand(EvaluationState state, OperandKind kind, int index, double number, string name, out double low, out double high)
    {
        switch (kind)
        {
            case OperandKind.Number:
                low = high = number;
                return true;
            case OperandKind.Age:
                if (state.AgeYears is { } age)
                {
                    low = high = age;
                    return true;
                }

                low = high = double.NaN;
                state.Miss("age");
                return false;
            case OperandKind.Ratio:
                low = high = state.Ratios[index];
                if (!double.IsNaN(low))
                {
                    return true;
                }

                state.Miss(name);
                return false;
            default:
                var reading = state.Elements[index];
                low = reading.Low;
                high = reading.High;
                if (reading.Present)
                {
                    return true;
                }

                state.Miss(name);
                return false;
        }
    }

    /// <summary>A comparison of two current-test operands, as <see cref="Compare"/> compiles it.</summary>
    internal static Truth CompareTest(
        EvaluationState state,
        CompareOp op,
        OperandKind leftKind,
        int leftIndex,
        double leftNumber,
        string leftName,
        OperandKind rightKind,
        int rightIndex,
        double rightNumber,
        string rightName,
        string uncertain)
    {
        // Read both sides before deciding, so every missing input is named.
        var hasLeft = ReadOperand(state, leftKind, leftIndex, leftNumber, leftName, out var aLow, out var aHigh);
        var hasRight = ReadOperand(state, rightKind, rightIndex, rightNumber, rightName, out var bLow, out var bHigh);
        return Decide(state, op, hasLeft, aLow, aHigh, hasRight, bLow, bHigh, uncertain);
    }

    /// <summary>The index (element slot or ratio index) and name an operand is read by.</summary>
    private (int Index, string Name) OperandConstants(Operand operand, int placeholder) => operand.Kind switch
    {
        OperandKind.Ratio => (operand.Index, ratioNames[operand.Index]),
        OperandKind.Element => (slotOf[Resolve(operand.Index, placeholder)], elementSymbols[Resolve(operand.Index, placeholder)]),
        _ => (0, "age"),
    };

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

    private (int Element, int Target, bool Negated, string Symbol, string Uncertain) LevelConstants(LevelNode node, int catalogIndex)
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
    private static Truth LevelTest(EvaluationState state, int element, int target, bool negated, string symbol, string uncertain)
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

    private static Truth OxidationTest(EvaluationState state, OxidationField field, OxidationType type, OxidationDegree degree, bool negated)
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

    private static Truth FourLowsTest(EvaluationState state)
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

    private static Truth SexTest(EvaluationState state, Sex sex, bool negated)
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

    private static Truth SampleTest(EvaluationState state, SampleTreatment treatment, bool negated)
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

    private static (string Key, string[] Values, bool Negated, string Missing) ContextConstants(ContextNode node) =>
        (node.ListKey, node.Values.ToArray(), node.Negated, $"client context: {node.ListKey}");

    private static Truth ContextTest(EvaluationState state, string key, string[] values, bool negated, string missing)
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
    private static Truth UndecidedTest(EvaluationState state, int index) => Of(state.RuleResults[index] == Truth.Unknown);

    private static string RuleReferenceMissing(RuleRefNode node) => $"rule {node.RuleId} (not evaluated)";

    private static Truth RuleReferenceTest(EvaluationState state, int index, string missing)
    {
        var truth = state.RuleResults[index];
        if (truth == Truth.Unknown)
        {
            state.Miss(missing);
        }

        return truth;
    }
}
