using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>
/// Report rendering as a service, so a host injects it (and can substitute it in its own tests); the default
/// (<see cref="HtmaReportRenderer"/>) is the library's <see cref="ReportRenderer"/>. Every report names the model,
/// the lab profile and the rule-set version and carries the not-a-diagnosis note.
/// </summary>
public interface IHtmaReportRenderer
{
    /// <summary>Renders one interpretation.</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Branding and colour; <c>null</c> for the defaults.</param>
    /// <param name="readDiagnostics">Diagnostics of reading the input, shown with the report; <c>null</c> for none.</param>
    /// <returns>The report.</returns>
    string Render(Interpretation interpretation, ReportFormat format, ReportOptions? options = null, IReadOnlyList<Diagnostic>? readDiagnostics = null);

    /// <summary>Renders several interpretations as one document (e.g. every panel of one file).</summary>
    /// <param name="interpretations">The interpretations, in order.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Branding and colour; <c>null</c> for the defaults.</param>
    /// <param name="readDiagnostics">Diagnostics of reading the input, shown with the report; <c>null</c> for none.</param>
    /// <returns>The report.</returns>
    string Render(IReadOnlyList<Interpretation> interpretations, ReportFormat format, ReportOptions? options = null, IReadOnlyList<Diagnostic>? readDiagnostics = null);

    /// <summary>Renders a retest comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="format">The format.</param>
    /// <param name="options">Branding and colour; <c>null</c> for the defaults.</param>
    /// <param name="readDiagnostics">Diagnostics of reading the input, shown with the report; <c>null</c> for none.</param>
    /// <returns>The report.</returns>
    string Render(RetestComparison comparison, ReportFormat format, ReportOptions? options = null, IReadOnlyList<Diagnostic>? readDiagnostics = null);
}

/// <summary>The default <see cref="IHtmaReportRenderer"/>: the library's static <see cref="ReportRenderer"/>, unchanged.</summary>
public sealed class HtmaReportRenderer : IHtmaReportRenderer
{
    /// <inheritdoc />
    public string Render(Interpretation interpretation, ReportFormat format, ReportOptions? options = null, IReadOnlyList<Diagnostic>? readDiagnostics = null) =>
        ReportRenderer.Render(interpretation, format, options, readDiagnostics);

    /// <inheritdoc />
    public string Render(IReadOnlyList<Interpretation> interpretations, ReportFormat format, ReportOptions? options = null, IReadOnlyList<Diagnostic>? readDiagnostics = null) =>
        ReportRenderer.Render(interpretations, format, options, readDiagnostics);

    /// <inheritdoc />
    public string Render(RetestComparison comparison, ReportFormat format, ReportOptions? options = null, IReadOnlyList<Diagnostic>? readDiagnostics = null) =>
        ReportRenderer.Render(comparison, format, options, readDiagnostics);
}
