namespace HtmaInterpreter.Reports;

/// <summary>Options for rendering a report; the defaults give plain, deterministic output.</summary>
public sealed record ReportOptions
{
    /// <summary>The default options: no colour, no branding.</summary>
    public static ReportOptions Default { get; } = new();

    /// <summary>
    /// True to colour the text report with ANSI escape codes (levels, severities, headings). Only the text format uses it;
    /// callers set it when the output is a terminal that wants colour (e.g. not redirected and <c>NO_COLOR</c> unset).
    /// </summary>
    public bool UseColor { get; init; }

    /// <summary>
    /// The practice letterhead (name, address, logo, page footer, extra CSS) of the HTML reports, single and comparison;
    /// <c>null</c> for none. The other formats do not use it. Parts that fail <see cref="ReportBranding.Validate"/> are
    /// left out; the report is still one self-contained file with no scripts and no external requests.
    /// </summary>
    public ReportBranding? Branding { get; init; }
}
