namespace HtmaInterpreter.Rules;

/// <summary>
/// Records which rules fire as bits (bit r: the rule evaluated r-th, for the first 64) and, when given a list, their ids
/// and subjects in evaluation order; it builds no findings. Used with the state's <see cref="EvaluationState.RecordsMissing"/> off.
/// </summary>
internal struct MaskSink(List<(string RuleId, string? Subject)>? fired) : IRuleSink
{
    /// <summary>The rules fired so far, as bits.</summary>
    public ulong Mask { get; private set; }

    /// <inheritdoc/>
    public readonly void Starting(EvaluationState state)
    {
    }

    /// <inheritdoc/>
    public void Fired(int ruleIndex, CompiledRule rule, int instanceIndex, CompiledInstance instance, EvaluationState state)
    {
        fired?.Add((rule.Id, instance.Subject));
        Mask |= ruleIndex < 64 ? 1UL << ruleIndex : 0;
    }

    /// <inheritdoc/>
    public readonly void Undecided(CompiledRule rule, int instanceIndex, CompiledInstance instance, EvaluationState state)
    {
    }

    /// <inheritdoc/>
    public readonly void NoSubject(CompiledRule rule)
    {
    }
}
