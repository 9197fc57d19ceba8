namespace HtmaInterpreter.Rules;

/// <summary>
/// Receives what <see cref="RuleEvaluator.Run"/> decides: which rule instances fire and which stay undecided. A sink is a
/// struct, so that the loop is compiled once per kind of sink and its calls inline (a sink that ignores a call costs nothing).
/// </summary>
internal interface IRuleSink
{
    /// <summary>Called before an instance is decided (a sink that names missing inputs clears the state's list here).</summary>
    void Starting(EvaluationState state);

    /// <summary>Instance <paramref name="instanceIndex"/> of rule <paramref name="ruleIndex"/> (in evaluation order) fired.</summary>
    void Fired(int ruleIndex, CompiledRule rule, int instanceIndex, CompiledInstance instance, EvaluationState state);

    /// <summary>The instance could not be decided: what it lacked is in <see cref="EvaluationState.Missing"/>.</summary>
    void Undecided(CompiledRule rule, int instanceIndex, CompiledInstance instance, EvaluationState state);

    /// <summary>A <c>for_each</c> rule had none of its elements on the panel.</summary>
    void NoSubject(CompiledRule rule);
}

/// <summary>
/// The one evaluation loop: decides every rule instance of a set on a filled state, in evaluation order, stores each rule's
/// result (rule references read them) and tells a sink what fired and what stayed undecided. A rule fires when one of its
/// instances is true; it is unknown when none is true and one is unknown, or when no instance applies (a <c>for_each</c>
/// rule whose elements the panel lacks).
/// </summary>
internal static class RuleEvaluator
{
    /// <summary>
    /// Evaluates <paramref name="rules"/> on <paramref name="state"/>. In panel mode (<paramref name="retest"/> false) the
    /// retest rules are skipped (unknown); in retest mode every rule is decided but only the retest rules reach the sink
    /// (the panel rules are decided silently, for <c>pattern</c>).
    /// </summary>
    public static void Run<TSink>(CompiledRule[] rules, EvaluationState state, bool retest, ref TSink sink)
        where TSink : struct, IRuleSink
    {
        var results = state.RuleResults;
        for (var r = 0; r < rules.Length; r++)
        {
            var rule = rules[r];
            if (rule.IsRetest && !retest)
            {
                results[r] = Truth.Unknown;
                continue;
            }

            var report = rule.IsRetest == retest;
            var result = Truth.False;
            var applicable = 0;
            var instances = rule.InstanceArray;
            for (var i = 0; i < instances.Length; i++)
            {
                var instance = instances[i];
                if (rule.IsForEach && !state.Elements[instance.SubjectIndex].Present)
                {
                    continue;
                }

                applicable++;
                sink.Starting(state);
                var truth = instance.Condition(state);
                if (truth == Truth.True)
                {
                    result = Truth.True;
                    if (report)
                    {
                        sink.Fired(r, rule, i, instance, state);
                    }
                }
                else if (truth == Truth.Unknown)
                {
                    if (result == Truth.False)
                    {
                        result = Truth.Unknown;
                    }

                    if (report)
                    {
                        sink.Undecided(rule, i, instance, state);
                    }
                }
            }

            if (applicable == 0)
            {
                result = Truth.Unknown;
                if (report)
                {
                    sink.NoSubject(rule);
                }
            }

            results[r] = result;
        }
    }
}
