using System.Globalization;

namespace HtmaInterpreter.Panels;

/// <summary>An amount of an element per mass of hair, in a given unit. Kept exactly as printed (decimal).</summary>
/// <param name="Value">The number as the lab printed it.</param>
/// <param name="Unit">The unit it was printed in.</param>
public readonly record struct Concentration(decimal Value, ConcentrationUnit Unit)
{
    /// <summary>The same amount in mg%, the canonical unit.</summary>
    public decimal MilligramPercent => Units.Convert(Value, Unit, ConcentrationUnit.MilligramPercent);

    /// <summary>Converts exactly to another unit.</summary>
    /// <param name="unit">The unit wanted.</param>
    /// <returns>The converted amount.</returns>
    public Concentration To(ConcentrationUnit unit) => new(Units.Convert(Value, Unit, unit), unit);

    /// <summary>True when both describe the same amount, whatever their units (0.114 mg% equals 1.14 µg/g).</summary>
    /// <param name="other">The other amount.</param>
    /// <returns>True when equal after conversion.</returns>
    public bool IsSameAmountAs(Concentration other) => MilligramPercent == other.MilligramPercent;

    /// <summary>Formats as <c>value unit</c> with the invariant culture, e.g. <c>1.14 µg/g</c>.</summary>
    /// <returns>The formatted amount.</returns>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Units.Normalize(Value)} {Units.Symbol(Unit)}");

    /// <summary>The usual printed symbol of a unit, as every report writes it (<c>mg%</c>, <c>ppm</c>, <c>µg/g</c>, <c>mg/kg</c>, <c>ppb</c>, <c>ng/g</c>).</summary>
    /// <param name="unit">The unit.</param>
    /// <returns>The symbol.</returns>
    public static string SymbolOf(ConcentrationUnit unit) => Units.Symbol(unit);

    /// <summary>
    /// Reads a unit as labs print it, as every panel reader does (case-insensitive, surrounding blanks ignored): mg%,
    /// mg/100g, ppm, µg/g, ug/g, mcg/g, mg/kg, ppb, ng/g, µg/kg.
    /// </summary>
    /// <param name="text">The printed unit.</param>
    /// <param name="unit">The unit, when recognised.</param>
    /// <returns>True when recognised.</returns>
    public static bool TryParseUnit(string? text, out ConcentrationUnit unit) => Units.TryParse(text, out unit);
}
