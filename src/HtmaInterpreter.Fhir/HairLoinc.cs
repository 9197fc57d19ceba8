using System.Collections.Frozen;

namespace HtmaInterpreter.Fhir;

/// <summary>
/// The LOINC <c>[Mass/mass] in Hair</c> codes a source showed next to their long common name (the project's domain
/// notes, "LOINC codes for hair"). Elements not listed here are exported with code text only: never add a code that
/// was not verified.
/// </summary>
internal static class HairLoinc
{
    private static readonly FrozenDictionary<string, (string Code, string Display)> BySymbol =
        new Dictionary<string, (string, string)>(StringComparer.Ordinal)
        {
            ["Na"] = ("51205-3", "Sodium [Mass/mass] in Hair"),
            ["K"] = ("79710-0", "Potassium [Mass/mass] in Hair"),
            ["Mg"] = ("16172-9", "Magnesium [Mass/mass] in Hair"),
            ["Fe"] = ("2497-6", "Iron [Mass/mass] in Hair"),
            ["P"] = ("76656-8", "Phosphate [Mass/mass] in Hair"),
            ["As"] = ("5584-8", "Arsenic [Mass/mass] in Hair"),
            ["Pb"] = ("5673-9", "Lead [Mass/mass] in Hair"),
            ["Hg"] = ("5686-1", "Mercury [Mass/mass] in Hair"),
        }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, string> ByCode =
        BySymbol.ToFrozenDictionary(pair => pair.Value.Code, pair => pair.Key, StringComparer.Ordinal);

    /// <summary>The LOINC code and display of an element's hair concentration, when one is verified.</summary>
    public static bool TryGet(string symbol, out (string Code, string Display) loinc) => BySymbol.TryGetValue(symbol, out loinc);

    /// <summary>The element symbol of a verified hair LOINC code.</summary>
    public static bool TryGetSymbol(string code, out string symbol) => ByCode.TryGetValue(code, out symbol!);
}
