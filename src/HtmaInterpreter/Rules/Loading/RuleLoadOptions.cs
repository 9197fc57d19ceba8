using HtmaInterpreter.Definitions;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>What a rule set is checked against when it is loaded.</summary>
internal sealed record RuleLoadOptions
{
    /// <summary>
    /// The ratios HtmaInterpreter computes: the names of the ratios of the embedded <c>ratios.yaml</c>, in file order
    /// (Ca/Mg, Na/K, Ca/K, Na/Mg, Zn/Cu, Ca/P, Fe/Cu and the toxic ratios).
    /// </summary>
    public static IReadOnlyList<string> DefaultKnownRatios { get; } = HtmaDefinitions.EmbeddedRatioNames();

    /// <summary>The default options.</summary>
    public static RuleLoadOptions Default { get; } = new();

    /// <summary>The ratio names a condition may use (e.g. from the ratio definitions); a ratio not listed is an error.</summary>
    public IReadOnlyCollection<string> KnownRatios { get; init; } = DefaultKnownRatios;

    /// <summary>The element catalogue symbols are checked against.</summary>
    public ElementCatalog Catalog { get; init; } = ElementCatalog.Default;
}
