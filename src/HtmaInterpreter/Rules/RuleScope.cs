namespace HtmaInterpreter.Rules;

/// <summary>When a rule is evaluated: on every panel, or only when two tests of one person are compared.</summary>
internal enum RuleScope
{
    /// <summary>The default: evaluated on every panel by <see cref="RuleSet.Evaluate"/>.</summary>
    Panel,

    /// <summary>
    /// <c>scope: retest</c>: evaluated only by <see cref="RuleSet.EvaluateRetest"/> on a pair of tests, where the
    /// condition may read the earlier test with <c>previous.</c>. <see cref="RuleSet.Evaluate"/> ignores these rules.
    /// </summary>
    Retest,
}
