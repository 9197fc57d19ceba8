using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Retests;

/// <summary>A retest rule that fired on a pair of consecutive tests.</summary>
/// <param name="PreviousIndex">The earlier test's index (what <c>previous.</c> refers to).</param>
/// <param name="CurrentIndex">The later test's index.</param>
/// <param name="Finding">The finding, with its evidence from both tests.</param>
public sealed record RetestFinding(int PreviousIndex, int CurrentIndex, Finding Finding);

/// <summary>A retest rule that could not be decided on a pair of tests because inputs were missing.</summary>
/// <param name="PreviousIndex">The earlier test's index.</param>
/// <param name="CurrentIndex">The later test's index.</param>
/// <param name="Rule">The rule and what it lacked.</param>
public sealed record RetestUnevaluated(int PreviousIndex, int CurrentIndex, UnevaluatedRule Rule);
