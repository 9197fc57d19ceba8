using System.Text;

namespace HtmaInterpreter.Oxidation;

/// <summary>
/// The words for oxidation types and degrees, written once: reports, batch rows and summaries, rule evidence and the
/// definition files all use these.
/// </summary>
internal static class OxidationWords
{
    /// <summary>The word for <see cref="OxidationType.Slow"/>.</summary>
    internal const string Slow = "slow";

    /// <summary>The word for <see cref="OxidationType.Fast"/>.</summary>
    internal const string Fast = "fast";

    /// <summary>The word for <see cref="OxidationType.Mixed"/>.</summary>
    internal const string Mixed = "mixed";

    /// <summary>The word for <see cref="OxidationType.Indeterminate"/>.</summary>
    internal const string Indeterminate = "indeterminate";

    /// <summary>The word rule conditions use for <see cref="OxidationDegree.None"/> (reports leave the degree out instead).</summary>
    internal const string NoDegree = "none";

    /// <summary>The word for <see cref="OxidationDegree.Mild"/>.</summary>
    internal const string Mild = "mild";

    /// <summary>The word for <see cref="OxidationDegree.Moderate"/>.</summary>
    internal const string Moderate = "moderate";

    /// <summary>The word for <see cref="OxidationDegree.Extreme"/>.</summary>
    internal const string Extreme = "extreme";

    private static readonly byte[][] TypeUtf8 = [.. Enum.GetValues<OxidationType>().Select(type => Encoding.UTF8.GetBytes(Name(type)))];

    private static readonly byte[][] DegreeUtf8 = [.. Enum.GetValues<OxidationDegree>().Select(degree => Encoding.UTF8.GetBytes(Name(degree) ?? ""))];

    /// <summary>The word for an oxidation type.</summary>
    internal static string Name(OxidationType type) => type switch
    {
        OxidationType.Slow => Slow,
        OxidationType.Fast => Fast,
        OxidationType.Mixed => Mixed,
        _ => Indeterminate,
    };

    /// <summary>The word for an oxidation degree, or <c>null</c> for none.</summary>
    internal static string? Name(OxidationDegree degree) => degree switch
    {
        OxidationDegree.Mild => Mild,
        OxidationDegree.Moderate => Moderate,
        OxidationDegree.Extreme => Extreme,
        _ => null,
    };

    /// <summary>The oxidation type a word names (<see cref="Name(OxidationType)"/> read back), or false.</summary>
    internal static bool TryParse(string word, out OxidationType type)
    {
        foreach (var candidate in Enum.GetValues<OxidationType>())
        {
            if (word == Name(candidate))
            {
                type = candidate;
                return true;
            }
        }

        type = default;
        return false;
    }

    /// <summary>The degree a word names (<see cref="Name(OxidationDegree)"/> read back, <see cref="NoDegree"/> for none), or false.</summary>
    internal static bool TryParse(string word, out OxidationDegree degree)
    {
        foreach (var candidate in Enum.GetValues<OxidationDegree>())
        {
            if (word == (Name(candidate) ?? NoDegree))
            {
                degree = candidate;
                return true;
            }
        }

        degree = default;
        return false;
    }

    /// <summary><see cref="Name(OxidationType)"/> as UTF-8.</summary>
    internal static ReadOnlySpan<byte> Utf8(OxidationType type) =>
        (uint)type < (uint)TypeUtf8.Length ? TypeUtf8[(int)type] : TypeUtf8[(int)OxidationType.Indeterminate];

    /// <summary><see cref="Name(OxidationDegree)"/> as UTF-8, empty for none.</summary>
    internal static ReadOnlySpan<byte> Utf8(OxidationDegree? degree) =>
        degree is { } d && (uint)d < (uint)DegreeUtf8.Length ? DegreeUtf8[(int)d] : default;
}
