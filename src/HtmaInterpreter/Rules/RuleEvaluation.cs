namespace HtmaInterpreter.Rules;

/// <summary>A rule that could not be decided for a panel because inputs were missing; it did not fire.</summary>
/// <param name="RuleId">The rule id.</param>
/// <param name="Subject">For a <c>for_each</c> rule: the element concerned; otherwise <c>null</c>.</param>
/// <param name="MissingInputs">What was missing, in plain words (e.g. <c>K</c>, <c>oxidation type</c>, <c>client context: symptoms</c>).</param>
public sealed record UnevaluatedRule(string RuleId, string? Subject, IReadOnlyList<string> MissingInputs);

/// <summary>The outcome of evaluating a rule set on one panel.</summary>
/// <param name="Findings">The rules that fired, referrals first, then attention, then info; within a severity in file order.</param>
/// <param name="NotEvaluated">The rules that could not be decided, in file order, each with what it lacked.</param>
internal sealed record RuleEvaluation(IReadOnlyList<Finding> Findings, IReadOnlyList<UnevaluatedRule> NotEvaluated);
