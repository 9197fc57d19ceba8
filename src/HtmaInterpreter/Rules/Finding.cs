using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>What a piece of <see cref="Evidence"/> is about.</summary>
public enum EvidenceKind
{
    /// <summary>An element's measured value.</summary>
    Element,

    /// <summary>A computed ratio.</summary>
    Ratio,

    /// <summary>The oxidation type, lean, degree or the four-lows flag.</summary>
    Oxidation,

    /// <summary>The client's sex or age.</summary>
    Client,

    /// <summary>A client-context entry (symptom, condition, lifestyle, diet).</summary>
    Context,

    /// <summary>Whether the sample was washed.</summary>
    Sample,

    /// <summary>Another rule this rule depends on.</summary>
    Rule,

    /// <summary>A band looked up for the finding (e.g. Wilson's calcium-shell multiple).</summary>
    Band,
}

/// <summary>One input a finding rests on, with the value actually used and the tests it passed.</summary>
public sealed record Evidence
{
    /// <summary>What the evidence is about.</summary>
    public required EvidenceKind Kind { get; init; }

    /// <summary>The name: an element symbol (<c>Ca</c>), a ratio (<c>Na/K</c>), <c>oxidation</c>, <c>sex</c>, a context value, a rule id, or a band's label.</summary>
    public required string Name { get; init; }

    /// <summary>For an element: the amount in mg%, the canonical unit.</summary>
    public decimal? MilligramPercent { get; init; }

    /// <summary>For an element: the amount in the lab profile's reporting unit (as printed when there is no profile).</summary>
    public Concentration? LabValue { get; init; }

    /// <summary>For an element: whether the value is exact or a detection limit.</summary>
    public MeasurementQualifier? Qualifier { get; init; }

    /// <summary>For an element: its level against the lab profile, when a profile was given.</summary>
    public ElementLevel? Level { get; init; }

    /// <summary>For a ratio: its value.</summary>
    public double? RatioValue { get; init; }

    /// <summary>A text value: the oxidation type, sex, age, the washed/unwashed state, or a band's label such as <c>2×</c>.</summary>
    public string? Value { get; init; }

    /// <summary>The tests of the rule's condition that this input passed, as written in the rule (e.g. <c>Ca &gt;= 165 mg%</c>), thresholds included.</summary>
    public IReadOnlyList<string> Tests { get; init; } = [];
}

/// <summary>The result of one rule that fired on a panel.</summary>
public sealed record Finding
{
    /// <summary>The rule id, e.g. <c>calcium-shell</c>.</summary>
    public required string RuleId { get; init; }

    /// <summary>For a rule with <c>for_each</c>: the element the finding is about (e.g. <c>Pb</c>); otherwise <c>null</c>.</summary>
    public string? Subject { get; init; }

    /// <summary>The title, with <c>{element}</c> / <c>{element.name}</c> filled in.</summary>
    public required string Title { get; init; }

    /// <summary>How much attention the finding asks for.</summary>
    public required RuleSeverity Severity { get; init; }

    /// <summary>The rule's category, e.g. <c>oxidation</c> or <c>toxic-metals</c>.</summary>
    public required string Category { get; init; }

    /// <summary>The inputs the finding rests on, with the values used and the thresholds passed.</summary>
    public required IReadOnlyList<Evidence> Evidence { get; init; }

    /// <summary>What the pattern is said to mean, in plain words.</summary>
    public required string Explanation { get; init; }

    /// <summary>What to consider doing; never a drug or a dose.</summary>
    public required IReadOnlyList<string> Suggestions { get; init; }

    /// <summary>Where the rule comes from: a section key of the source document (e.g. <c>slow-oxidation</c>) or a domain reference.</summary>
    public required string Source { get; init; }

    /// <summary>Where the rule's numeric thresholds come from.</summary>
    public IReadOnlyList<string> ThresholdSources { get; init; } = [];

    /// <summary>The numbers (1–19) of the source document's claims the rule covers.</summary>
    public IReadOnlyList<int> Claims { get; init; } = [];

    /// <summary>True when the finding is a referral to a physician (<see cref="RuleSeverity.Refer"/>).</summary>
    public bool IsReferral => Severity == RuleSeverity.Refer;
}
