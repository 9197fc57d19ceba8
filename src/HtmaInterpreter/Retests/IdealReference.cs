namespace HtmaInterpreter.Retests;

/// <summary>What a series is judged against when deciding toward or away.</summary>
internal enum IdealKind
{
    /// <summary>Nothing published applies: the series is reported as "no ideal".</summary>
    None,

    /// <summary>A single ideal value: distance is <c>|log10(value / ideal)|</c>.</summary>
    Ideal,

    /// <summary>A reference or ideal band: distance is 0 inside it and <c>log10(low / value)</c> or <c>log10(value / high)</c> outside.</summary>
    Range,

    /// <summary>A toxic metal: lower is better, the distance is the amount itself (mg%).</summary>
    LowerIsBetter,
}

/// <summary>The ideal, band or rule a series is judged against, taken from the reference (latest) test's lab profile.</summary>
/// <param name="Kind">What kind of reference it is.</param>
/// <param name="Ideal">The ideal value (mg% for elements, unit-free for ratios), for <see cref="IdealKind.Ideal"/>.</param>
/// <param name="Low">The band's low end, for <see cref="IdealKind.Range"/>; <c>null</c> when open.</param>
/// <param name="High">The band's high end, for <see cref="IdealKind.Range"/>; <c>null</c> when open.</param>
/// <param name="Source">Where it comes from: the lab profile id or ratio tradition.</param>
internal sealed record IdealReference(IdealKind Kind, double? Ideal, double? Low, double? High, string? Source)
{
    /// <summary>No ideal applies.</summary>
    public static IdealReference None { get; } = new(IdealKind.None, null, null, null, null);

    /// <summary>
    /// The distance of a value from this reference, on the scale the kind defines; <c>null</c> when there is no reference,
    /// and positive infinity for a zero or negative value judged on a log scale.
    /// </summary>
    /// <param name="value">The value (mg% or ratio).</param>
    /// <returns>The distance (0 at the ideal or inside the band).</returns>
    public double? DistanceOf(double value)
    {
        switch (Kind)
        {
            case IdealKind.LowerIsBetter:
                return Math.Max(0, value);
            case IdealKind.Ideal when Ideal is { } ideal:
                return value <= 0 ? double.PositiveInfinity : Math.Abs(Math.Log10(value / ideal));
            case IdealKind.Range:
                if (Low is { } low && value < low)
                {
                    return value <= 0 ? double.PositiveInfinity : Math.Log10(low / value);
                }

                if (High is { } high && value > high)
                {
                    return Math.Log10(value / high);
                }

                return 0;
            default:
                return null;
        }
    }
}
