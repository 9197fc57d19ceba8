using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

/// <summary>
/// Renders interpretations as one self-contained HTML document: inline CSS and inline SVG charts, no scripts and no
/// external requests, printable on A4 or Letter. Every text that comes from input is HTML-escaped. The output is
/// deterministic (invariant culture, no timestamps).
/// </summary>
/// <remarks>
/// Each element bar is an SVG group <c>&lt;g class="element-bar" data-element="Ca"&gt;</c> and each panel an
/// <c>&lt;article class="report" data-sample-id="…"&gt;</c>, stable hooks for tests and styling.
/// </remarks>
public static class HtmlReport
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
            html.Append("<article class=\"report\">\n<header class=\"report-header\"><h1>HTMA interpretation</h1></header>\n")
                .Append("<p class=\"empty\">No panel could be interpreted.</p>\n");
            WriteDiagnostics(html, readDiagnostics ?? []);
            html.Append("<footer class=\"disclaimer\"><p>").Append(Escape(Interpretation.NotADiagnosis)).Append("</p></footer>\n</article>\n");
        }
        else if (interpretations.Count > 1)
        {
            WriteIndex(html, interpretations);
        }

        for (var i = 0; i < interpretations.Count; i++)
        {
            WritePanel(html, interpretations[i], i + 1, i == 0 ? readDiagnostics ?? [] : []);
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

    private static void WriteIndex(StringBuilder html, IReadOnlyList<Interpretation> interpretations)
    {
        html.Append("<nav class=\"index\">\n<h1>HTMA interpretation</h1>\n<p>")
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

    private static void WritePanel(StringBuilder html, Interpretation interpretation, int number, IReadOnlyList<Diagnostic> readDiagnostics)
    {
        var panel = interpretation.Panel;
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"report\" id=\"panel-{number}\" data-sample-id=\"{Escape(panel.SampleId)}\" data-measurements=\"{panel.Measurements.Count}\">\n");
        WriteHeader(html, interpretation);
        WriteReferrals(html, interpretation);
        WriteOxidation(html, interpretation);
        WriteElements(html, interpretation);
        WriteRatios(html, interpretation);
        WriteFindings(html, interpretation.Findings);
        WriteNotEvaluated(html, interpretation.NotEvaluated);
        WriteDiagnostics(html, readDiagnostics.Concat(interpretation.Diagnostics).ToList());
        WriteCaveats(html, interpretation);
        html.Append("<footer class=\"disclaimer\">\n<p><strong>Not a diagnosis.</strong> ").Append(Escape(StripLeadingNotADiagnosis(interpretation.Disclaimer))).Append("</p>\n")
            .Append("<p class=\"generator\">HtmaInterpreter ").Append(Escape(interpretation.LibraryVersion))
            .Append(" · rule set ").Append(Escape(interpretation.RuleSetName)).Append(' ').Append(Escape(interpretation.RuleSetVersion))
            .Append(" · model ").Append(Escape(interpretation.Oxidation.ModelId)).Append(" · lab profile ").Append(Escape(interpretation.LabProfile.Id)).Append("</p>\n")
            .Append("</footer>\n</article>\n");
    }

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

    private static void WriteReferrals(StringBuilder html, Interpretation interpretation)
    {
        var referrals = interpretation.Referrals.ToList();
        if (referrals.Count == 0)
        {
            html.Append("<section class=\"referrals none\">\n<h2>Referrals</h2>\n<p>No rule of the rule set asked for a physician referral for this panel. Symptoms and medication still belong with a physician.</p>\n</section>\n");
            return;
        }

        html.Append("<section class=\"referrals\">\n<h2>Refer to a physician</h2>\n<ul>\n");
        foreach (var referral in referrals)
        {
            html.Append("<li><strong>").Append(Escape(referral.Title)).Append("</strong>").Append(SubjectBadge(referral))
                .Append(" — ").Append(Escape(referral.Explanation)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    private static string OxidationHeadline(OxidationResult oxidation)
    {
        var headline = oxidation.Type switch
        {
            OxidationType.Slow => "Slow oxidation",
            OxidationType.Fast => "Fast oxidation",
            OxidationType.Mixed => "Mixed oxidation",
            _ => "Oxidation type indeterminate",
        };
        if (oxidation.Lean is { } lean)
        {
            headline += ", leaning " + ReportText.Name(lean);
        }

        return ReportText.Name(oxidation.Degree) is { } degree ? $"{headline} ({degree})" : headline;
    }

    private static void WriteOxidation(StringBuilder html, Interpretation interpretation)
    {
        var oxidation = interpretation.Oxidation;
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"oxidation type-{ReportText.Name(oxidation.Type)}\">\n<h2>Oxidation type</h2>\n");
        html.Append("<div class=\"oxidation-body\">\n<div class=\"verdict\"><p class=\"type\">").Append(Escape(OxidationHeadline(oxidation))).Append("</p>\n");
        var qualifiers = new List<string>();
        if (oxidation.FourLows)
        {
            qualifiers.Add("four lows");
        }

        if (oxidation.SodiumPotassiumQualifier is { } qualifier)
        {
            qualifiers.Add("Na/K " + qualifier);
        }

        if (oxidation.StressStage is { } stage)
        {
            qualifiers.Add("stage of stress: " + stage);
        }

        foreach (var text in qualifiers)
        {
            html.Append("<span class=\"pill\">").Append(Escape(text)).Append("</span>");
        }

        html.Append("<p class=\"small\">Model: ").Append(Escape(interpretation.ModelName)).Append("</p></div>\n");
        if (oxidation.DecidingRatios.Count > 0)
        {
            html.Append("<table class=\"data deciding\">\n<thead><tr><th>Deciding ratio</th><th class=\"num\">Value</th><th></th><th class=\"num\">Threshold</th><th>Points to</th></tr></thead>\n<tbody>\n");
            foreach (var deciding in oxidation.DecidingRatios)
            {
                html.Append("<tr><td>").Append(Escape(deciding.Ratio)).Append("</td><td class=\"num\">").Append(ReportText.Format(deciding.Value))
                    .Append("</td><td class=\"cmp\">").Append(Escape(ReportText.Comparison(deciding.Value, deciding.Threshold)))
                    .Append("</td><td class=\"num\">").Append(ReportText.Format(deciding.Threshold))
                    .Append("</td><td>").Append(ReportText.Name(deciding.Indicates)).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</div>\n");
        if (oxidation.Notes.Count > 0)
        {
            html.Append("<ul class=\"notes\">\n");
            foreach (var note in oxidation.Notes)
            {
                html.Append("<li>").Append(Escape(note)).Append("</li>\n");
            }

            html.Append("</ul>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteElements(StringBuilder html, Interpretation interpretation)
    {
        html.Append("<section class=\"elements\">\n<h2>Elements</h2>\n");
        if (interpretation.Elements.Count == 0)
        {
            html.Append("<p class=\"empty\">The panel has no measurement.</p>\n");
        }

        foreach (var (group, elements) in ReportText.Groups(interpretation))
        {
            html.Append("<figure class=\"chart-block\">\n<h3>").Append(ReportText.Title(group)).Append("</h3>\n");
            HtmlCharts.WriteElementChart(html, group, elements, interpretation.LabProfile);
            html.Append("\n</figure>\n");
        }

        if (interpretation.Elements.Count > 0)
        {
            html.Append("<p class=\"caption\">").Append(Escape(HtmlCharts.Caption(interpretation.Elements, interpretation.LabProfile))).Append("</p>\n");
        }

        HtmlCharts.WriteElementLegend(html);
        html.Append("</section>\n");
    }

    private static void WriteRatios(StringBuilder html, Interpretation interpretation)
    {
        html.Append("<section class=\"ratios\">\n<h2>Ratios</h2>\n");
        var charted = interpretation.Ratios.Where(r => HtmlCharts.CentreOf(r) is not null).ToList();
        var others = interpretation.Ratios.Where(r => HtmlCharts.CentreOf(r) is null).ToList();
        if (interpretation.Ratios.Count == 0)
        {
            html.Append("<p class=\"empty\">No ratio could be computed.</p>\n");
        }

        if (charted.Count > 0)
        {
            html.Append("<figure class=\"chart-block\">\n");
            HtmlCharts.WriteRatioChart(html, charted);
            html.Append(CultureInfo.InvariantCulture, $"\n<figcaption>Each bar runs from the ideal ({Escape(charted[0].Tradition ?? interpretation.LabProfile.IdealTradition)} tradition) to the panel's value on a logarithmic scale: each half of the chart spans a factor of 10. A shaded band is the published ideal range; bars are green inside it, amber outside it, and blue-grey where only an ideal value is published.</figcaption>\n</figure>\n");
        }

        if (others.Count > 0)
        {
            html.Append("<table class=\"data compact narrow\">\n<caption>Ratios without a published ideal</caption>\n<thead><tr><th>Ratio</th><th class=\"num\">Value</th><th>Band</th></tr></thead>\n<tbody>\n");
            foreach (var ratio in others)
            {
                html.Append("<tr><td>").Append(Escape(ratio.Name)).Append("</td><td class=\"num\">").Append(ReportText.Format(ratio.Value))
                    .Append("</td><td>").Append(Escape(ratio.Band ?? "–")).Append("</td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        html.Append("</section>\n");
    }

    private static void WriteFindings(StringBuilder html, IReadOnlyList<Finding> findings)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"findings\">\n<h2>Findings <span class=\"count\">{findings.Count}</span></h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"empty\">No rule fired for this panel.</p>\n");
        }

        foreach (var group in findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            var severity = ReportText.Name(group.Key);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"severity-group sev-{severity}\">\n<h3>{ReportText.Title(group.Key)}</h3>\n");
            foreach (var finding in group)
            {
                html.Append(CultureInfo.InvariantCulture, $"<section class=\"finding sev-{severity}\" data-rule=\"{Escape(finding.RuleId)}\">\n<h4>{Escape(finding.Title)}{SubjectBadge(finding)}<span class=\"rule-id\">{Escape(finding.RuleId)}</span></h4>\n");
                if (finding.Evidence.Count > 0)
                {
                    html.Append("<ul class=\"evidence\">");
                    foreach (var evidence in finding.Evidence)
                    {
                        html.Append("<li>").Append(Escape(ReportText.Describe(evidence)));
                        if (evidence.Tests.Count > 0)
                        {
                            html.Append(" <span class=\"tests\">").Append(Escape(string.Join("; ", evidence.Tests))).Append("</span>");
                        }

                        html.Append("</li>");
                    }

                    html.Append("</ul>\n");
                }

                html.Append("<p>").Append(Escape(finding.Explanation)).Append("</p>\n");
                if (finding.Suggestions.Count > 0)
                {
                    html.Append("<ul class=\"suggestions\">\n");
                    foreach (var suggestion in finding.Suggestions)
                    {
                        html.Append("<li>").Append(Escape(suggestion)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                }

                html.Append("<p class=\"source\">Source: ").Append(Escape(finding.Source)).Append("</p>\n</section>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static string SubjectBadge(Finding finding) =>
        finding.Subject is null ? "" : " <span class=\"badge\">" + Escape(finding.Subject) + "</span>";

    private static void WriteNotEvaluated(StringBuilder html, IReadOnlyList<UnevaluatedRule> rules)
    {
        if (rules.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"not-evaluated\">\n<h2>Not evaluated</h2>\n<p class=\"small\">These rules could not be decided because an input was missing.</p>\n")
            .Append("<table class=\"data compact\">\n<thead><tr><th>Rule</th><th>Subject</th><th>Missing</th></tr></thead>\n<tbody>\n");
        foreach (var rule in rules)
        {
            html.Append("<tr><td>").Append(Escape(rule.RuleId)).Append("</td><td>").Append(Escape(rule.Subject ?? "")).Append("</td><td>")
                .Append(Escape(string.Join(", ", rule.MissingInputs))).Append("</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteDiagnostics(StringBuilder html, IReadOnlyList<Diagnostic> diagnostics)
    {
        html.Append("<section class=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
        if (diagnostics.Count == 0)
        {
            html.Append("<p class=\"small\">None.</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"data compact\">\n<thead><tr><th>Severity</th><th>Code</th><th>Where</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var diagnostic in diagnostics)
        {
            var severity = diagnostic.Severity.ToString().ToLowerInvariant();
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"diag-{severity}\"><td>{severity}</td><td>{Escape(diagnostic.Code)}</td><td class=\"where\">{Escape(diagnostic.Location.ToString())}</td><td>{Escape(diagnostic.Message)}</td></tr>\n");
        }

        html.Append("</tbody>\n</table>\n</section>\n");
    }

    private static void WriteCaveats(StringBuilder html, Interpretation interpretation)
    {
        var caveats = interpretation.LabProfile.Caveats;
        if (caveats.Count == 0)
        {
            return;
        }

        html.Append("<section class=\"caveats\">\n<h2>Lab caveats</h2>\n<ul>\n");
        foreach (var caveat in caveats)
        {
            html.Append("<li>").Append(Escape(caveat)).Append("</li>\n");
        }

        html.Append("</ul>\n</section>\n");
    }

    internal const string Css =
        """
        :root { --ink: #1f2933; --muted: #5f6b7a; --rule: #d9dee5; --paper: #fff; --accent: #234e70;
          --green: #2f855a; --green-tint: #e3f1e8; --amber: #b7791f; --amber-tint: #fbf1dc; --red: #c53030; --red-tint: #fbe3e3;
          --grey: #8a94a3; --grey-tint: #eef1f4; --blue: #4a6a8f; }
        * { box-sizing: border-box; }
        html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
        body { margin: 0; background: #eceff3; color: var(--ink);
          font: 13px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", "Liberation Sans", sans-serif; }
        .report, .index { max-width: 210mm; margin: 16px auto; padding: 14mm 13mm; background: var(--paper); box-shadow: 0 1px 4px rgba(0,0,0,.12); }
        h1, h2, h3, h4 { margin: 0; line-height: 1.25; }
        h2 { font-size: 15px; color: var(--accent); border-bottom: 1.5px solid var(--accent); padding-bottom: 3px; margin: 20px 0 10px; letter-spacing: .01em; }
        h3 { font-size: 12.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin: 12px 0 4px; }
        p { margin: 4px 0 8px; }
        .small, .source, figcaption, .caption, .generator { font-size: 11px; color: var(--muted); }
        .report-header { display: grid; grid-template-columns: 1fr auto; gap: 8px 16px; border-bottom: 3px solid var(--accent); padding-bottom: 10px; }
        .report-header .kicker { margin: 0; font-size: 11px; text-transform: uppercase; letter-spacing: .12em; color: var(--muted); }
        .report-header h1 { font-size: 24px; color: var(--accent); }
        .report-header .model { margin: 2px 0 0; color: var(--muted); }
        .report-header .sample { text-align: right; }
        .report-header .sample .label { display: block; font-size: 11px; text-transform: uppercase; letter-spacing: .12em; color: var(--muted); }
        .report-header .sample-id { font-size: 18px; font-weight: 600; overflow-wrap: anywhere; }
        .meta { grid-column: 1 / -1; display: grid; grid-template-columns: repeat(4, minmax(0, 1fr)); gap: 6px 14px; margin: 6px 0 0; }
        .meta div { min-width: 0; }
        .meta dt { font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
        .meta dd { margin: 0; font-weight: 500; overflow-wrap: anywhere; }
        .meta .unit { color: var(--muted); font-weight: 400; }
        .referrals { margin: 16px 0 0; padding: 10px 14px; border: 2px solid var(--red); border-left-width: 6px; background: var(--red-tint); border-radius: 4px; }
        .referrals h2 { color: var(--red); border: 0; margin: 0 0 4px; padding: 0; }
        .referrals ul { margin: 4px 0; padding-left: 18px; }
        .referrals.none { border: 1px solid var(--rule); border-left: 6px solid var(--green); background: #f6faf7; }
        .referrals.none h2 { color: var(--green); }
        .oxidation-body { display: grid; grid-template-columns: minmax(0, 1fr) minmax(0, 1.3fr); gap: 16px; align-items: start; }
        .oxidation .type { font-size: 20px; font-weight: 650; margin: 0 0 6px; color: var(--accent); }
        .pill { display: inline-block; margin: 0 6px 4px 0; padding: 1px 8px; border-radius: 10px; background: var(--grey-tint); font-size: 11.5px; }
        .notes { margin: 8px 0 0; padding-left: 18px; font-size: 11.5px; color: var(--muted); }
        table.data { width: 100%; border-collapse: collapse; font-variant-numeric: tabular-nums; }
        table.data th { text-align: left; font-size: 10.5px; text-transform: uppercase; letter-spacing: .05em; color: var(--muted); border-bottom: 1px solid var(--rule); padding: 3px 6px; font-weight: 600; }
        table.data td { border-bottom: 1px solid #eef0f3; padding: 3px 6px; vertical-align: top; overflow-wrap: anywhere; }
        table.data .num { text-align: right; }
        table.data .cmp { text-align: center; color: var(--muted); }
        table.compact { font-size: 11.5px; }
        table.narrow { width: auto; min-width: 50%; }
        table.data caption { text-align: left; font-size: 11px; color: var(--muted); padding: 4px 0; }
        td.where { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 10.5px; }
        figure.chart-block { margin: 0 0 10px; break-inside: avoid; }
        figcaption { margin-top: 2px; }
        svg.chart { display: block; width: 100%; height: auto; font-variant-numeric: tabular-nums; }
        svg .col { font-size: 10px; font-weight: 600; fill: var(--muted); text-transform: uppercase; letter-spacing: .05em; }
        svg .zone-label { font-size: 9.5px; fill: var(--muted); }
        svg .sym { font-size: 12px; font-weight: 650; fill: var(--ink); }
        svg .name { font-size: 11px; fill: var(--muted); }
        svg .num { font-size: 12px; fill: var(--ink); }
        svg .ref { font-size: 11px; fill: var(--muted); }
        svg .level { font-size: 10.5px; fill: var(--muted); }
        svg .band { font-size: 10px; fill: var(--muted); font-style: italic; }
        svg .nd { font-size: 10px; fill: var(--grey); font-style: italic; }
        svg .row-shade { fill: #f6f8fa; }
        svg .zone-in { fill: var(--green-tint); }
        svg .zone-out { fill: var(--amber-tint); }
        svg .zone-toxic { fill: var(--red-tint); }
        svg .zone-neutral { fill: var(--grey-tint); }
        svg .zone-none { fill: none; stroke: var(--rule); stroke-dasharray: 3 3; }
        svg .ideal-tick { stroke: var(--ink); stroke-width: 1.5; }
        svg .grid-line { stroke: var(--rule); stroke-width: 1; stroke-dasharray: 2 3; }
        svg .centre-line { stroke: var(--ink); stroke-width: 1.2; }
        svg .bar { fill: var(--grey); }
        svg .level-within .bar { fill: var(--green); }
        svg .level-low .bar, svg .level-high .bar { fill: var(--amber); }
        svg .level-elevated .bar { fill: var(--red); }
        svg .level-elevated .level { fill: var(--red); font-weight: 650; }
        svg .level-low .level, svg .level-high .level { fill: var(--amber); font-weight: 600; }
        svg .level-ideal .level { fill: var(--blue); font-weight: 600; }
        svg .bar.below-limit { fill-opacity: .35; }
        svg .overflow { fill: var(--ink); }
        svg .ratio-bar.within .bar { fill: var(--green); }
        svg .ratio-bar.outside .bar { fill: var(--amber); }
        svg .ratio-bar.no-range .bar { fill: var(--blue); }
        .legend { font-size: 11px; color: var(--muted); }
        .legend .key { display: inline-block; width: 14px; height: 8px; margin: 0 4px 0 10px; border-radius: 1.5px; vertical-align: middle; background: var(--grey); }
        .legend .key:first-child { margin-left: 0; }
        .legend .key.level-within { background: var(--green); }
        .legend .key.level-low { background: var(--amber); }
        .legend .key.level-elevated { background: var(--red); }
        h2 .count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 10px; background: var(--accent); color: #fff; font-size: 11px; text-align: center; vertical-align: 2px; }
        .finding { break-inside: avoid; border: 1px solid var(--rule); border-left: 4px solid var(--grey); border-radius: 3px; padding: 8px 12px; margin: 6px 0 10px; }
        .finding.sev-refer { border-left-color: var(--red); }
        .finding.sev-attention { border-left-color: var(--amber); }
        .finding.sev-info { border-left-color: var(--blue); }
        .finding h4 { font-size: 13.5px; margin-bottom: 4px; }
        .finding .rule-id { float: right; font-weight: 400; font-size: 10.5px; color: var(--muted); font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; }
        .badge { display: inline-block; padding: 0 6px; margin-left: 6px; border-radius: 3px; background: var(--grey-tint); font-size: 11px; font-weight: 600; vertical-align: 1px; }
        .evidence { list-style: none; padding: 0; margin: 4px 0 6px; display: flex; flex-wrap: wrap; gap: 4px; }
        .evidence li { background: #f3f5f8; border: 1px solid #e3e7ec; border-radius: 3px; padding: 0 6px; font-size: 11.5px; font-variant-numeric: tabular-nums; }
        .evidence .tests { color: var(--muted); }
        .suggestions { margin: 4px 0; padding-left: 18px; }
        .caveats ul { padding-left: 18px; font-size: 12px; }
        tr.diag-error td:first-child { color: var(--red); font-weight: 600; }
        tr.diag-warning td:first-child { color: var(--amber); font-weight: 600; }
        .disclaimer { margin-top: 20px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 11.5px; }
        .index td a { color: var(--accent); }
        @page { size: A4; margin: 12mm; }
        @media print {
          body { background: none; font-size: 11.5px; }
          .report, .index { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          .report + .report, .index + .report { break-before: page; }
          .referrals, .oxidation, .finding, figure.chart-block, table.data tr { break-inside: avoid; }
          h2, h3, h4 { break-after: avoid; }
        }
        @media (max-width: 640px) {
          .meta { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          .oxidation-body { grid-template-columns: 1fr; }
        }

        """;
}
