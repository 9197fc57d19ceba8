using System.Globalization;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

/// <summary>The words every report format uses for enum values and numbers, so that all formats agree.</summary>
internal static class ReportText
{
    public static string Name(OxidationType type) => type switch
    {
        OxidationType.Slow => "slow",
        OxidationType.Fast => "fast",
        OxidationType.Mixed => "mixed",
        _ => "indeterminate",
    };

    public static string? Name(OxidationType? type) => type is { } t ? Name(t) : null;

    public static string? Name(OxidationDegree degree) => degree switch
    {
        OxidationDegree.Mild => "mild",
        OxidationDegree.Moderate => "moderate",
        OxidationDegree.Extreme => "extreme",
        _ => null,
    };

    public static string Name(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Refer => "refer",
        RuleSeverity.Attention => "attention",
        _ => "info",
    };

    public static string Name(ElementLevel level) => level switch
    {
        ElementLevel.Low => "low",
        ElementLevel.WithinRange => "within",
        ElementLevel.High => "high",
        ElementLevel.Elevated => "elevated",
        _ => "unknown",
    };

    public static string Name(ElementCategory category) => category switch
    {
        ElementCategory.Toxic => "toxic",
        ElementCategory.Additional => "additional",
        _ => "nutrient",
    };

    public static string Name(MeasurementQualifier qualifier) => qualifier switch
    {
        MeasurementQualifier.BelowDetectionLimit => "below-detection-limit",
        MeasurementQualifier.NotDetected => "not-detected",
        MeasurementQualifier.AboveQuantitationLimit => "above-quantitation-limit",
        _ => "exact",
    };

    public static string Name(SampleTreatment treatment) => treatment switch
    {
        SampleTreatment.Washed => "washed",
        SampleTreatment.Unwashed => "unwashed",
        _ => "unknown",
    };

    public static string? Name(Sex sex) => sex switch
    {
        Sex.Female => "female",
        Sex.Male => "male",
        _ => null,
    };

    /// <summary>Ratios are shown with four significant digits beyond the integer part where needed (e.g. 7.3, 0.2857, 1250).</summary>
    public static double Round(double value) =>
        value == 0 ? 0 : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Format(double value) => Round(value).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Format(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Format(Concentration concentration) => concentration.ToString();

    public static string Format(Measurement measurement)
    {
        var prefix = measurement.Qualifier switch
        {
            MeasurementQualifier.BelowDetectionLimit => "<",
            MeasurementQualifier.AboveQuantitationLimit => ">",
            _ => "",
        };
        return measurement.Qualifier == MeasurementQualifier.NotDetected
            ? "ND"
            : prefix + measurement.Amount;
    }
}
