namespace HtmaInterpreter.Reports;

/// <summary>Options for rendering a report; the defaults give plain, deterministic output.</summary>
public sealed record ReportOptions
{
    /// <summary>The default options: no colour.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>
    /// True to colour the text report with ANSI escape codes (levels, severities, headings). Only the text format uses it;
    /// callers set it when the output is a terminal that wants colour (e.g. not redirected and <c>NO_COLOR</c> unset).
    /// </summary>
    public bool UseColor { get; init; }
}
