using System.Collections.Frozen;

namespace HtmaInterpreter.Rules;

/// <summary>A compiled band table.</summary>
internal sealed record CompiledBand(string Label, EvidenceAtom Of, Condition? When, IReadOnlyList<BandRow> Rows, string Source, string Unit);

/// <summary>One evaluable form of a rule: the rule itself, or one element of a <c>for_each</c> rule.</summary>
internal sealed record CompiledInstance(string? Subject, int SubjectIndex, string Title, Condition Condition, ExplainNode Explanation, IReadOnlyList<CompiledBand> Bands);

/// <summary>A rule ready to evaluate.</summary>
internal sealed record CompiledRule(
    RuleDefinition Definition,
    RuleInfo Info,
    bool IsForEach,
    IReadOnlyList<CompiledInstance> Instances,
    IReadOnlyList<EvidenceAtom> ExtraEvidence);

/// <summary>The compiled rules in evaluation order (dependencies first) with the indexes the conditions were compiled against.</summary>
internal sealed class CompiledRuleSet
{
    public required string[] ElementSymbols { get; init; }

    public required FrozenDictionary<string, int> ElementIndex { get; init; }

    public required string[] RatioNames { get; init; }

    public required FrozenDictionary<string, int> RatioIndex { get; init; }

    /// <summary>Rules in evaluation order: every rule comes after the rules it refers to.</summary>
    public required CompiledRule[] Rules { get; init; }

    public required Panels.ElementCatalog Catalog { get; init; }
}
