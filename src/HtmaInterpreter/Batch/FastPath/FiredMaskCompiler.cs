using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// Compiles a whole rule set into one method that does what the evaluation loop (<see cref="RuleEvaluator"/>) does with a
/// <see cref="MaskSink"/>: evaluates every instance of every rule in order on a filled <see cref="EvaluationState"/>,
/// stores each rule's result (rule references read them) and returns the fired rules as a mask (bit r: the rule evaluated
/// r-th). The batch calls it once per panel instead of a delegate per condition node; it exists for speed alone.
/// </summary>
internal static class FiredMaskCompiler
{
    /// <summary>
    /// Starts compiling <paramref name="rules"/> on the thread pool (once per set) and attaches the result as the set's
    /// mask evaluator, which <c>RuleSet.FiredRuleMask</c> uses once it is ready.
    /// </summary>
    public static void Start(RuleSet rules) => rules.Compiled.AttachMaskEvaluator(TryCompile);

    /// <summary>
    /// The compiled evaluation, or <c>null</c> when the set has more than 64 rules (a mask cannot hold them) or the
    /// runtime interprets rather than compiles expression trees (the closures are then as fast).
    /// </summary>
    public static Func<EvaluationState, ulong>? TryCompile(CompiledRuleSet rules)
    {
        if (rules.Rules.Length > 64 || !RuntimeFeature.IsDynamicCodeCompiled)
        {
            return null;
        }

        var expressions = new ConditionExpressions(rules.Compiler);
        var state = Expression.Parameter(typeof(EvaluationState), "state");
        var mask = Expression.Variable(typeof(ulong), "mask");
        var results = Expression.Variable(typeof(Truth[]), "results");
        var elements = Expression.Variable(typeof(Reading[]), "elements");
        var result = Expression.Variable(typeof(Truth), "result");
        var truth = Expression.Variable(typeof(Truth), "truth");
        var applicable = Expression.Variable(typeof(int), "applicable");
        var unknown = Expression.Constant(Truth.Unknown);
        var steps = new List<Expression>
        {
            Expression.Assign(mask, Expression.Constant(0UL)),
            Expression.Assign(results, Expression.Property(state, typeof(EvaluationState).GetProperty(nameof(EvaluationState.RuleResults))!)),
            Expression.Assign(elements, Expression.Property(state, typeof(EvaluationState).GetProperty(nameof(EvaluationState.Elements))!)),
        };

        for (var r = 0; r < rules.Rules.Length; r++)
        {
            var rule = rules.Rules[r];
            var slot = Expression.ArrayAccess(results, Expression.Constant(r));
            if (rule.IsRetest)
            {
                steps.Add(Expression.Assign(slot, unknown));
                continue;
            }

            steps.Add(Expression.Assign(result, Expression.Constant(Truth.False)));
            steps.Add(Expression.Assign(applicable, Expression.Constant(0)));
            foreach (var instance in rule.InstanceArray)
            {
                Expression evaluate = Expression.Block(
                    Expression.PreIncrementAssign(applicable),
                    Expression.Assign(truth, expressions.Build(instance.Node, instance.Placeholder, state)),
                    Expression.IfThenElse(
                        Expression.Equal(truth, Expression.Constant(Truth.True)),
                        Expression.Block(
                            Expression.Assign(result, Expression.Constant(Truth.True)),
                            Expression.OrAssign(mask, Expression.Constant(1UL << r))),
                        Expression.IfThen(
                            Expression.AndAlso(Expression.Equal(truth, unknown), Expression.Equal(result, Expression.Constant(Truth.False))),
                            Expression.Assign(result, unknown))));
                if (rule.IsForEach)
                {
                    // A for_each instance applies only when the panel has its element.
                    evaluate = Expression.IfThen(
                        Expression.Property(
                            Expression.ArrayAccess(elements, Expression.Constant(instance.SubjectIndex)),
                            typeof(Reading).GetProperty(nameof(Reading.Present))!),
                        evaluate);
                }

                steps.Add(evaluate);
            }

            steps.Add(Expression.Assign(slot, Expression.Condition(Expression.Equal(applicable, Expression.Constant(0)), unknown, result)));
        }

        steps.Add(mask);
        var body = Expression.Block(typeof(ulong), [mask, results, elements, result, truth, applicable], steps);
        return Expression.Lambda<Func<EvaluationState, ulong>>(body, state).Compile();
    }
}
