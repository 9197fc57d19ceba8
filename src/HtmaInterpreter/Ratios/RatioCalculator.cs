using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Ratios;

/// <summary>Computes every defined ratio of a panel in mg%, with the ideal and band of the lab profile's tradition.</summary>
internal static class RatioCalculator
{
    private static readonly decimal HalfOfDecimalRange = decimal.MaxValue / 2;

    /// <summary>Computes the ratios. A ratio whose elements are not both quantified and positive is left out with a diagnostic.</summary>
    /// <param name="panel">The panel.</param>
    /// <param name="lab">The lab profile (chooses the tradition).</param>
    /// <param name="ratios">The ratio definitions.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <returns>The ratios that could be computed, in definition order.</returns>
    public static IReadOnlyList<RatioValue> Compute(Panel panel, LabProfile lab, IReadOnlyList<RatioDefinition> ratios, ICollection<Diagnostic> diagnostics)
    {
        var values = new List<RatioValue>(ratios.Count);
        for (var r = 0; r < ratios.Count; r++)
        {
            var ratio = ratios[r];
            var numerator = Usable(panel, ratio, ratio.Numerator, diagnostics);
            var denominator = Usable(panel, ratio, ratio.Denominator, diagnostics);
            if (numerator is not { } n || denominator is not { } d)
            {
                continue;
            }

            var value = Divide(n, d);
            if (!IsRatioValue(value))
            {
                continue; // decimal division of two positive amounts cannot get here; kept as a guard against NaN/Infinity.
            }

            ratio.Ideals.TryGetValue(lab.IdealTradition, out var ideal);
            string? band = null;
            if (ratio.Bands.TryGetValue(lab.IdealTradition, out var bands))
            {
                for (var b = 0; b < bands.Count; b++)
                {
                    if (bands[b].Condition.Matches(value))
                    {
                        band = bands[b].Label;
                        break;
                    }
                }
            }

            values.Add(new RatioValue
            {
                Name = ratio.Name,
                Numerator = ratio.Numerator,
                Denominator = ratio.Denominator,
                Value = value,
                DisplayName = ratio.DisplayName,
                Tradition = lab.IdealTradition,
                Ideal = ideal?.Value,
                IdealLow = ideal?.Low,
                IdealHigh = ideal?.High,
                Deviation = ideal?.Value is { } idealValue ? Math.Log10(value / idealValue) : null,
                Band = band,
            });
        }

        return values;
    }

    /// <summary>
    /// The ratio of two positive amounts in mg%, from their exact decimal quotient. A quotient beyond the decimal range
    /// (a hostile or broken value, e.g. 10^20 over 10^-10; the reader has already warned that it is absurd) is
    /// computed in double instead of failing.
    /// </summary>
    /// <param name="numerator">The numerator's amount, positive.</param>
    /// <param name="denominator">The denominator's amount, positive.</param>
    /// <returns>The ratio.</returns>
    internal static double Divide(decimal numerator, decimal denominator)
    {
        // Beyond half the decimal range the quotient goes to double; the test itself cannot overflow (denominator < 1).
        if (denominator < 1m && numerator > HalfOfDecimalRange * denominator)
        {
            return (double)numerator / (double)denominator;
        }

        return (double)(numerator / denominator);
    }

    /// <summary>
    /// Whether a quotient is kept as a ratio: finite and positive (anything else is left out, without a diagnostic). The
    /// batch fast path keeps its quotients with this too.
    /// </summary>
    internal static bool IsRatioValue(double value) => double.IsFinite(value) && value > 0;

    /// <summary>
    /// Whether a measured element can go into a ratio: measured exactly (not below a limit, above one or not detected)
    /// and positive. Any other element leaves the ratio out with one diagnostic; the batch fast path decides and counts
    /// with this too.
    /// </summary>
    internal static bool IsUsable(MeasurementQualifier qualifier, bool positive) => qualifier == MeasurementQualifier.Exact && positive;

    private static decimal? Usable(Panel panel, RatioDefinition ratio, string symbol, ICollection<Diagnostic> diagnostics)
    {
        var measurement = panel.Find(symbol);
        if (measurement is not null && IsUsable(measurement.Qualifier, measurement.MilligramPercent > 0))
        {
            return measurement.MilligramPercent; // the common case: no diagnostic, so no location or message is built
        }

        var element = ElementCatalog.Default[symbol];
        var location = (measurement?.Source ?? panel.Source ?? SourceLocation.None).WithField(ratio.Name);
        if (measurement is null)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.RatioElementMissing,
                $"{ratio.Name} was not computed: the panel has no {symbol} ({element.Name}) value.",
                location));
            return null;
        }

        switch (measurement.Qualifier)
        {
            case MeasurementQualifier.NotDetected:
            case MeasurementQualifier.BelowDetectionLimit:
                diagnostics.Add(Diagnostic.Info(
                    DiagnosticCodes.RatioElementNotDetected,
                    $"{ratio.Name} was not computed: {symbol} ({element.Name}) was not detected or is below the detection limit.",
                    location));
                return null;
            case MeasurementQualifier.AboveQuantitationLimit:
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.RatioElementAboveLimit,
                    $"{ratio.Name} was not computed: {symbol} ({element.Name}) is above the lab's quantitation limit, so its exact value is unknown.",
                    location));
                return null;
        }

        var amount = measurement.MilligramPercent;
        if (amount <= 0)
        {
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.RatioElementNotPositive,
                $"{ratio.Name} was not computed: the {symbol} ({element.Name}) value is zero or negative.",
                location));
            return null;
        }

        return amount;
    }
}
