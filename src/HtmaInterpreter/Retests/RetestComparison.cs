using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;

namespace HtmaInterpreter.Retests;

/// <summary>
/// Two or more tests of one person compared: every element and ratio across the tests with its changes (toward or away
/// from the ideal) and trend, the oxidation result at each test and its transitions, the balance distance at each test,
/// and the findings of the retest rules. Immutable; every comparison report is rendered from it.
/// </summary>
public sealed record RetestComparison
{
    /// <summary>The length of a month used for slopes: 30.4375 days, the mean month of the Gregorian calendar (365.25 / 12).</summary>
    public const double DaysPerMonth = 30.4375;

    /// <summary>The ratios whose deviations make up each test's <see cref="RetestTest.BalanceDistance"/>: Ca/K, Na/Mg, Na/K, Ca/Mg and Zn/Cu.</summary>
    public static IReadOnlyList<string> KeyRatios { get; } = ["Ca/K", "Na/Mg", "Na/K", "Ca/Mg", "Zn/Cu"];

    /// <summary>The tests in collection order (or the order given when a date is missing).</summary>
    public required IReadOnlyList<RetestTest> Tests { get; init; }

    /// <summary>
    /// The lab profile every change is judged against: the latest test's (or the one the caller chose). Values of every
    /// test are compared in mg%, whatever unit their lab printed.
    /// </summary>
    public required LabProfile ReferenceProfile { get; init; }

    /// <summary>Every element reported on at least one test, in the order they first appear.</summary>
    public required IReadOnlyList<SeriesComparison> Elements { get; init; }

    /// <summary>Every ratio computed on at least one test, in the order of <c>ratios.yaml</c>.</summary>
    public required IReadOnlyList<SeriesComparison> Ratios { get; init; }

    /// <summary>The oxidation result of each consecutive pair of tests.</summary>
    internal IReadOnlyList<OxidationTransition> Transitions { get; init; } = [];

    /// <summary>The retest rules that fired, pair by pair.</summary>
    public required IReadOnlyList<RetestFinding> Findings { get; init; }

    /// <summary>The retest rules that could not be decided for a pair because an input was missing.</summary>
    public required IReadOnlyList<RetestUnevaluated> NotEvaluated { get; init; }

    /// <summary>Diagnostics about the comparison itself (dates, subjects, gaps, labs); each test's own are on its interpretation.</summary>
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }

    /// <summary>True when trends were computed (three or more tests, every one dated).</summary>
    public bool HasTrends => Elements.Any(e => e.Trend is not null) || Ratios.Any(r => r.Trend is not null);

    /// <summary>The "not a diagnosis" statement every report carries.</summary>
    public string Disclaimer { get; init; } = Interpretation.NotADiagnosis;
}
