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
        switch (BasisOf(symbol))
        {
            case ElementLevelBasis.ToxicLimit:
                return milligramPercent > ToxicLimits[symbol].MilligramPercent ? ElementLevel.Elevated : ElementLevel.WithinRange;
            case ElementLevelBasis.Ideal:
                var ideal = ElementIdeals[symbol].MilligramPercent;
                return milligramPercent > ideal ? ElementLevel.High
                    : milligramPercent < ideal ? ElementLevel.Low
                    : ElementLevel.WithinRange;
            case ElementLevelBasis.Range:
                var inCanonical = ReferenceRanges[symbol].To(ConcentrationUnit.MilligramPercent);
                if (inCanonical.Low is { } low && milligramPercent < low)
                {
                    return ElementLevel.Low;
                }

                return inCanonical.High is { } high && milligramPercent > high ? ElementLevel.High : ElementLevel.WithinRange;
            default:
                return ElementLevel.Unknown;
        }
    }

    /// <summary>
    /// What <see cref="LevelOf"/> judges the element against: its toxic limit first, then its reference range, then (for
    /// <see cref="GradesAgainstIdeals"/>) its ideal.
    /// </summary>
    /// <param name="symbol">The element symbol, e.g. <c>Ca</c>.</param>
    /// <returns>The basis, or <see cref="ElementLevelBasis.None"/> when the profile has nothing for the element.</returns>
    internal ElementLevelBasis BasisOf(string symbol) =>
        ToxicLimits.ContainsKey(symbol) ? ElementLevelBasis.ToxicLimit
        : ReferenceRanges.ContainsKey(symbol) ? ElementLevelBasis.Range
        : GradesAgainstIdeals && ElementIdeals.ContainsKey(symbol) ? ElementLevelBasis.Ideal
        : ElementLevelBasis.None;
}
