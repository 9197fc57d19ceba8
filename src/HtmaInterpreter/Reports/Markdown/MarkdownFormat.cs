using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

/// <summary>The Markdown format (<c>--format markdown</c> or <c>md</c>): several panels one after another in one document.</summary>
internal sealed class MarkdownFormat : IReportFormat
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Markdown;

    /// <inheritdoc />
    public string Name => "markdown";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => ["md"];

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions => [".md", ".markdown"];

    /// <inheritdoc />
    public bool UsesBranding => false;

    /// <inheritdoc />
    public bool UsesColor => false;

    /// <inheritdoc />
    public string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options) =>
        MarkdownReport.Render(interpretation, readDiagnostics);

    /// <inheritdoc />
    public string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options) =>
        MarkdownReport.Render(interpretations, readDiagnostics);

    /// <inheritdoc />
    public string RenderComparison(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics, ReportOptions? options) =>
        ComparisonReport.RenderMarkdown(comparison, diagnostics);

    /// <inheritdoc />
    public string? RenderNotCompared(IReadOnlyList<Diagnostic> diagnostics) => null;
}
