using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Reports;

/// <summary>
/// Renders interpretations as one self-contained HTML document: inline CSS and inline SVG charts, no scripts and no
/// external requests, printable on A4 or Letter. Every text that comes from input is HTML-escaped. The output is
/// deterministic (invariant culture, no timestamps).
/// </summary>
/// <remarks>
/// A panel's sections, in order: header; summary box (<c>section.summary</c>, <c>data-concern</c> refer, attention or
/// none); oxidation type; elements; ratios; findings; diagnostics; lab caveats; the not-a-diagnosis footer; technical
/// details (<c>details.technical</c>, closed in the browser, printed last). Each element bar is an SVG group
/// <c>&lt;g class="element-bar" data-element="Ca"&gt;</c>, each ratio bar <c>&lt;g class="ratio-bar …" data-ratio="Na/K"&gt;</c>
/// and each panel an <c>&lt;article class="report" data-sample-id="…"&gt;</c>, stable hooks for tests and styling.
/// </remarks>
internal static partial class HtmlReport
{
    /// <summary>Renders one interpretation as an HTML document.</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panel, listed before the interpretation's own.</param>
    /// <param name="options">Rendering options (the practice <see cref="ReportOptions.Branding"/>); <c>null</c> for none.</param>
    /// <returns>The HTML document, ending with a newline.</returns>
    public static string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        return Render([interpretation], readDiagnostics, options);
    }

    /// <summary>Renders several interpretations as one HTML document, one section per panel in input order, each starting on a new printed page.</summary>
    /// <param name="interpretations">The interpretations, in input order.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the file, listed with the first panel (or alone when there is none).</param>
    /// <param name="options">Rendering options (the practice <see cref="ReportOptions.Branding"/>); <c>null</c> for none.</param>
    /// <returns>The HTML document, ending with a newline.</returns>
    public static string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpretations);
        var html = new StringBuilder(64 * 1024);
        var title = interpretations.Count == 1
            ? "HTMA interpretation – sample " + interpretations[0].Panel.SampleId
            : $"HTMA interpretation – {interpretations.Count.ToString(CultureInfo.InvariantCulture)} panels";
        HtmlDocument.Begin(html, title, Css, "", options);

        if (interpretations.Count == 0)
        {
            html.Append("<article class=\"report\">\n");
            HtmlDocument.WriteLetterhead(html, options);
            html.Append("<header class=\"report-header\"><h1>HTMA interpretation</h1></header>\n")
                .Append("<p class=\"empty\">No panel could be interpreted.</p>\n");
            WriteDiagnostics(html, readDiagnostics ?? []);
            html.Append("<footer class=\"disclaimer\"><p>").Append(Escape(Interpretation.NotADiagnosis)).Append("</p></footer>\n</article>\n");
        }
        else if (interpretations.Count > 1)
        {
            WriteIndex(html, interpretations, options);
        }

        for (var i = 0; i < interpretations.Count; i++)
        {
            WritePanel(html, interpretations[i], i + 1, i == 0 ? readDiagnostics ?? [] : [], options);
        }

        HtmlDocument.End(html);
        return html.ToString();
    }

    /// <summary>Escapes text for HTML element content and double- or single-quoted attribute values.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (TerminalText.IsUnsafe(c) && c is not ('\n' or '\t' or '\r'))
            {
                // Control characters are not allowed in HTML text; shown as \u001B like everywhere else.
                TerminalText.AppendEscaped(escaped, c);
                continue;
            }

            escaped.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => null,
            } ?? c.ToString());
        }

        return escaped.ToString();
    }

    private static void WriteIndex(StringBuilder html, IReadOnlyList<Interpretation> interpretations, ReportOptions? options)
    {
        html.Append("<nav class=\"index\">\n");
        HtmlDocument.WriteLetterhead(html, options);
        html.Append("<h1>HTMA interpretation</h1>\n<p>")
            .Append(interpretations.Count.ToString(CultureInfo.InvariantCulture))
            .Append(" panels, one per section below.</p>\n<table class=\"data\">\n<thead><tr><th>Sample</th><th>Subject</th><th>Collected</th><th>Oxidation</th><th class=\"num\">Findings</th><th class=\"num\">Referrals</th></tr></thead>\n<tbody>\n");
        for (var i = 0; i < interpretations.Count; i++)
        {
            var interpretation = interpretations[i];
            var panel = interpretation.Panel;
            html.Append(CultureInfo.InvariantCulture, $"<tr><td><a href=\"#panel-{i + 1}\">{Escape(panel.SampleId)}</a></td><td>{Escape(panel.SubjectId ?? "–")}</td><td>{ReportText.Date(panel.CollectedOn)}</td><td>{Escape(OxidationHeadline(interpretation.Oxidation))}</td><td class=\"num\">{interpretation.Findings.Count}</td><td class=\"num\">{interpretation.Referrals.Count()}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</nav>\n");
    }

    private static void WritePanel(StringBuilder html, Interpretation interpretation, int number, IReadOnlyList<Diagnostic> readDiagnostics, ReportOptions? options)
    {
        var panel = interpretation.Panel;
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"report\" id=\"panel-{number}\" data-sample-id=\"{Escape(panel.SampleId)}\" data-measurements=\"{panel.Measurements.Count}\">\n");
        WritePageStyle(html, panel.SampleId, number);
        HtmlDocument.WriteLetterhead(html, options);
        WriteHeader(html, interpretation);
        WriteSummary(html, interpretation);
        WriteOxidation(html, interpretation);
        WriteElements(html, interpretation);
        WriteRatios(html, interpretation);
        WriteFindings(html, interpretation.Findings, interpretation.Elements);
        WriteDiagnostics(html, readDiagnostics.Concat(interpretation.Diagnostics).ToList());
        WriteCaveats(html, interpretation);
        html.Append("<footer class=\"disclaimer\">\n<p><strong>Not a diagnosis.</strong> ").Append(Escape(StripLeadingNotADiagnosis(interpretation.Disclaimer))).Append("</p>\n")
            .Append("<p class=\"generator\">HtmaInterpreter ").Append(Escape(interpretation.LibraryVersion))
            .Append(" · rule set ").Append(Escape(interpretation.RuleSetName)).Append(' ').Append(Escape(interpretation.RuleSetVersion))
            .Append(" · model ").Append(Escape(interpretation.Oxidation.ModelId)).Append(" · lab profile ").Append(Escape(interpretation.LabProfile.Id)).Append("</p>\n")
            .Append("</footer>\n");
        WriteTechnicalDetails(html, interpretation);
        html.Append("</article>\n");
    }

    /// <summary>
    /// A named page per panel, so that every printed page of the panel carries its own sample id and the page number in
    /// its top margin. The id goes into a CSS string, escaped by <see cref="HtmlDocument.CssString"/>.
    /// </summary>
    private static void WritePageStyle(StringBuilder html, string sampleId, int number) =>
        html.Append(CultureInfo.InvariantCulture, $"<style>#panel-{number} {{ page: panel-{number}; }} @page panel-{number} {{ @top-right {{ content: {HtmlDocument.CssString("Sample " + sampleId)} \" · page \" counter(page) \" of \" counter(pages); }} }}</style>\n");


    private static string StripLeadingNotADiagnosis(string disclaimer) =>
        disclaimer.StartsWith("Not a diagnosis. ", StringComparison.Ordinal) ? disclaimer["Not a diagnosis. ".Length..] : disclaimer;

    private static void WriteHeader(StringBuilder html, Interpretation interpretation)
    {
        var panel = interpretation.Panel;
        var lab = interpretation.LabProfile;
        html.Append("<header class=\"report-header\">\n<div class=\"title\">\n<p class=\"kicker\">Hair tissue mineral analysis</p>\n<h1>Interpretation</h1>\n")
            .Append("<p class=\"model\">").Append(Escape(interpretation.ModelName)).Append("</p>\n</div>\n")
            .Append("<div class=\"sample\"><span class=\"label\">Sample</span><span class=\"sample-id\">").Append(Escape(panel.SampleId)).Append("</span></div>\n")
            .Append("<dl class=\"meta\">\n");
        Meta(html, "Subject", Escape(panel.SubjectId ?? "–"));
        Meta(html, "Collected", ReportText.Date(panel.CollectedOn));
        Meta(html, "Sex / age", $"{ReportText.Name(panel.Sex) ?? "–"} / {panel.AgeYears?.ToString(CultureInfo.InvariantCulture) ?? "–"}");
        Meta(html, "Treatment", ReportText.Name(interpretation.Treatment) + (panel.Treatment == SampleTreatment.Unknown ? " (from profile)" : ""));
        Meta(html, "Lab (as given)", Escape(panel.Lab ?? "–"));
        Meta(html, "Lab profile", $"{Escape(lab.Name)} <span class=\"unit\">({Escape(Units.Symbol(lab.ReportingUnit))})</span>");
        Meta(html, "Rule set", $"{Escape(interpretation.RuleSetName)} <span class=\"unit\">{Escape(interpretation.RuleSetVersion)}</span>");
        Meta(html, "Source file", Escape(panel.Source?.File ?? "–"));
        html.Append("</dl>\n</header>\n");
    }

    private static void Meta(StringBuilder html, string name, string valueHtml) =>
        html.Append("<div><dt>").Append(name).Append("</dt><dd>").Append(valueHtml).Append("</dd></div>\n");
}
