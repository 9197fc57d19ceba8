using HtmaInterpreter.Oxidation;

namespace HtmaInterpreter.Retests;

/// <summary>The oxidation result of one test and the next, and whether the type (or the lean of a mixed result) changed.</summary>
/// <param name="FromIndex">The earlier test's index.</param>
/// <param name="ToIndex">The later test's index.</param>
/// <param name="From">The earlier oxidation result.</param>
/// <param name="To">The later oxidation result.</param>
internal sealed record OxidationTransition(int FromIndex, int ToIndex, OxidationResult From, OxidationResult To)
{
    /// <summary>The effective rate at the earlier test: the type, or the lean of a mixed result (<c>null</c> when mixed without lean or indeterminate).</summary>
    public OxidationType? FromRate => RateOf(From);

    /// <summary>The effective rate at the later test.</summary>
    public OxidationType? ToRate => RateOf(To);

    /// <summary>True when the type, the lean or the degree changed.</summary>
    public bool Changed => From.Type != To.Type || From.Lean != To.Lean || From.Degree != To.Degree;

    /// <summary>True when the effective rate went from fast to slow or from slow to fast.</summary>
    public bool RateReversed => FromRate is { } from && ToRate is { } to && from != to;

    /// <summary>A short description, e.g. <c>fast (mild) → slow (moderate)</c> or <c>slow (mild), unchanged</c>.</summary>
    public string Description => Changed ? $"{Describe(From)} → {Describe(To)}" : $"{Describe(To)}, unchanged";

    internal static OxidationType? RateOf(OxidationResult result) => result.Type switch
    {
        OxidationType.Slow or OxidationType.Fast => result.Type,
        OxidationType.Mixed => result.Lean,
        _ => null,
    };

    internal static string Describe(OxidationResult result)
    {
        var text = result.Type.ToString().ToLowerInvariant();
        if (result.Lean is { } lean)
        {
            text += " leaning " + lean.ToString().ToLowerInvariant();
        }

        if (result.Degree != OxidationDegree.None)
        {
            text += " (" + result.Degree.ToString().ToLowerInvariant() + ")";
        }

        if (result.FourLows)
        {
            text += ", four lows";
        }

        return text;
    }
}
