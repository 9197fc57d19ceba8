namespace HtmaInterpreter.Panels;

/// <summary>A chemical element as reported on hair mineral panels.</summary>
/// <param name="Symbol">The chemical symbol with standard capitalisation, e.g. <c>Ca</c>.</param>
/// <param name="Name">The English name, e.g. <c>Calcium</c>.</param>
/// <param name="Category">How labs group it.</param>
public sealed record Element(string Symbol, string Name, ElementCategory Category)
{
    /// <summary>Every element the library knows, nutrients first, in the order labs usually print them.</summary>
    public static IReadOnlyList<Element> Known => ElementCatalog.Default.All;

    /// <summary>Finds a known element by symbol, English name or a common alias, ignoring case and surrounding blanks.</summary>
    /// <param name="nameOrSymbol">What the lab printed, e.g. <c>CA</c>, <c>Calcium</c> or <c>Ca</c>.</param>
    /// <param name="element">The element, when found.</param>
    /// <returns>True when the name is known.</returns>
    public static bool TryFind(string? nameOrSymbol, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out Element? element) =>
        ElementCatalog.Default.TryFind(nameOrSymbol, out element);

    /// <summary>Returns the symbol.</summary>
    /// <returns>The chemical symbol.</returns>
    public override string ToString() => Symbol;
}
