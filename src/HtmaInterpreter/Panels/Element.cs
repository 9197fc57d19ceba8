namespace HtmaInterpreter.Panels;

/// <summary>A chemical element as reported on hair mineral panels.</summary>
/// <param name="Symbol">The chemical symbol with standard capitalisation, e.g. <c>Ca</c>.</param>
/// <param name="Name">The English name, e.g. <c>Calcium</c>.</param>
/// <param name="Category">How labs group it.</param>
public sealed record Element(string Symbol, string Name, ElementCategory Category)
{
    /// <summary>Returns the symbol.</summary>
    /// <returns>The chemical symbol.</returns>
    public override string ToString() => Symbol;
}
