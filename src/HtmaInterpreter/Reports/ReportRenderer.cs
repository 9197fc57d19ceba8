using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Reports;

/// <summary>
/// The one entry point for rendering interpretations in any <see cref="ReportFormat"/>. Every format is rendered from the
/// same <see cref="Interpretation"/>; output is deterministic (invariant culture, no timestamps).
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
}
