using System.Globalization;

namespace HtmaInterpreter.Panels;

/// <summary>A low/high band in one unit; either end may be open.</summary>
/// <param name="Low">The lower bound, or <c>null</c> when open.</param>
/// <param name="High">The upper bound, or <c>null</c> when open.</param>
/// <param name="Unit">The unit of both bounds.</param>
public sealed record ReferenceRange(decimal? Low, decimal? High, ConcentrationUnit Unit)
{
    /// <summary>Converts both bounds exactly to another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The converted range.</returns>
    public ReferenceRange To(ConcentrationUnit unit) => new(
        Low is { } low ? Units.Convert(low, Unit, unit) : null,
        High is { } high ? Units.Convert(high, Unit, unit) : null,
        unit);

    /// <summary>Formats as <c>low–high unit</c>.</summary>
    /// <returns>The formatted range.</returns>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture,
        $"{(Low is { } l ? Units.Normalize(l).ToString(CultureInfo.InvariantCulture) : "")}–{(High is { } h ? Units.Normalize(h).ToString(CultureInfo.InvariantCulture) : "")} {Units.Symbol(Unit)}");
}
