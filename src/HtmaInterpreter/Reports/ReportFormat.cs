namespace HtmaInterpreter.Reports;

/// <summary>
/// The formats an <see cref="Interpretation"/> can be rendered in (see <see cref="ReportRenderer"/>). Each value has one
/// format class in its folder under <c>Reports/</c>, registered in <c>ReportFormats</c>.
/// </summary>
public enum ReportFormat
{
    /// <summary>Plain text for a terminal: aligned tables; ANSI colour only when <see cref="ReportOptions.UseColor"/> is set.</summary>
    Text,

    /// <summary>JSON with a versioned schema (its <c>schemaVersion</c> changes only when a field is removed or changes meaning).</summary>
    Json,

    /// <summary>Markdown (CommonMark with pipe tables), every input text escaped.</summary>
    Markdown,

    /// <summary>One self-contained HTML document (inline CSS and SVG, no scripts, no external requests), printable on A4.</summary>
    Html,
}
