using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

/// <summary>
/// One report format: its names and everything it renders. A new format is one class implementing this interface,
/// a value in <see cref="ReportFormat"/> and one line in <see cref="ReportFormats.All"/>; <see cref="ReportRenderer"/>,
/// <see cref="ComparisonReport"/> and the command line's <c>--format</c> (parsing and help) go through the registry.
/// </summary>
internal interface IReportFormat
{
    /// <summary>The public value naming this format.</summary>
    ReportFormat Format { get; }

    /// <summary>The name given to <c>--format</c> and shown in the help, e.g. <c>markdown</c>.</summary>
    string Name { get; }

    /// <summary>Other names <c>--format</c> accepts, e.g. <c>md</c>; not shown in the help.</summary>
    IReadOnlyList<string> Aliases { get; }

    /// <summary>The file extensions of a saved report, the usual one first, with the dot (<c>.html</c>).</summary>
    IReadOnlyList<string> FileExtensions { get; }

    /// <summary>True when the report shows the practice letterhead of <see cref="ReportOptions.Branding"/>.</summary>
    bool UsesBranding { get; }

    /// <summary>True when the report can be coloured for a terminal (<see cref="ReportOptions.UseColor"/>).</summary>
    bool UsesColor { get; }

    /// <summary>Renders one interpretation (for JSON one object rather than an array of one).</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panel, listed before the interpretation's own.</param>
    /// <param name="options">Rendering options; <c>null</c> for <see cref="ReportOptions.Default"/>.</param>
    /// <returns>The report, ending with a newline.</returns>
    string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options);

    /// <summary>Renders several interpretations as one report; with none, a report that says so and lists <paramref name="readDiagnostics"/>.</summary>
    /// <param name="interpretations">The interpretations, in input order.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the file, listed with the first panel.</param>
    /// <param name="options">Rendering options; <c>null</c> for <see cref="ReportOptions.Default"/>.</param>
    /// <returns>The report, ending with a newline.</returns>
    string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics, ReportOptions? options);

    /// <summary>Renders a retest comparison.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="diagnostics">Every diagnostic to list: reading first, then the comparison's own.</param>
    /// <param name="options">Rendering options; <c>null</c> for none.</param>
    /// <returns>The report, ending with a newline.</returns>
    string RenderComparison(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics, ReportOptions? options);

    /// <summary>The report when no comparison could be made, or <c>null</c> when the format has none (only the diagnostics are shown then).</summary>
    /// <param name="diagnostics">The diagnostics that explain why.</param>
    /// <returns>The report, or <c>null</c>.</returns>
    string? RenderNotCompared(IReadOnlyList<Diagnostic> diagnostics);
}
