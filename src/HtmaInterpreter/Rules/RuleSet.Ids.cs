namespace HtmaInterpreter.Rules;

/// <summary>What a host reads of a loaded rule set: its name, version and rule ids.</summary>
public sealed partial class RuleSet
{
    /// <summary>The ids of the loaded rules in file order (files by name, rules as written), e.g. <c>low-sodium-slow-oxidation</c>.</summary>
    public IReadOnlyList<string> RuleIds => [.. Rules.Select(r => r.Id)];
}
