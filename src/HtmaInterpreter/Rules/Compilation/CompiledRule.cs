using System.Collections.Frozen;
using System.Runtime.CompilerServices;
using HtmaInterpreter.Labs;

namespace HtmaInterpreter.Rules;

/// <summary>A compiled band table.</summary>
internal sealed record CompiledBand(string Label, EvidenceAtom Of, Condition? When, IReadOnlyList<BandRow> Rows, string Source, string Unit)
{
    /// <summary>The evidence a finding shows for each row (by row index): it depends on the row alone, so it is made once.</summary>
    public IReadOnlyList<Evidence> RowEvidence { get; } = [.. Rows.Select(row => new Evidence
    {
        Kind = EvidenceKind.Band,
        Name = Label,
        Value = row.Label,
        Tests = Array.AsReadOnly([$"{Of.Name} {row.Text}{(Unit.Length > 0 ? " " + Unit : "")} ({Source})"]),
    })];
}

/// <summary>One evaluable form of a rule: the rule itself, or one element of a <c>for_each</c> rule.</summary>
/// <remarks><see cref="Node"/> and <see cref="Placeholder"/> (the catalogue index of the subject, or -1) are what <see cref="Condition"/> was compiled from.</remarks>
internal sealed record CompiledInstance(
    string? Subject,
    int SubjectIndex,
    string Title,
    Condition Condition,
    ExplainNode Explanation,
    IReadOnlyList<CompiledBand> Bands,
    ConditionNode Node,
    int Placeholder);

/// <summary>A rule ready to evaluate.</summary>
internal sealed record CompiledRule(
    RuleDefinition Definition,
    RuleInfo Info,
    bool IsForEach,
    IReadOnlyList<CompiledInstance> Instances,
    IReadOnlyList<EvidenceAtom> ExtraEvidence)
{
    /// <summary>True for a <c>scope: retest</c> rule, evaluated only on a retest pair.</summary>
    public bool IsRetest { get; } = Definition.Scope == RuleScope.Retest;

    /// <summary>The rule's id (of <see cref="Definition"/>), kept here for the evaluation loop.</summary>
    public string Id { get; } = Definition.Id;

    /// <summary><see cref="Instances"/> as an array, for the evaluation loop.</summary>
    public CompiledInstance[] InstanceArray { get; } = [.. Instances];

    /// <summary>What a <c>for_each</c> rule lacks when the panel has none of its elements (shared, read-only).</summary>
    public IReadOnlyList<string> NoSubjectMissing { get; } = Array.AsReadOnly([$"any of {string.Join(", ", Instances.Select(i => i.Subject))}"]);
}

/// <summary>The compiled rules in evaluation order (dependencies first) with the indexes the conditions were compiled against.</summary>
internal sealed class CompiledRuleSet
{
    // Per lab profile instance, built on first use; the table lets go of a profile when nothing else holds it.
    private readonly ConditionalWeakTable<LabProfile, ProfileLevels> _levels = [];
    private ConditionalWeakTable<LabProfile, ProfileLevels>.CreateValueCallback? _createLevels;

    /// <summary>The elements the rules read or show, in catalogue order: the slots of the evaluation state (the rest of a panel is skipped).</summary>
    public required string[] ElementSymbols { get; init; }

    /// <summary>The slot of each symbol of <see cref="ElementSymbols"/>.</summary>
    public required FrozenDictionary<string, int> ElementIndex { get; init; }

    public required string[] RatioNames { get; init; }

    public required FrozenDictionary<string, int> RatioIndex { get; init; }

    /// <summary>By ratio index: whether a rule condition compares the ratio (the others are only shown as evidence).</summary>
    public bool[] RatiosRead { get; init; } = [];

    /// <summary>Rules in evaluation order: every rule comes after the rules it refers to.</summary>
    public required CompiledRule[] Rules { get; init; }

    public required Panels.ElementCatalog Catalog { get; init; }

    /// <summary>
    /// The slot of each element object of <see cref="Catalog"/> (-1 when no rule reads it), found by reference: a panel
    /// read with that catalogue is indexed without hashing symbols. Elements from elsewhere go through <see cref="ElementIndex"/>.
    /// </summary>
    public required FrozenDictionary<Panels.Element, int> ElementSlots { get; init; }

    /// <summary>The compiler the conditions were compiled with (by the batch's compiled mask again, as one method).</summary>
    public required ConditionCompiler Compiler { get; init; }

    /// <summary>
    /// The mask evaluator attached by <see cref="AttachMaskEvaluator"/> once it is built, else null: it answers what the
    /// evaluation loop with a <see cref="MaskSink"/> answers (bit r: the rule evaluated r-th fired), only faster.
    /// </summary>
    public Func<EvaluationState, ulong>? MaskEvaluator => Volatile.Read(ref _maskEvaluator);

    private Func<EvaluationState, ulong>? _maskEvaluator;
    private int _maskEvaluatorStarted;

    /// <summary>
    /// Builds a mask evaluator for this set with <paramref name="build"/> on the thread pool, the first time only, so that
    /// no caller waits for it (compiling takes tens of milliseconds); callers evaluate by the loop meanwhile, or for good
    /// when <paramref name="build"/> gives null or fails.
    /// </summary>
    public void AttachMaskEvaluator(Func<CompiledRuleSet, Func<EvaluationState, ulong>?> build)
    {
        if (Interlocked.Exchange(ref _maskEvaluatorStarted, 1) == 0)
        {
            _ = Task.Run(() => Volatile.Write(ref _maskEvaluator, build(this)));
        }
    }

    /// <summary>The profile's limits, ranges and ideals for <see cref="ElementSymbols"/>, converted once per profile.</summary>
    public ProfileLevels LevelsFor(LabProfile profile) =>
        _levels.GetValue(profile, _createLevels ??= p => new ProfileLevels(p, ElementSymbols));
}
