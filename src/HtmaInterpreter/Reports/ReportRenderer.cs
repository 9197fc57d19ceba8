using System.Text;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Reports;

/// <summary>
/// The one entry point for rendering interpretations in any <see cref="ReportFormat"/>. Every format is rendered from the
/// same <see cref="Interpretation"/>; output is deterministic (invariant culture, no timestamps).
/// </summary>
public static class ReportRenderer
{
    private static readonly string TextSeparator = "\n" + new string('=', 96) + "\n\n";

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
        return format switch
        {
            ReportFormat.Json => JsonReport.Render(interpretation, readDiagnostics),
            ReportFormat.Markdown => MarkdownReport.Render(interpretation, readDiagnostics),
            ReportFormat.Html => HtmlReport.Render(interpretation, readDiagnostics, options),
            _ => TextReport.Render(interpretation, readDiagnostics, options),
        };
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
        switch (format)
        {
            case ReportFormat.Json:
                return JsonReport.Render(interpretations, readDiagnostics);
            case ReportFormat.Markdown:
                return MarkdownReport.Render(interpretations, readDiagnostics);
            case ReportFormat.Html:
                return HtmlReport.Render(interpretations, readDiagnostics, options);
        }

        if (interpretations.Count == 0)
        {
            var text = new StringBuilder("No panel could be interpreted.\n");
            foreach (var diagnostic in readDiagnostics ?? [])
            {
                text.Append("  ").Append(diagnostic).Append('\n');
            }

            return text.ToString();
        }

        var reports = interpretations.Select((interpretation, index) =>
            TextReport.Render(interpretation, index == 0 ? readDiagnostics : null, options));
        return string.Join(TextSeparator, reports);
    }
}
