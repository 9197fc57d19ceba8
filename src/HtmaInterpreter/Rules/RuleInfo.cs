namespace HtmaInterpreter.Rules;

/// <summary>A description of one loaded rule, for listings such as <c>htma rules list</c>.</summary>
internal sealed record RuleInfo
{
    /// <summary>The rule id.</summary>
    public required string Id { get; init; }

    /// <summary>The title as written (may hold <c>{element}</c>).</summary>
    public required string Title { get; init; }

    /// <summary>The category.</summary>
    public required string Category { get; init; }

    /// <summary>The severity.</summary>
    public required RuleSeverity Severity { get; init; }

    /// <summary>The condition as written in the <c>when</c> key.</summary>
    public required string Condition { get; init; }

    /// <summary>The source: a section key of the source document or a domain reference.</summary>
    public required string Source { get; init; }

    /// <summary>The claims (1–19) of the source document the rule covers.</summary>
    public IReadOnlyList<int> Claims { get; init; } = [];

    /// <summary>For a <c>for_each</c> rule, the elements it is evaluated for; otherwise empty.</summary>
    public IReadOnlyList<string> ForEach { get; init; } = [];

    /// <summary>When the rule is evaluated: on every panel, or only on a retest pair (<c>scope: retest</c>).</summary>
    public RuleScope Scope { get; init; }

    /// <summary>The rule file, relative to the rule folder (e.g. <c>oxidation.yaml</c>).</summary>
    public required string File { get; init; }
}
