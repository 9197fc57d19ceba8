using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

/// <summary>The text format: aligned tables for a terminal, several panels one after another between rules.</summary>
internal sealed class TextFormat : IReportFormat
{
    private static readonly string Separator = "\n" + new string('=', 96) + "\n\n";

    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Text;

    /// <inheritdoc />
    public string Name => "text";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => [];

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions => [".txt"];

    /// <inheritdoc />
    public bool UsesBranding => false;

    /// <inheritdoc />
    public bool UsesColor => true;

    /// <inheritdoc />
    public string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options) =>
        TextReport.Render(interpretation, readDiagnostics, options);

    /// <inheritdoc />
    public string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options)
    {
        ArgumentNullException.ThrowIfNull(interpretations);
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
        return string.Join(Separator, reports);
    }

    /// <inheritdoc />
    public string RenderComparison(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics, ReportOptions? options) =>
        ComparisonReport.RenderText(comparison, diagnostics);

    /// <inheritdoc />
    public string? RenderNotCompared(IReadOnlyList<Diagnostic> diagnostics) => null;
}
