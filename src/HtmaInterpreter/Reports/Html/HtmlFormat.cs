using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

/// <summary>The HTML format: one self-contained, printable document with the practice letterhead.</summary>
internal sealed class HtmlFormat : IReportFormat
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Html;

    /// <inheritdoc />
    public string Name => "html";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => [];

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions => [".html", ".htm"];

    /// <inheritdoc />
    public bool UsesBranding => true;

    /// <inheritdoc />
    public bool UsesColor => false;

    /// <inheritdoc />
    public string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options) =>
        HtmlReport.Render(interpretation, readDiagnostics, options);

    /// <inheritdoc />
    public string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options) =>
        HtmlReport.Render(interpretations, readDiagnostics, options);

    /// <inheritdoc />
    public string RenderComparison(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics, ReportOptions? options) =>
        ComparisonReport.RenderHtml(comparison, diagnostics, options);

    /// <inheritdoc />
    public string? RenderNotCompared(IReadOnlyList<Diagnostic> diagnostics) => null;
}
