using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Benchmarks;

/// <summary>The level questions both hand-written rule copies (<see cref="HandWrittenRules"/>, <see cref="HandWrittenDecisions"/>) ask.</summary>
internal static class HandWrittenLevels
{
    /// <summary>True when <c>X is high</c> is unknown: no profile, no reading, no range, or a reading that straddles the bound.</summary>
    public static bool HighIsUnknown(LabProfile? lab, string symbol, Measurement? reading)
    {
        if (lab is null || reading is not { } measurement)
        {
            return true;
        }

        var amount = measurement.MilligramPercent;
        var qualifier = measurement.Qualifier;
        var low = lab.LevelOf(symbol, qualifier is MeasurementQualifier.BelowDetectionLimit or MeasurementQualifier.NotDetected ? 0m : amount);
        var high = qualifier switch
        {
            MeasurementQualifier.BelowDetectionLimit => lab.LevelOf(symbol, amount),
            MeasurementQualifier.AboveQuantitationLimit => ElementLevel.High,
            _ => low,
        };
        return low == ElementLevel.Unknown || high == ElementLevel.Unknown || (Rank(low) < 2 && Rank(high) == 2);
    }

    /// <summary>Low, within and high as 0, 1 and 2 (anything else counts as high).</summary>
    public static int Rank(ElementLevel level) => level switch
    {
        ElementLevel.Low => 0,
        ElementLevel.WithinRange => 1,
        _ => 2,
    };
}
