using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Labs;

/// <summary>
/// What one laboratory reports and how: its unit, whether it washes the hair, its reference ranges and toxic limits,
/// and which tradition's ideals apply. Loaded from <c>ratios/labs/*.yaml</c>; every figure there names its source.
/// </summary>
public sealed record LabProfile
{
    /// <summary>Short id used on the command line and in YAML, e.g. <c>arl</c>, <c>tei</c>, <c>doctors-data</c>.</summary>
    public required string Id { get; init; }

    /// <summary>Display name, e.g. <c>Analytical Research Labs</c>.</summary>
    public required string Name { get; init; }

    /// <summary>Other names a panel's <see cref="Panel.Lab"/> may carry for this lab (case-insensitive).</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];

    /// <summary>The unit the lab prints.</summary>
    public required ConcentrationUnit ReportingUnit { get; init; }

    /// <summary>Whether the lab washes samples.</summary>
    public required SampleTreatment Treatment { get; init; }

    /// <summary>Reference ranges by element symbol, in the lab's unit.</summary>
    public IReadOnlyDictionary<string, ReferenceRange> ReferenceRanges { get; init; } = new Dictionary<string, ReferenceRange>();

    /// <summary>Toxic limits (above = elevated) by element symbol, in the lab's unit.</summary>
    public IReadOnlyDictionary<string, Concentration> ToxicLimits { get; init; } = new Dictionary<string, Concentration>();

    /// <summary>Ideal element values by symbol, in the lab's unit, when the lab's tradition publishes them (e.g. Wilson's Ca 40 mg%).</summary>
    public IReadOnlyDictionary<string, Concentration> ElementIdeals { get; init; } = new Dictionary<string, Concentration>();

    /// <summary>
    /// True for labs that grade results against ideal values rather than population ranges (ARL): an element with an
    /// ideal but no reference range is then <see cref="ElementLevel.High"/> above its ideal and <see cref="ElementLevel.Low"/> below it.
    /// </summary>
    public bool GradesAgainstIdeals { get; init; }

    /// <summary>Which tradition's ideal ratio values apply (a key in <c>ratios.yaml</c>'s ideals, e.g. <c>wilson</c> or <c>tei</c>).</summary>
    public required string IdealTradition { get; init; }

    /// <summary>Caveats to show with every interpretation made with this profile.</summary>
    public IReadOnlyList<string> Caveats { get; init; } = [];

    /// <summary>Where the figures come from.</summary>
    public required string Source { get; init; }

    /// <summary>
    /// Places an amount against this profile: above the toxic limit is <see cref="ElementLevel.Elevated"/>;
    /// otherwise below/within/above the reference range. Both sides are compared in mg% (exact conversion).
    /// </summary>
    /// <param name="symbol">The element symbol, e.g. <c>Ca</c>.</param>
    /// <param name="milligramPercent">The amount in mg%.</param>
    /// <returns>The level, or <see cref="ElementLevel.Unknown"/> when the profile has no range, limit or (for <see cref="GradesAgainstIdeals"/>) ideal for the element.</returns>
    public ElementLevel LevelOf(string symbol, decimal milligramPercent)
    {
        if (ToxicLimits.TryGetValue(symbol, out var limit))
        {
            return milligramPercent > limit.MilligramPercent ? ElementLevel.Elevated : ElementLevel.WithinRange;
        }

        if (!ReferenceRanges.TryGetValue(symbol, out var range))
        {
            if (GradesAgainstIdeals && ElementIdeals.TryGetValue(symbol, out var ideal))
            {
                var idealInCanonical = ideal.MilligramPercent;
                return milligramPercent > idealInCanonical ? ElementLevel.High
                    : milligramPercent < idealInCanonical ? ElementLevel.Low
                    : ElementLevel.WithinRange;
            }

            return ElementLevel.Unknown;
        }

        var inCanonical = range.To(ConcentrationUnit.MilligramPercent);
        if (inCanonical.Low is { } low && milligramPercent < low)
        {
            return ElementLevel.Low;
        }

        if (inCanonical.High is { } high && milligramPercent > high)
        {
            return ElementLevel.High;
        }

        return ElementLevel.WithinRange;
    }
}
