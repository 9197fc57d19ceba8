using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>A bound, type-checked condition. <see cref="Start"/>/<see cref="End"/> are offsets in the condition text.</summary>
internal abstract record ConditionNode(int Start, int End);

/// <summary>
/// <c>a and b and ...</c> (two or more items, in order): a chain is one node rather than a tree as deep as it is long,
/// so that no pass over a condition recurses once per term.
/// </summary>
internal sealed record AndNode(IReadOnlyList<ConditionNode> Items) : ConditionNode(Items[0].Start, Items[^1].End);

/// <summary><c>a or b or ...</c> (two or more items, in order), one node like <see cref="AndNode"/>.</summary>
internal sealed record OrNode(IReadOnlyList<ConditionNode> Items) : ConditionNode(Items[0].Start, Items[^1].End);

internal sealed record NotNode(ConditionNode Operand, int NotStart) : ConditionNode(NotStart, Operand.End);

/// <summary>A test that reads inputs directly; the unit that evidence is built from. <see cref="Text"/> is how it reads.</summary>
internal abstract record LeafNode(int Start, int End, string Text) : ConditionNode(Start, End);

internal sealed record CompareNode(Operand Left, CompareOp Op, Operand Right, int Start, int End, string Text) : LeafNode(Start, End, Text);

internal enum LevelWord
{
    Low,
    Within,
    High,

    /// <summary><c>is ungraded</c>: the lab profile has no range, limit or graded ideal for the element.</summary>
    Ungraded,
}

/// <summary><c>Ca is high</c>; <see cref="ElementIndex"/> is -1 for the <c>element</c> placeholder of a <c>for_each</c> rule.</summary>
internal sealed record LevelNode(int ElementIndex, LevelWord Level, bool Negated, int Start, int End, string Text) : LeafNode(Start, End, Text)
{
    /// <summary>True for <c>previous.X is ...</c>: the test reads the earlier test of a retest pair.</summary>
    public bool Previous { get; init; }
}

internal enum OxidationField
{
    Type,
    Lean,
    Degree,
}

internal sealed record OxidationNode(OxidationField Field, OxidationType Type, OxidationDegree Degree, bool Negated, int Start, int End, string Text) : LeafNode(Start, End, Text)
{
    /// <summary>True for <c>previous.oxidation ...</c>: the test reads the earlier test of a retest pair.</summary>
    public bool Previous { get; init; }
}

internal sealed record FourLowsNode(int Start, int End, string Text) : LeafNode(Start, End, Text)
{
    /// <summary>True for <c>previous.four_lows</c>.</summary>
    public bool Previous { get; init; }
}

internal sealed record SexNode(Sex Sex, bool Negated, int Start, int End, string Text) : LeafNode(Start, End, Text);

internal sealed record SampleNode(SampleTreatment Treatment, bool Negated, int Start, int End, string Text) : LeafNode(Start, End, Text);

/// <summary><c>context.symptoms includes any(a, b)</c> or <c>context.a is true</c>: true when the list holds any of the values.</summary>
internal sealed record ContextNode(string ListKey, IReadOnlyList<string> Values, bool Negated, int Start, int End, string Text) : LeafNode(Start, End, Text);

/// <summary><c>pattern id</c> / <c>fired(id)</c>, or with <see cref="Undecided"/> <c>undecided(id)</c>.</summary>
internal sealed record RuleRefNode(string RuleId, int Start, int End, string Text) : LeafNode(Start, End, Text)
{
    /// <summary>True for <c>undecided(id)</c>: true when that rule could not be decided, false when it was; never unknown.</summary>
    public bool Undecided { get; init; }
}

/// <summary><c>count(c1, c2, ...) &gt;= n</c>: compares how many of the conditions hold with <see cref="Count"/>.</summary>
internal sealed record CountNode(IReadOnlyList<ConditionNode> Items, CompareOp Op, int Count, int Start, int End) : ConditionNode(Start, End);

internal enum OperandKind
{
    Element,
    Ratio,
    Number,
    Age,
}

/// <summary>A value in a comparison. For a number, <see cref="Value"/> is in mg% when it carried a unit or faces an element.</summary>
internal sealed record Operand(OperandKind Kind, string Text, int Start, int End)
{
    /// <summary>Element: catalogue index (-1 for the <c>element</c> placeholder). Ratio: index in the known ratio list.</summary>
    public int Index { get; init; }

    public double Value { get; init; }

    public bool HasUnit { get; init; }

    /// <summary>True for <c>previous.X</c>: the value of the earlier test of a retest pair.</summary>
    public bool Previous { get; init; }
}
