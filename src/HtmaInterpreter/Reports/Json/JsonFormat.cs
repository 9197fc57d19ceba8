using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

/// <summary>The JSON format: one object for one panel, an array for several, a document even when nothing was compared.</summary>
internal sealed class JsonFormat : IReportFormat
{
    /// <inheritdoc />
    public ReportFormat Format => ReportFormat.Json;

    /// <inheritdoc />
    public string Name => "json";

    /// <inheritdoc />
    public IReadOnlyList<string> Aliases => [];

    /// <inheritdoc />
    public IReadOnlyList<string> FileExtensions => [".json"];

    /// <inheritdoc />
    public bool UsesBranding => false;

    /// <inheritdoc />
    public bool UsesColor => false;

    /// <inheritdoc />
    public string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options) =>
        JsonReport.Render(interpretation, readDiagnostics);

    /// <inheritdoc />
    public string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options) =>
        JsonReport.Render(interpretations, readDiagnostics);

    /// <inheritdoc />
    public string RenderComparison(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics, ReportOptions? options) =>
        ComparisonReport.RenderJson(comparison, diagnostics);

    /// <inheritdoc />
    public string? RenderNotCompared(IReadOnlyList<Diagnostic> diagnostics) => ComparisonReport.RenderJsonNotCompared(diagnostics);
}
