namespace HtmaInterpreter.Retests;

/// <summary>
/// A least-squares straight line through one series over time (three or more dated tests), fitted with
/// MathNet.Numerics: value = <see cref="Intercept"/> + <see cref="SlopePerMonth"/> × months since the first test,
/// where a month is <see cref="RetestComparison.DaysPerMonth"/> days.
/// </summary>
/// <param name="SlopePerMonth">The change per month (mg% per month for an element, units of the ratio per month for a ratio).</param>
/// <param name="Intercept">The fitted value at the first test's date.</param>
/// <param name="RSquared">The goodness of fit R² = 1 − SSres / SStot (1 = every point on the line); <c>null</c> when the values do not vary, where R² is undefined.</param>
/// <param name="Points">How many tests the line was fitted to (those with a value).</param>
public sealed record Trend(double SlopePerMonth, double Intercept, double? RSquared, int Points);
