using System.Collections.Frozen;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Fhir;

/// <summary>
/// UCUM spellings of the concentration units (checked against UCUM 2.1, see the domain notes): hair mg% is
/// <c>mg/(100.g)</c>, never <c>mg%</c> (UCUM's <c>%</c> on grams means per decilitre); ppm is <c>[ppm]</c>.
/// </summary>
internal static class UcumUnits
{
    private static readonly FrozenDictionary<ConcentrationUnit, (string Code, string Display)> ByUnit =
        new Dictionary<ConcentrationUnit, (string, string)>
        {
            [ConcentrationUnit.MilligramPercent] = ("mg/(100.g)", "mg%"),
            [ConcentrationUnit.PartsPerMillion] = ("[ppm]", "ppm"),
            [ConcentrationUnit.MicrogramPerGram] = ("ug/g", "µg/g"),
            [ConcentrationUnit.MilligramPerKilogram] = ("mg/kg", "mg/kg"),
            [ConcentrationUnit.PartsPerBillion] = ("[ppb]", "ppb"),
            [ConcentrationUnit.NanogramPerGram] = ("ng/g", "ng/g"),
        }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, ConcentrationUnit> ByCode =
        ByUnit.ToFrozenDictionary(pair => pair.Value.Code, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The UCUM code of a unit.</summary>
    public static string Code(ConcentrationUnit unit) => ByUnit[unit].Code;

    /// <summary>The unit as a lab prints it, for <c>Quantity.unit</c>.</summary>
    public static string Display(ConcentrationUnit unit) => ByUnit[unit].Display;

    /// <summary>The unit of a printed unit as <see cref="Display"/> writes it (<c>mg%</c>, <c>ppm</c>, <c>µg/g</c>, ...), for a quantity without a UCUM code.</summary>
    public static bool TryParseDisplay(string? text, out ConcentrationUnit unit)
    {
        foreach (var (candidate, spelling) in ByUnit)
        {
            if (string.Equals(spelling.Display, text?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                unit = candidate;
                return true;
            }
        }

        unit = default;
        return false;
    }

    /// <summary>The unit of a UCUM code (case-sensitive, as UCUM is), when it is a concentration unit the library knows.</summary>
    public static bool TryParse(string? code, out ConcentrationUnit unit)
    {
        unit = default;
        return code is not null && ByCode.TryGetValue(code, out unit);
    }
}
