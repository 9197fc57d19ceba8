using System.Collections.Frozen;

namespace HtmaInterpreter.Panels;

/// <summary>
/// The elements HtmaInterpreter knows, looked up by symbol, English name or a common alias, case-insensitively.
/// The list covers every element on the ARL, TEI and Doctor's Data panels described in the domain notes.
/// An element not listed here is kept on the panel as unrecognised, never dropped.
/// </summary>
internal sealed class ElementCatalog
{
    private readonly FrozenDictionary<string, Element> _byName;

    private ElementCatalog(IReadOnlyList<Element> elements, IEnumerable<KeyValuePair<string, Element>> extraAliases)
    {
        All = elements;
        var names = new Dictionary<string, Element>(StringComparer.OrdinalIgnoreCase);
        foreach (var element in elements)
        {
            names[element.Symbol] = element;
            names[element.Name] = element;
        }

        foreach (var (alias, element) in extraAliases)
        {
            names[alias] = element;
        }

        _byName = names.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        BySymbol = elements.ToFrozenDictionary(e => e.Symbol, StringComparer.Ordinal);
    }

    /// <summary>The default catalogue.</summary>
    public static ElementCatalog Default { get; } = CreateDefault();

    /// <summary>Every known element, nutrients first, in the order labs usually print them.</summary>
    public IReadOnlyList<Element> All { get; }

    /// <summary>Elements by exact symbol (case-sensitive, e.g. <c>Ca</c>).</summary>
    public IReadOnlyDictionary<string, Element> BySymbol { get; }

    /// <summary>Finds an element by symbol, English name or alias, ignoring case and surrounding blanks.</summary>
    /// <param name="nameOrSymbol">What the lab printed, e.g. <c>CA</c>, <c>Calcium</c> or <c>Ca</c>.</param>
    /// <param name="element">The element, when found.</param>
    /// <returns>True when the name is known.</returns>
    public bool TryFind(string? nameOrSymbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Element? element)
    {
        element = null;
        if (string.IsNullOrWhiteSpace(nameOrSymbol))
        {
            return false;
        }

        return _byName.TryGetValue(nameOrSymbol.Trim(), out element);
    }

    /// <summary>Returns the element with this exact symbol.</summary>
    /// <param name="symbol">The chemical symbol, e.g. <c>Ca</c>.</param>
    /// <returns>The element.</returns>
    /// <exception cref="ArgumentException">The symbol is not in the catalogue (a programming error).</exception>
    public Element this[string symbol] =>
        BySymbol.TryGetValue(symbol, out var element)
            ? element
            : throw new ArgumentException($"'{symbol}' is not an element symbol in the catalogue.", nameof(symbol));

    private static ElementCatalog CreateDefault()
    {
        Element N(string symbol, string name) => new(symbol, name, ElementCategory.Nutrient);
        Element T(string symbol, string name) => new(symbol, name, ElementCategory.Toxic);
        Element A(string symbol, string name) => new(symbol, name, ElementCategory.Additional);

        Element[] elements =
        [
            N("Ca", "Calcium"), N("Mg", "Magnesium"), N("Na", "Sodium"), N("K", "Potassium"),
            N("Cu", "Copper"), N("Zn", "Zinc"), N("P", "Phosphorus"), N("Fe", "Iron"),
            N("Mn", "Manganese"), N("Cr", "Chromium"), N("Se", "Selenium"), N("B", "Boron"),
            N("Co", "Cobalt"), N("Mo", "Molybdenum"), N("S", "Sulfur"),
            A("Li", "Lithium"), A("V", "Vanadium"), A("Ge", "Germanium"), A("Rb", "Rubidium"),
            A("Sr", "Strontium"), A("Ba", "Barium"), A("Sn", "Tin"), A("Ti", "Titanium"),
            A("W", "Tungsten"), A("Zr", "Zirconium"), A("Bi", "Bismuth"),
            T("Pb", "Lead"), T("Hg", "Mercury"), T("Cd", "Cadmium"), T("As", "Arsenic"),
            T("Al", "Aluminum"), T("Ni", "Nickel"), T("U", "Uranium"), T("Sb", "Antimony"),
            T("Be", "Beryllium"), T("Tl", "Thallium"), T("Ag", "Silver"), T("Pt", "Platinum"),
            T("Th", "Thorium"),
        ];

        var bySymbol = elements.ToDictionary(e => e.Symbol, StringComparer.Ordinal);
        KeyValuePair<string, Element> Alias(string alias, string symbol) => new(alias, bySymbol[symbol]);

        KeyValuePair<string, Element>[] aliases =
        [
            Alias("Aluminium", "Al"), Alias("Sulphur", "S"), Alias("Phosphorous", "P"),
            Alias("Natrium", "Na"), Alias("Kalium", "K"), Alias("Ferrum", "Fe"),
            Alias("Plumbum", "Pb"), Alias("Hydrargyrum", "Hg"), Alias("Stannum", "Sn"),
            Alias("Wolfram", "W"),
        ];

        return new ElementCatalog(elements, aliases);
    }
}
