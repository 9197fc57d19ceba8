using HtmaInterpreter.Ratios;

namespace HtmaInterpreter.Oxidation;

/// <summary>What the four-lows check does when all four elements are low.</summary>
internal enum FourLowsAction
{
    /// <summary>Report <see cref="OxidationResult.FourLows"/> and still decide the type.</summary>
    Flag,

    /// <summary>Report four lows as a pattern of its own: the type is indeterminate.</summary>
    SeparateType,
}

/// <summary>The four-lows check, made before the type: every listed element (in mg%) must meet its condition.</summary>
/// <param name="OnMatch">What happens when all conditions hold.</param>
/// <param name="When">Condition text by element symbol, e.g. <c>Ca</c> → <c>&lt; 40</c> (mg%).</param>
/// <param name="Source">Where the thresholds come from.</param>
internal sealed record FourLowsDefinition(FourLowsAction OnMatch, IReadOnlyDictionary<string, string> When, string Source)
{
    internal IReadOnlyDictionary<string, ValueCondition> Conditions { get; init; } =
        When.ToDictionary(p => p.Key, p => ValueCondition.Parse(p.Value), StringComparer.Ordinal);
}

/// <summary>A ratio that votes for slow or fast oxidation.</summary>
/// <param name="Ratio">The ratio name, e.g. <c>Ca/K</c>.</param>
/// <param name="Threshold">The threshold reported with the decision.</param>
/// <param name="Ideal">The ideal used to measure how far the value is off (log scale) for the mixed lean.</param>
/// <param name="SlowWhen">When the ratio votes slow, e.g. <c>&gt;= 4</c>.</param>
/// <param name="FastWhen">When the ratio votes fast, e.g. <c>&lt; 4</c>.</param>
/// <param name="Source">Where the threshold comes from.</param>
internal sealed record DecidingRatioDefinition(string Ratio, double Threshold, double Ideal, string SlowWhen, string FastWhen, string Source)
{
    internal ValueCondition SlowCondition { get; init; } = ValueCondition.Parse(SlowWhen);

    internal ValueCondition FastCondition { get; init; } = ValueCondition.Parse(FastWhen);
}

/// <summary>One degree band: the degree that applies when the degree ratio meets the condition.</summary>
/// <param name="Degree">The degree.</param>
/// <param name="When">The condition, e.g. <c>&gt;= 30 and &lt;= 100</c>.</param>
internal sealed record DegreeBand(OxidationDegree Degree, string When)
{
    internal ValueCondition Condition { get; init; } = ValueCondition.Parse(When);
}

/// <summary>How the degree is read: bands of one ratio for slow and for fast types, tried in order.</summary>
/// <param name="Ratio">The ratio, e.g. <c>Ca/K</c>.</param>
/// <param name="Slow">Bands for slow types.</param>
/// <param name="Fast">Bands for fast types.</param>
/// <param name="Source">Where the bands come from.</param>
internal sealed record DegreeDefinition(string Ratio, IReadOnlyList<DegreeBand> Slow, IReadOnlyList<DegreeBand> Fast, string Source);

/// <summary>A qualifier band, e.g. Na/K <c>inversion</c> when <c>&lt; 2.5</c>.</summary>
/// <param name="Label">The qualifier label.</param>
/// <param name="When">The condition.</param>
internal sealed record QualifierBand(string Label, string When)
{
    internal ValueCondition Condition { get; init; } = ValueCondition.Parse(When);
}

/// <summary>The qualifier ratio (Na/K) and its bands, tried in order.</summary>
/// <param name="Ratio">The ratio.</param>
/// <param name="Bands">The bands.</param>
/// <param name="Source">Where the bands come from.</param>
internal sealed record QualifierDefinition(string Ratio, IReadOnlyList<QualifierBand> Bands, string Source);

/// <summary>A stage of stress: applies when the type, degree (if listed) and qualifier all match.</summary>
/// <param name="Stage">The stage name, e.g. <c>alarm</c>.</param>
/// <param name="Type">The oxidation type (not the lean) required.</param>
/// <param name="Degrees">The degrees allowed; empty means any.</param>
/// <param name="Qualifier">The qualifier label required, or <c>null</c> for any.</param>
internal sealed record StressStageDefinition(string Stage, OxidationType Type, IReadOnlyList<OxidationDegree> Degrees, string? Qualifier);

/// <summary>An oxidation model from <c>oxidation.yaml</c>, selectable by id.</summary>
internal sealed record OxidationModel
{
    /// <summary>The id, e.g. <c>eck-wilson</c>.</summary>
    public required string Id { get; init; }

    /// <summary>The display name.</summary>
    public required string Name { get; init; }

    /// <summary>What the model does, in one or two sentences.</summary>
    public required string Description { get; init; }

    /// <summary>Where the model comes from.</summary>
    public required string Source { get; init; }

    /// <summary>The four-lows check, or <c>null</c> when the model has none.</summary>
    public FourLowsDefinition? FourLows { get; init; }

    /// <summary>The deciding ratios, in order (at least one).</summary>
    public required IReadOnlyList<DecidingRatioDefinition> DecidingRatios { get; init; }

    /// <summary>How a mixed result leans; the only method is <c>log-distance-from-ideal</c>.</summary>
    public string MixedLean { get; init; } = "log-distance-from-ideal";

    /// <summary>The degree bands, or <c>null</c> when the model gives no degree.</summary>
    public DegreeDefinition? Degree { get; init; }

    /// <summary>The qualifier, or <c>null</c>.</summary>
    public QualifierDefinition? Qualifier { get; init; }

    /// <summary>The stages of stress, tried in order.</summary>
    public IReadOnlyList<StressStageDefinition> StressStages { get; init; } = [];

    /// <summary>Where the stages of stress come from, or <c>null</c> when the model has none.</summary>
    public string? StressStagesSource { get; init; }

    /// <summary>The caveat added when the sample was washed.</summary>
    public required string WashedSampleCaveat { get; init; }

    /// <summary>Remarks shown with every result of this model.</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];
}
