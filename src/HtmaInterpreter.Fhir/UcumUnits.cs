using System.Collections.Frozen;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Fhir;

/// <summary>
/// UCUM codes of the concentration units, only those the project's domain notes list as checked against UCUM 2.1:
/// hair mg% is <c>mg/(100.g)</c>, never <c>mg%</c> (UCUM's <c>%</c> on grams means per decilitre); ppm is <c>[ppm]</c>;
/// <c>ug/g</c> and <c>mg/kg</c>. ppb and ng/g have no listed code: a value in them is exported in <c>ug/g</c>
/// (<see cref="Exchange"/>) and is not read. The printed symbol (<c>Quantity.unit</c>) is the core's
/// (<see cref="Concentration.SymbolOf"/>), written once there.
/// </summary>
internal static class UcumUnits
{
    /// <summary>The unit a value without a listed UCUM code is exported in: the domain notes say hair results travel as <c>ug/g</c>.</summary>
    public const ConcentrationUnit Exchange = ConcentrationUnit.MicrogramPerGram;

    private static readonly FrozenDictionary<ConcentrationUnit, string> ByUnit =
        new Dictionary<ConcentrationUnit, string>
        {
            [ConcentrationUnit.MilligramPercent] = "mg/(100.g)",
            [ConcentrationUnit.PartsPerMillion] = "[ppm]",
            [ConcentrationUnit.MicrogramPerGram] = "ug/g",
            [ConcentrationUnit.MilligramPerKilogram] = "mg/kg",
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ConcentrationUnit> ByCode =
        ByUnit.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The UCUM codes read and written, for messages.</summary>
    public static string Listed => string.Join(", ", ByUnit.Values);

    /// <summary>The UCUM code of a unit, when the domain notes list one.</summary>
    public static bool TryGetCode(ConcentrationUnit unit, out string code) => ByUnit.TryGetValue(unit, out code!);

    /// <summary>The unit of a listed UCUM code (case-sensitive, as UCUM is).</summary>
    public static bool TryParse(string? code, out ConcentrationUnit unit)
    {
        unit = default;
        return code is not null && ByCode.TryGetValue(code, out unit);
    }
}
