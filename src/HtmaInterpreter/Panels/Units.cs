using System.Collections.Frozen;

namespace HtmaInterpreter.Panels;

/// <summary>Parsing, naming and exact conversion of <see cref="ConcentrationUnit"/> values.</summary>
internal static class Units
{
    private static readonly FrozenDictionary<string, ConcentrationUnit> Spellings =
        new Dictionary<string, ConcentrationUnit>(StringComparer.OrdinalIgnoreCase)
        {
            ["mg%"] = ConcentrationUnit.MilligramPercent,
            ["mg %"] = ConcentrationUnit.MilligramPercent,
            ["mg/100g"] = ConcentrationUnit.MilligramPercent,
            ["mg/100 g"] = ConcentrationUnit.MilligramPercent,
            ["milligram percent"] = ConcentrationUnit.MilligramPercent,
            ["ppm"] = ConcentrationUnit.PartsPerMillion,
            ["µg/g"] = ConcentrationUnit.MicrogramPerGram,
            ["μg/g"] = ConcentrationUnit.MicrogramPerGram, // Greek small letter mu, as some exports spell it
            ["ug/g"] = ConcentrationUnit.MicrogramPerGram,
            ["mcg/g"] = ConcentrationUnit.MicrogramPerGram,
            ["mg/kg"] = ConcentrationUnit.MilligramPerKilogram,
            ["ppb"] = ConcentrationUnit.PartsPerBillion,
            ["ng/g"] = ConcentrationUnit.NanogramPerGram,
            ["µg/kg"] = ConcentrationUnit.NanogramPerGram,
            ["ug/kg"] = ConcentrationUnit.NanogramPerGram,
        }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    /// <summary>The canonical unit: mg%.</summary>
    public const ConcentrationUnit Canonical = ConcentrationUnit.MilligramPercent;

    /// <summary>Every spelling <see cref="TryParse"/> accepts, for error messages and documentation.</summary>
    public static IReadOnlyCollection<string> AcceptedSpellings => Spellings.Keys;

    /// <summary>Reads a unit as labs print it (case-insensitive, surrounding blanks ignored): mg%, ppm, µg/g, ug/g, mcg/g, mg/kg, ppb, ng/g.</summary>
    /// <param name="text">The printed unit.</param>
    /// <param name="unit">The unit, when recognised.</param>
    /// <returns>True when recognised.</returns>
    public static bool TryParse(string? text, out ConcentrationUnit unit)
    {
        unit = default;
        return !string.IsNullOrWhiteSpace(text) && Spellings.TryGetValue(text.Trim(), out unit);
    }

    /// <summary>The usual printed symbol of a unit (<c>mg%</c>, <c>ppm</c>, <c>µg/g</c>, ...).</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The symbol.</returns>
    public static string Symbol(ConcentrationUnit unit) => unit switch
    {
        ConcentrationUnit.MilligramPercent => "mg%",
        ConcentrationUnit.PartsPerMillion => "ppm",
        ConcentrationUnit.MicrogramPerGram => "µg/g",
        ConcentrationUnit.MilligramPerKilogram => "mg/kg",
        ConcentrationUnit.PartsPerBillion => "ppb",
        ConcentrationUnit.NanogramPerGram => "ng/g",
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown concentration unit."),
    };

    /// <summary>How many of <paramref name="unit"/> make one mg%: 1 for mg%, 10 for ppm, µg/g and mg/kg, 10,000 for ppb and ng/g.</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The exact factor.</returns>
    public static decimal PerMilligramPercent(ConcentrationUnit unit) => unit switch
    {
        ConcentrationUnit.MilligramPercent => 1m,
        ConcentrationUnit.PartsPerMillion or ConcentrationUnit.MicrogramPerGram or ConcentrationUnit.MilligramPerKilogram => 10m,
        ConcentrationUnit.PartsPerBillion or ConcentrationUnit.NanogramPerGram => 10_000m,
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown concentration unit."),
    };

    /// <summary>
    /// The largest amount, in mg%, that converts to every unit without leaving the decimal range: a ten-thousandth of
    /// <see cref="decimal.MaxValue"/> (about 7.9 × 10^24 mg%), since a ppb or ng/g value is 10,000 times the mg% one.
    /// Far above any real value (10,000 mg% is already a tenth of the hair's mass); the reader warns about larger ones.
    /// </summary>
    public static decimal MaxConvertibleMilligramPercent { get; } = decimal.MaxValue / 10_000m;

    /// <summary>
    /// Converts a value exactly between units (decimal arithmetic, powers of ten only). A result beyond the decimal range
    /// (only for amounts above <see cref="MaxConvertibleMilligramPercent"/>) becomes <see cref="decimal.MaxValue"/> (or
    /// <see cref="decimal.MinValue"/>) instead of throwing; <see cref="TryConvert"/> tells when that happens. A result
    /// below the smallest decimal step (10^-28) is rounded to it, as decimal division rounds.
    /// </summary>
    /// <param name="value">The value in <paramref name="from"/>.</param>
    /// <param name="from">The unit the value is in.</param>
    /// <param name="to">The unit wanted.</param>
    /// <returns>The value in <paramref name="to"/>, with trailing zeros removed.</returns>
    public static decimal Convert(decimal value, ConcentrationUnit from, ConcentrationUnit to) =>
        TryConvert(value, from, to, out var converted) ? converted : value < 0 ? decimal.MinValue : decimal.MaxValue;

    /// <summary>Converts a value exactly between units, unless the result is beyond the decimal range.</summary>
    /// <param name="value">The value in <paramref name="from"/>.</param>
    /// <param name="from">The unit the value is in.</param>
    /// <param name="to">The unit wanted.</param>
    /// <param name="converted">The value in <paramref name="to"/>, with trailing zeros removed; <paramref name="value"/> itself when false is returned.</param>
    /// <returns>False when the result does not fit a decimal (an amount above <see cref="MaxConvertibleMilligramPercent"/>).</returns>
    public static bool TryConvert(decimal value, ConcentrationUnit from, ConcentrationUnit to, out decimal converted)
    {
        if (from == to)
        {
            converted = value;
            return true;
        }

        try
        {
            converted = Normalize(value / PerMilligramPercent(from) * PerMilligramPercent(to));
            return true;
        }
        catch (OverflowException)
        {
            // Only past MaxConvertibleMilligramPercent, which reading warns about; checking beforehand would cost every value.
            converted = value;
            return false;
        }
    }

    /// <summary>Removes trailing zeros so that 1.140 and 1.14 print alike.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The same number with the smallest scale.</returns>
    internal static decimal Normalize(decimal value) => value / 1.000000000000000000000000000000000m;
}
