namespace HtmaInterpreter.Retests;

/// <summary>The change of one element or ratio from one test to a later one.</summary>
/// <param name="FromIndex">The earlier test's index in <see cref="RetestComparison.Tests"/>.</param>
/// <param name="ToIndex">The later test's index.</param>
/// <param name="From">The earlier value (mg% or ratio), or <c>null</c> when that test lacks it.</param>
/// <param name="To">The later value, or <c>null</c> when that test lacks it.</param>
/// <param name="Absolute">The change <c>To − From</c>, or <c>null</c> when a value is missing.</param>
/// <param name="Relative">The change as a fraction of the earlier value, <c>(To − From) / From</c> (0.25 = +25 %); <c>null</c> when a value is missing or the earlier value is 0.</param>
/// <param name="DistanceBefore">The earlier value's distance from the ideal (<c>|log10(value / ideal)|</c> against an ideal, 0 inside a band and the log-distance to its nearer end outside, the amount in mg% for a toxic metal); <c>null</c> when missing, not finite or no ideal applies.</param>
/// <param name="DistanceAfter">The later value's distance from the ideal, likewise.</param>
/// <param name="Direction">Toward or away from the ideal, judged by the two distances.</param>
public sealed record ValueChange(
    int FromIndex,
    int ToIndex,
    double? From,
    double? To,
    double? Absolute,
    double? Relative,
    double? DistanceBefore,
    double? DistanceAfter,
    ChangeDirection Direction);
