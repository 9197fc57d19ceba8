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
