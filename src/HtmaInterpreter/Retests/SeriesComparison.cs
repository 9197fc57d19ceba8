using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Retests;

/// <summary>Whether a series is an element or a ratio.</summary>
internal enum SeriesKind
{
    /// <summary>An element, compared in mg%.</summary>
    Element,

    /// <summary>A ratio (unit-free).</summary>
    Ratio,
}

/// <summary>
/// One element or ratio across every test of a comparison: the value at each test (gaps where a test lacks it), the
/// change between consecutive tests and from the first to the last, whether each move was toward or away from the
/// ideal, and the trend when there are three or more dated values.
/// </summary>
public sealed record SeriesComparison
{
    /// <summary>Element or ratio.</summary>
    internal SeriesKind Kind { get; init; }

    /// <summary>The element symbol (<c>Ca</c>), the name as printed for an unrecognised element, or the ratio name (<c>Ca/K</c>).</summary>
    public required string Name { get; init; }

    /// <summary>The longer name: the element's name (<c>Calcium</c>) or the ratio's display name.</summary>
    public required string DisplayName { get; init; }

    /// <summary>For an element: whether it is a toxic metal, a nutrient or an additional element; <c>null</c> for a ratio or an unrecognised element.</summary>
    public ElementCategory? Category { get; init; }

    /// <summary>The value at each test, in test order: mg% for an element (detection limits as their amount, not detected as 0), the ratio value for a ratio; <c>null</c> where the test lacks it.</summary>
    public required IReadOnlyList<double?> Values { get; init; }

    /// <summary>For an element: the measurement at each test as printed (with its qualifier), <c>null</c> where missing; empty for a ratio.</summary>
    public IReadOnlyList<Measurement?> Measurements { get; init; } = [];

    /// <summary>What the changes are judged against (from the latest test's lab profile or ratio tradition).</summary>
    internal IdealReference Reference { get; init; } = IdealReference.None;

    /// <summary>The change between each pair of consecutive tests (test 0→1, 1→2, ...).</summary>
    public required IReadOnlyList<ValueChange> Changes { get; init; }

    /// <summary>The change from the first test to the last (the same as the single change when there are two tests).</summary>
    public required ValueChange Overall { get; init; }

    /// <summary>The least-squares trend, when at least three dated tests have a value; otherwise <c>null</c>.</summary>
    public Trend? Trend { get; init; }

    /// <summary>True when at least one test lacks this element or ratio.</summary>
    public bool HasGaps => Values.Any(v => v is null);
}
