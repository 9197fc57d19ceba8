namespace HtmaInterpreter.Rules;

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

    /// <summary>A catalogue index, or the subject's for the placeholder <c>element</c> (-1).</summary>
    internal static int Resolve(int index, int placeholder) => index == -1 ? placeholder : index;

    /// <summary>Three-valued not.</summary>
    internal static Truth Negate(Truth truth) => truth switch
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
    internal static Truth CountResult(CompareOp op, int trues, int unknowns, int wanted)
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

    /// <summary>The evaluation index of a rule (what a rule reference reads in <see cref="EvaluationState.RuleResults"/>).</summary>
    internal int RuleIndexOf(string ruleId) => ruleIndex[ruleId];
}
