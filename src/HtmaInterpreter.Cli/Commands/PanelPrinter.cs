using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>
/// Prints panels as plain text: metadata, then one row per measurement with the canonical mg% value beside the
/// value as reported, then the diagnostics in <c>file:line:col: severity CODE: message</c> form. Invariant culture.
/// </summary>
internal static class PanelPrinter
{
    private const string NotGiven = "-";

    private static readonly string[] Headers = ["element", "name", "group", "mg%", "as reported", "lab range", "flag", "note"];

    /// <summary>Prints every panel of a read result, then its diagnostics and a count line.</summary>
    /// <param name="result">What the reader returned.</param>
    /// <param name="writer">Where to print.</param>
    public static void Print(ParseResult<IReadOnlyList<Panel>> result, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentNullException.ThrowIfNull(writer);

        var panels = result.Value ?? [];
        if (panels.Count == 0)
        {
            writer.WriteLine(result.Value is null || result.HasErrors ? "No panel could be read." : "The file holds no panel.");
            writer.WriteLine();
        }

        foreach (var panel in panels)
        {
            PrintPanel(panel, writer);
            writer.WriteLine();
        }

        PrintDiagnostics(result.Diagnostics, writer);
    }

    internal static void PrintPanel(Panel panel, TextWriter writer)
    {
        writer.WriteLine($"panel {TerminalText.Escape(panel.SampleId)}");
        WriteField(writer, "subject", panel.SubjectId ?? NotGiven);
        WriteField(writer, "lab", panel.Lab ?? NotGiven);
        WriteField(writer, "collected", panel.CollectedOn?.ToString(FieldRules.DateFormat, CultureInfo.InvariantCulture) ?? NotGiven);
        WriteField(writer, "sex", PanelWords.Name(panel.Sex) ?? NotGiven);
        WriteField(writer, "age", panel.AgeYears?.ToString(CultureInfo.InvariantCulture) ?? NotGiven);
        WriteField(writer, "treatment", panel.Treatment == SampleTreatment.Unknown ? NotGiven : PanelWords.Name(panel.Treatment));
        foreach (var (name, value) in panel.ExtraFields)
        {
            WriteField(writer, name, $"{value} (not a known field)");
        }

        var unrecognised = panel.Measurements.Count(m => !m.IsRecognised);
        WriteField(
            writer,
            "elements",
            unrecognised == 0
                ? Count(panel.Measurements.Count, "measurement")
                : $"{Count(panel.Measurements.Count, "measurement")}, {unrecognised} unrecognised");
        writer.WriteLine();

        if (panel.Measurements.Count == 0)
        {
            writer.WriteLine("  (no measurements)");
            return;
        }

        var rows = panel.Measurements.Select(m => Row(m).Select(cell => TerminalText.Escape(cell)).ToArray()).ToList();
        WriteTable(writer, rows);
    }

    internal static string[] Row(Measurement measurement)
    {
        var element = measurement.Element;
        return
        [
            element?.Symbol ?? measurement.ReportedName,
            element?.Name ?? "?",
            element?.Category switch
            {
                ElementCategory.Nutrient => "nutrient",
                ElementCategory.Toxic => "toxic",
                ElementCategory.Additional => "additional",
                _ => "?",
            },
            FormatValue(FormatNumber(measurement.MilligramPercent), measurement.Qualifier),
            measurement.Qualifier == MeasurementQualifier.NotDetected
                ? "ND"
                : $"{FormatValue(AsPrinted(measurement.Amount.Value), measurement.Qualifier)} {Units.Symbol(measurement.Amount.Unit)}",
            measurement.LabRange is { } range ? FormatRange(range) : "",
            measurement.LabFlag ?? "",
            Note(measurement),
        ];
    }

    internal static string FormatValue(string number, MeasurementQualifier qualifier) => qualifier switch
    {
        MeasurementQualifier.NotDetected => "ND",
        MeasurementQualifier.BelowDetectionLimit => "<" + number,
        MeasurementQualifier.AboveQuantitationLimit => ">" + number,
        _ => number,
    };

    /// <summary>Formats a lab range in its own unit: <c>300–1200 µg/g</c>, or <c>≤1.1 µg/g</c> / <c>≥2 mg%</c> when one end is open.</summary>
    /// <param name="range">The range.</param>
    /// <returns>The text.</returns>
    internal static string FormatRange(ReferenceRange range)
    {
        var unit = Units.Symbol(range.Unit);
        return (range.Low, range.High) switch
        {
            ({ } low, { } high) => $"{AsPrinted(low)}–{AsPrinted(high)} {unit}",
            (null, { } high) => $"≤{AsPrinted(high)} {unit}",
            ({ } low, null) => $"≥{AsPrinted(low)} {unit}",
            _ => "",
        };
    }

    /// <summary>Formats with the scale the number was read with (a lab's <c>0.30</c> stays <c>0.30</c>), invariant culture.</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    internal static string AsPrinted(decimal value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>Formats without exponent and without trailing zeros, invariant culture (0.0012, 73, 1.14).</summary>
    /// <param name="value">The number.</param>
    /// <returns>The text.</returns>
    internal static string FormatNumber(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);

    private static string Note(Measurement measurement)
    {
        var notes = new List<string>();
        if (!measurement.IsRecognised)
        {
            notes.Add("unrecognised element, kept as reported");
        }
        else if (!string.Equals(measurement.ReportedName, measurement.Element!.Symbol, StringComparison.Ordinal))
        {
            notes.Add($"reported as '{measurement.ReportedName}'");
        }

        switch (measurement.Qualifier)
        {
            case MeasurementQualifier.BelowDetectionLimit:
                notes.Add("below detection limit");
                break;
            case MeasurementQualifier.NotDetected:
                notes.Add("not detected");
                break;
            case MeasurementQualifier.AboveQuantitationLimit:
                notes.Add("above quantitation limit");
                break;
        }

        return string.Join("; ", notes);
    }

    private static void PrintDiagnostics(IReadOnlyList<Diagnostic> diagnostics, TextWriter writer)
    {
        var errors = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        var warnings = diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        var infos = diagnostics.Count - errors - warnings;
        writer.WriteLine(diagnostics.Count == 0 ? "diagnostics: none" : "diagnostics:");
        foreach (var diagnostic in diagnostics)
        {
            writer.WriteLine($"  {diagnostic}");
        }

        writer.WriteLine($"{Count(errors, "error")}, {Count(warnings, "warning")}, {infos.ToString(CultureInfo.InvariantCulture)} info");
    }

    private static void WriteTable(TextWriter writer, List<string[]> rows)
    {
        var widths = new int[Headers.Length];
        for (var column = 0; column < Headers.Length; column++)
        {
            widths[column] = Math.Max(Headers[column].Length, rows.Max(r => r[column].Length));
        }

        WriteRow(writer, Headers, widths);
        WriteRow(writer, widths.Select(w => new string('-', w)).ToArray(), widths);
        foreach (var row in rows)
        {
            WriteRow(writer, row, widths);
        }
    }

    private static void WriteRow(TextWriter writer, string[] cells, int[] widths)
    {
        // The mg% column (index 3) is right-aligned so that decimal values line up; the rest read left to right.
        var padded = cells.Select((cell, i) => i == 3 ? cell.PadLeft(widths[i]) : cell.PadRight(widths[i]));
        writer.WriteLine(("  " + string.Join("  ", padded)).TrimEnd());
    }

    private static void WriteField(TextWriter writer, string name, string value) =>
        writer.WriteLine($"  {(TerminalText.Escape(name) + ":").PadRight(10)} {TerminalText.Escape(value)}");

    private static string Count(int count, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{count} {noun}{(count == 1 ? "" : "s")}");
}
