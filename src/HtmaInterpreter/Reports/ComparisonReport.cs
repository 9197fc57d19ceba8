using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

/// <summary>
/// Renders a <see cref="RetestComparison"/>: each element and ratio at every test with its change and whether it moved
/// toward or away from the ideal, the oxidation transitions, the trends (three or more tests), the balance distance and
/// the retest findings. Every format shows the same content.
/// </summary>
internal static partial class ComparisonReport
{
    /// <summary>The version of the JSON schema written in <c>schemaVersion</c>; it changes when a field is removed or changes meaning.</summary>
    public const int SchemaVersion = 1;

    /// <summary>Renders a comparison in a format.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="format">The format.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panels, listed before the comparison's own.</param>
    /// <param name="options">Rendering options (the practice <see cref="ReportOptions.Branding"/> of the HTML report); <c>null</c> for none.</param>
    /// <returns>The report text, ending with a newline.</returns>
    public static string Render(RetestComparison comparison, ReportFormat format, IReadOnlyList<Diagnostic>? readDiagnostics = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(comparison);
        var diagnostics = (readDiagnostics ?? []).Concat(comparison.Diagnostics).ToList();
        return ReportFormats.For(format).RenderComparison(comparison, diagnostics, options);
    }

    internal static string Word(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Toward => "toward",
        ChangeDirection.Away => "away",
        ChangeDirection.Same => "same",
        ChangeDirection.NoIdeal => "no ideal",
        _ => "-",
    };

    internal static string JsonWord(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Toward => "toward",
        ChangeDirection.Away => "away",
        ChangeDirection.Same => "same",
        ChangeDirection.NoIdeal => "no-ideal",
        _ => "not-comparable",
    };

    internal static string JsonWord(IdealKind kind) => kind switch
    {
        IdealKind.Ideal => "ideal",
        IdealKind.Range => "range",
        IdealKind.LowerIsBetter => "lower-is-better",
        _ => "none",
    };

    /// <summary>What a series is judged against, in words: <c>ideal 40</c>, <c>range 13–16</c>, <c>toxic: lower is better</c>, <c>no ideal</c>.</summary>
    internal static string Describe(IdealReference reference) => reference.Kind switch
    {
        IdealKind.Ideal => "ideal " + Number(reference.Ideal),
        IdealKind.Range => reference.Low is null ? "below " + Number(reference.High)
            : reference.High is null ? "above " + Number(reference.Low)
            : $"range {Number(reference.Low)}–{Number(reference.High)}",
        IdealKind.LowerIsBetter => "toxic: lower is better",
        _ => "no ideal",
    };

    internal static string Number(double? value) => value is { } v ? ReportText.Format(v) : "-";

    internal static string Signed(double? value) => value is not { } v ? "-" : (v > 0 ? "+" : "") + ReportText.Format(v);

    internal static string Percent(double? fraction) =>
        fraction is not { } f ? "-" : (f > 0 ? "+" : "") + (f * 100).ToString("0.0", CultureInfo.InvariantCulture) + " %";

    internal static string Slope(Trend? trend, string unit) =>
        trend is null ? "-" : Signed(Math.Round(trend.SlopePerMonth, 4)) + (unit.Length > 0 ? $" {unit}/month" : " /month");

    internal static string RSquared(Trend? trend) =>
        trend?.RSquared is { } r ? r.ToString("0.000", CultureInfo.InvariantCulture) : trend is null ? "-" : "n/a";

    /// <summary>A value at one test: the measurement in mg% with its qualifier for an element, the ratio otherwise, a dash when missing.</summary>
    internal static string Cell(SeriesComparison series, int test)
    {
        if (series.Values[test] is not { } value)
        {
            return "-";
        }

        if (series.Kind == SeriesKind.Element && test < series.Measurements.Count && series.Measurements[test] is { } measurement)
        {
            return measurement.Qualifier switch
            {
                MeasurementQualifier.NotDetected => "ND",
                MeasurementQualifier.BelowDetectionLimit => "<" + ReportText.Format(measurement.MilligramPercent),
                MeasurementQualifier.AboveQuantitationLimit => ">" + ReportText.Format(measurement.MilligramPercent),
                _ => ReportText.Format(measurement.MilligramPercent),
            };
        }

        return ReportText.Format(value);
    }

    internal static string Steps(SeriesComparison series) => string.Join(", ", series.Changes.Select(c => Word(c.Direction)));

    internal static string TestLabel(RetestTest test) =>
        test.CollectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? $"test {test.Index + 1}";

    /// <summary>The headers of the table of tests (text and Markdown).</summary>
    internal static readonly string[] TestHeaders = ["#", "sample", "collected", "months", "lab", "oxidation", "balance distance"];

    /// <summary>One test's row of the table of tests: number, sample, date, months from the first, lab, oxidation, balance distance.</summary>
    internal static string[] TestRow(RetestTest test) =>
    [
        (test.Index + 1).ToString(CultureInfo.InvariantCulture),
        test.SampleId,
        test.CollectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-",
        test.MonthsFromFirst is { } months ? months.ToString("0.0", CultureInfo.InvariantCulture) : "-",
        test.Interpretation.LabProfile.Id,
        OxidationTransition.Describe(test.Interpretation.Oxidation),
        Balance(test),
    ];

    internal static string Balance(RetestTest test) =>
        test.Balance.Value is { } value ? value.ToString("0.000", CultureInfo.InvariantCulture) : "-";

    /// <summary>The rows of the element or ratio table: name, reference, a value per test, change, %, toward/away, and the steps when there are three or more tests.</summary>
    internal static (string[] Headers, List<string[]> Rows) Table(RetestComparison comparison, IReadOnlyList<SeriesComparison> series, bool elements)
    {
        var many = comparison.Tests.Count > 2;
        var headers = new List<string> { elements ? "element" : "ratio", elements ? "judged against (mg%)" : "judged against" };
        headers.AddRange(comparison.Tests.Select(TestLabel));
        headers.AddRange([many ? "change first→last" : "change", "%", "vs ideal"]);
        if (many)
        {
            headers.Add("each step");
        }

        var rows = new List<string[]>();
        foreach (var s in series)
        {
            var row = new List<string> { s.Name, Describe(s.Reference) };
            row.AddRange(comparison.Tests.Select(t => Cell(s, t.Index)));
            row.AddRange([Signed(s.Overall.Absolute), Percent(s.Overall.Relative), Word(s.Overall.Direction)]);
            if (many)
            {
                row.Add(Steps(s));
            }

            rows.Add([.. row]);
        }

        return ([.. headers], rows);
    }
}
