namespace HtmaInterpreter.Retests;

/// <summary>
/// How far one test lies from the ideal profile overall: the root-mean-square of <c>log10(ratio / ideal)</c> over the key
/// ratios (<see cref="RetestComparison.KeyRatios"/>) that the test has and that have an ideal. 0 means every key ratio is
/// at its ideal; 0.30 means the ratios are on average (in the RMS sense) a factor of 2 from their ideals.
/// </summary>
/// <param name="Value">The distance, or <c>null</c> when no key ratio could be used.</param>
/// <param name="Deviations">The key ratios used, each with its <c>log10(value / ideal)</c>.</param>
/// <param name="Missing">The key ratios left out because the test lacks them or no ideal is published for them.</param>
internal sealed record BalanceDistance(double? Value, IReadOnlyList<KeyValuePair<string, double>> Deviations, IReadOnlyList<string> Missing);
