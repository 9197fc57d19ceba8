namespace HtmaInterpreter.Rules;

/// <summary>The working data of one evaluation, kept between evaluations: a state and the lists the output is gathered in.</summary>
internal sealed class EvaluationScratch(CompiledRuleSet compiled)
{
    /// <summary>The state the panel is loaded into.</summary>
    public EvaluationState State { get; } = new(compiled);

    /// <summary>The findings gathered, with their sort keys.</summary>
    public List<Ranked<Finding>> Findings { get; } = new(8);

    /// <summary>The undecided rules gathered, with their sort keys.</summary>
    public List<Ranked<UnevaluatedRule>> NotEvaluated { get; } = new(8);

    /// <summary>Gathers the evidence of one finding at a time.</summary>
    public EvidenceCollector Evidence { get; } = new();

    /// <summary>Empties everything for the next evaluation.</summary>
    public void Clear()
    {
        State.Clear();
        Findings.Clear();
        NotEvaluated.Clear();
        Evidence.Reset(null);
    }
}

/// <summary>
/// A few reusable scratches of one rule set, so that an evaluation allocates only its output. Taken and given back with
/// interlocked exchanges: a thread that finds every slot empty makes a new one.
/// </summary>
internal sealed class ScratchPool(CompiledRuleSet compiled)
{
    private readonly EvaluationScratch?[] _pool = new EvaluationScratch?[4];

    /// <summary>A scratch from the pool, or a new one.</summary>
    public EvaluationScratch Rent()
    {
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.Exchange(ref pool[i], null) is { } scratch)
            {
                return scratch;
            }
        }

        return new EvaluationScratch(compiled);
    }

    /// <summary>Clears <paramref name="scratch"/> and keeps it, unless the pool is full.</summary>
    public void Return(EvaluationScratch scratch)
    {
        scratch.Clear();
        var pool = _pool;
        for (var i = 0; i < pool.Length; i++)
        {
            if (Interlocked.CompareExchange(ref pool[i], scratch, null) is null)
            {
                return;
            }
        }
    }
}
