using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

/// <summary>
/// The one entry point for rendering interpretations and retest comparisons in any <see cref="ReportFormat"/>. Every
/// format is rendered from the same <see cref="Interpretation"/> (or <see cref="RetestComparison"/>); output is
/// deterministic (invariant culture, no timestamps).
/// </summary>
public static class ReportRenderer
{
    /// <summary>Renders one interpretation.</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="format">The format wanted.</param>
    /// <param name="options">Rendering options; <c>null</c> for <see cref="ReportOptions.Default"/>.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panel, listed before the interpretation's own.</param>
    /// <returns>The report, ending with a newline.</returns>
    public static string Render(
        Interpretation interpretation,
        ReportFormat format,
        ReportOptions? options = null,
        IReadOnlyList<Diagnostic>? readDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        return ReportFormats.For(format).Render(interpretation, readDiagnostics, options);
    }

    /// <summary>
    /// Renders several interpretations (e.g. every panel of one file) as one report: text and Markdown reports one
    /// after another, one HTML document with a section per panel, or a JSON array. With no interpretation at all the
    /// report says that nothing could be interpreted and lists <paramref name="readDiagnostics"/>.
    /// </summary>
    /// <param name="interpretations">The interpretations, in input order.</param>
    /// <param name="format">The format wanted.</param>
    /// <param name="options">Rendering options; <c>null</c> for <see cref="ReportOptions.Default"/>.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the file, listed with the first panel.</param>
    /// <returns>The report, ending with a newline.</returns>
    public static string Render(
        IReadOnlyList<Interpretation> interpretations,
        ReportFormat format,
        ReportOptions? options = null,
        IReadOnlyList<Diagnostic>? readDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(interpretations);
        return ReportFormats.For(format).Render(interpretations, readDiagnostics, options);
    }

    /// <summary>
    /// Renders a retest comparison: each element and ratio at every test with its change and whether it moved toward or
    /// away from the ideal, the oxidation transitions, the trends (three or more tests), the balance distance and the
    /// retest findings. Every format shows the same content.
    /// </summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="format">The format wanted.</param>
    /// <param name="options">Rendering options (the practice branding of the HTML report); <c>null</c> for none.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panels, listed before the comparison's own.</param>
    /// <returns>The report, ending with a newline.</returns>
    public static string Render(
        RetestComparison comparison,
        ReportFormat format,
        ReportOptions? options = null,
        IReadOnlyList<Diagnostic>? readDiagnostics = null) =>
        ComparisonReport.Render(comparison, format, readDiagnostics, options);
}
