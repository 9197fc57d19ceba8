using System.Linq.Expressions;
using System.Reflection;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// The conditions <paramref name="compiler"/> compiles to closures, as expression trees, for <see cref="FiredMaskCompiler"/>:
/// each test becomes a direct call of the static method its closure calls, and <c>and</c>/<c>or</c>/<c>not</c>/<c>count</c>
/// become branches, so a whole rule set compiles to one method with no delegate call per node. Evaluation order,
/// short-circuits and what is named as missing are those of <see cref="ConditionCompiler.Compile"/>. Tests of the earlier
/// test of a retest pair keep their closures.
/// </summary>
internal sealed class ConditionExpressions(ConditionCompiler compiler)
{
    private static readonly Expression TrueTruth = Expression.Constant(Truth.True);
    private static readonly Expression FalseTruth = Expression.Constant(Truth.False);
    private static readonly Expression UnknownTruth = Expression.Constant(Truth.Unknown);

    /// <summary>An expression of type <see cref="Truth"/> that evaluates <paramref name="node"/> on <paramref name="state"/>.</summary>
    public Expression Build(ConditionNode node, int placeholder, ParameterExpression state)
    {
        switch (node)
        {
            case AndNode and:
                return BuildJunction([.. and.Items.Select(item => Build(item, placeholder, state))], decisive: false);
            case OrNode or:
                return BuildJunction([.. or.Items.Select(item => Build(item, placeholder, state))], decisive: true);
            case NotNode not:
                return Call(nameof(ConditionCompiler.Negate), Build(not.Operand, placeholder, state));
            case CountNode count:
                return BuildCount(count, placeholder, state);
            case CompareNode compare when ConditionCompiler.IsRatioVersusNumber(compare) || ConditionCompiler.IsElementVersusNumber(compare):
                var (index, name) = compiler.OperandConstants(compare.Left, placeholder);
                Expression[] arguments = [state, Expression.Constant(compare.Op), Expression.Constant(index), Expression.Constant(compare.Right.Value), Expression.Constant(name)];
                return compare.Left.Kind == OperandKind.Ratio
                    ? Call(nameof(ConditionCompiler.RatioTest), arguments)
                    : Call(nameof(ConditionCompiler.ElementTest), [.. arguments, Expression.Constant(compiler.CompareUncertain(compare, placeholder))]);
            case CompareNode compare when !compare.Left.Previous && !compare.Right.Previous:
                var (leftIndex, leftName) = compiler.OperandConstants(compare.Left, placeholder);
                var (rightIndex, rightName) = compiler.OperandConstants(compare.Right, placeholder);
                return Call(
                    nameof(ConditionCompiler.CompareTest),
                    state,
                    Expression.Constant(compare.Op),
                    Expression.Constant(compare.Left.Kind),
                    Expression.Constant(leftIndex),
                    Expression.Constant(compare.Left.Value),
                    Expression.Constant(leftName),
                    Expression.Constant(compare.Right.Kind),
                    Expression.Constant(rightIndex),
                    Expression.Constant(compare.Right.Value),
                    Expression.Constant(rightName),
                    Expression.Constant(compiler.CompareUncertain(compare, placeholder)));
            case LevelNode level when !level.Previous:
                var (element, target, negated, symbol, uncertain) = compiler.LevelConstants(level, ConditionCompiler.Resolve(level.ElementIndex, placeholder));
                return Call(
                    nameof(ConditionCompiler.LevelTest),
                    state,
                    Expression.Constant(element),
                    Expression.Constant(target),
                    Expression.Constant(negated),
                    Expression.Constant(symbol),
                    Expression.Constant(uncertain));
            case OxidationNode oxidation when !oxidation.Previous:
                return Call(
                    nameof(ConditionCompiler.OxidationTest),
                    state,
                    Expression.Constant(oxidation.Field),
                    Expression.Constant(oxidation.Type),
                    Expression.Constant(oxidation.Degree),
                    Expression.Constant(oxidation.Negated));
            case FourLowsNode fourLows when !fourLows.Previous:
                return Call(nameof(ConditionCompiler.FourLowsTest), state);
            case SexNode sex:
                return Call(nameof(ConditionCompiler.SexTest), state, Expression.Constant(sex.Sex), Expression.Constant(sex.Negated));
            case SampleNode sample:
                return Call(nameof(ConditionCompiler.SampleTest), state, Expression.Constant(sample.Treatment), Expression.Constant(sample.Negated));
            case ContextNode context:
                var (key, values, contextNegated, missing) = ConditionCompiler.ContextConstants(context);
                return Call(
                    nameof(ConditionCompiler.ContextTest),
                    state,
                    Expression.Constant(key),
                    Expression.Constant(values),
                    Expression.Constant(contextNegated),
                    Expression.Constant(missing));
            case RuleRefNode { Undecided: true } reference:
                return Call(nameof(ConditionCompiler.UndecidedTest), state, Expression.Constant(compiler.RuleIndexOf(reference.RuleId)));
            case RuleRefNode reference:
                return Call(
                    nameof(ConditionCompiler.RuleReferenceTest),
                    state,
                    Expression.Constant(compiler.RuleIndexOf(reference.RuleId)),
                    Expression.Constant(ConditionCompiler.RuleReferenceMissing(reference)));
            default:
                // A test of the earlier test of a retest pair: its closure, as compiled for the closures' path.
                return Expression.Invoke(Expression.Constant(compiler.Compile(node, placeholder)), state);
        }
    }

    /// <summary>
    /// <c>and</c> (<paramref name="decisive"/> false) or <c>or</c> (true) of any number of items, in one flat block (no
    /// nesting per item): each item in turn until one decides; the other answer when all gave it; unknown otherwise.
    /// </summary>
    private static BlockExpression BuildJunction(Expression[] items, bool decisive)
    {
        if (items.Length == 2)
        {
            return BuildJunction(items[0], items[1], decisive);
        }

        var (decides, other) = decisive ? (TrueTruth, FalseTruth) : (FalseTruth, TrueTruth);
        var item = Expression.Variable(typeof(Truth), "item");
        var undecided = Expression.Variable(typeof(bool), "undecided");
        var end = Expression.Label(typeof(Truth), "decided");
        var steps = new List<Expression>(2 + (2 * items.Length)) { Expression.Assign(undecided, Expression.Constant(false)) };
        foreach (var expression in items)
        {
            steps.Add(Expression.Assign(item, expression));
            steps.Add(Expression.IfThenElse(
                Expression.Equal(item, decides),
                Expression.Return(end, decides),
                Expression.IfThen(Expression.NotEqual(item, other), Expression.Assign(undecided, Expression.Constant(true)))));
        }

        steps.Add(Expression.Label(end, Expression.Condition(undecided, UnknownTruth, other)));
        return Expression.Block(typeof(Truth), [item, undecided], steps);
    }

    /// <summary>
    /// <c>and</c> (<paramref name="decisive"/> false) or <c>or</c> (true) of two items: the left side, then the right one
    /// unless the left decided; the other answer when both gave it; unknown otherwise.
    /// </summary>
    private static BlockExpression BuildJunction(Expression left, Expression right, bool decisive)
    {
        var (decides, other) = decisive ? (TrueTruth, FalseTruth) : (FalseTruth, TrueTruth);
        var a = Expression.Variable(typeof(Truth), "a");
        var b = Expression.Variable(typeof(Truth), "b");
        return Expression.Block(
            typeof(Truth),
            [a, b],
            Expression.Assign(a, left),
            Expression.Condition(
                Expression.Equal(a, decides),
                decides,
                Expression.Block(
                    Expression.Assign(b, right),
                    Expression.Condition(
                        Expression.Equal(b, decides),
                        decides,
                        Expression.Condition(
                            Expression.AndAlso(Expression.Equal(a, other), Expression.Equal(b, other)),
                            other,
                            UnknownTruth)))));
    }

    private BlockExpression BuildCount(CountNode count, int placeholder, ParameterExpression state)
    {
        var trues = Expression.Variable(typeof(int), "trues");
        var unknowns = Expression.Variable(typeof(int), "unknowns");
        var item = Expression.Variable(typeof(Truth), "item");
        var steps = new List<Expression> { Expression.Assign(trues, Expression.Constant(0)), Expression.Assign(unknowns, Expression.Constant(0)) };
        foreach (var node in count.Items)
        {
            steps.Add(Expression.Assign(item, Build(node, placeholder, state)));
            steps.Add(Expression.IfThenElse(
                Expression.Equal(item, TrueTruth),
                Expression.PreIncrementAssign(trues),
                Expression.IfThen(Expression.Equal(item, UnknownTruth), Expression.PreIncrementAssign(unknowns))));
        }

        steps.Add(Call(nameof(ConditionCompiler.CountResult), Expression.Constant(count.Op), trues, unknowns, Expression.Constant(count.Count)));
        return Expression.Block(typeof(Truth), [trues, unknowns, item], steps);
    }

    private static MethodCallExpression Call(string method, params Expression[] arguments) =>
        Expression.Call(typeof(ConditionCompiler).GetMethod(method, BindingFlags.NonPublic | BindingFlags.Static)!, arguments);
}
