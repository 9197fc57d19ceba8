using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
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
/// A panel's sections, in order: header; summary box (<c>section.summary</c>, <c>data-concern</c> refer, attention or
/// none); oxidation type; elements; ratios; findings; diagnostics; lab caveats; the not-a-diagnosis footer; technical
/// details (<c>details.technical</c>, closed in the browser, printed last). Each element bar is an SVG group
/// <c>&lt;g class="element-bar" data-element="Ca"&gt;</c>, each ratio bar <c>&lt;g class="ratio-bar …" data-ratio="Na/K"&gt;</c>
/// and each panel an <c>&lt;article class="report" data-sample-id="…"&gt;</c>, stable hooks for tests and styling.
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

    /// <summary>How much the summary box says needs doing: it is green only when nothing of concern was found.</summary>
    internal enum Concern
    {
        /// <summary>No referral, no toxic metal above its limit and no finding that needs attention.</summary>
        None,

        /// <summary>A toxic metal is above its limit or a finding needs attention.</summary>
        Attention,

        /// <summary>A rule asked for a physician referral.</summary>
        Refer,
    }

    /// <summary>The concern of a panel, which picks the summary box's style.</summary>
    internal static Concern ConcernOf(Interpretation interpretation) =>
        interpretation.Referrals.Any() ? Concern.Refer
        : interpretation.Findings.Any(f => f.Severity == RuleSeverity.Attention) || ElevatedToxicMetals(interpretation).Any() ? Concern.Attention
        : Concern.None;

    private static IEnumerable<ElementResult> ElevatedToxicMetals(Interpretation interpretation) =>
        interpretation.Elements.Where(e => e.Level == ElementLevel.Elevated);

    /// <summary>
    /// The first box of a panel: oxidation type and degree, referrals, toxic metals above their limits (value and limit)
    /// and the number of findings by severity. Styled by <see cref="ConcernOf"/>; its wording stays neutral even when
    /// nothing was found, because the report is not a diagnosis.
    /// </summary>
    private static void WriteSummary(StringBuilder html, Interpretation interpretation)
    {
        var concern = ConcernOf(interpretation);
        var concernName = concern.ToString().ToLowerInvariant();
        var lab = interpretation.LabProfile;
        var unit = Units.Symbol(lab.ReportingUnit);
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"summary concern-{concernName}\" data-concern=\"{concernName}\">\n<h2>Summary</h2>\n<ul class=\"summary-points\">\n");

        html.Append("<li class=\"summary-oxidation\"><span class=\"label\">Oxidation</span> <strong>").Append(Escape(OxidationHeadline(interpretation.Oxidation))).Append("</strong>");
        foreach (var qualifier in OxidationQualifiers(interpretation.Oxidation))
        {
            html.Append(" · ").Append(Escape(qualifier));
        }

        html.Append("</li>\n");

        var referrals = interpretation.Referrals.ToList();
        html.Append("<li class=\"summary-referrals\"><span class=\"label\">Referrals</span> ");
        if (referrals.Count == 0)
        {
            html.Append("none asked for by the rule set; symptoms and medication still belong with a physician.");
        }
        else
        {
            html.Append("<strong>refer to a physician</strong>:<ul class=\"referrals\">\n");
            foreach (var referral in referrals)
            {
                html.Append("<li><strong>").Append(Escape(referral.Title)).Append("</strong>").Append(SubjectBadge(referral))
                    .Append(" — ").Append(Escape(referral.Explanation)).Append("</li>\n");
            }

            html.Append("</ul>");
        }

        html.Append("</li>\n");

        var elevated = ElevatedToxicMetals(interpretation).ToList();
        html.Append("<li class=\"summary-toxic\"><span class=\"label\">Toxic metals</span> ");
        if (elevated.Count == 0)
        {
            html.Append("none above its limit in the ").Append(Escape(lab.Name)).Append(" profile.");
        }
        else
        {
            html.Append("above the limit: ");
            for (var i = 0; i < elevated.Count; i++)
            {
                var element = elevated[i];
                var name = element.Measurement.Element?.Name ?? element.Measurement.ReportedName;
                html.Append(i == 0 ? "" : ", ").Append("<strong class=\"toxic-metal\" data-element=\"").Append(Escape(ReportText.Symbol(element))).Append("\">")
                    .Append(Escape(name)).Append(' ').Append(Escape(ReportText.LabValue(element, lab))).Append(' ').Append(Escape(unit)).Append("</strong>");
                if (element.ToxicLimit is { } limit)
                {
                    html.Append(" (limit ").Append(ReportText.Format(limit.To(lab.ReportingUnit).Value)).Append(')');
                }
            }
        }

        html.Append("</li>\n");

        html.Append(CultureInfo.InvariantCulture, $"<li class=\"summary-findings\" data-findings=\"{interpretation.Findings.Count}\"><span class=\"label\">Findings</span> ");
        if (interpretation.Findings.Count == 0)
        {
            html.Append("no rule of the rule set fired.");
        }
        else
        {
            var counts = interpretation.Findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key)
                .Select(g => $"{g.Count().ToString(CultureInfo.InvariantCulture)} {SeverityCountText(g.Key)}");
            html.Append(CultureInfo.InvariantCulture, $"<strong>{interpretation.Findings.Count}</strong>: ").Append(string.Join(", ", counts)).Append(" (details below).");
        }

        html.Append("</li>\n</ul>\n");
        if (concern == Concern.None)
        {
            html.Append("<p class=\"all-clear\">Nothing here asks for a referral or for attention under this rule set. This is not a diagnosis and does not rule anything out.</p>\n");
        }

        html.Append("</section>\n");
    }

    private static string SeverityCountText(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Refer => "referral",
        RuleSeverity.Attention => "needing attention",
        _ => "for information",
    };

    private static List<string> OxidationQualifiers(OxidationResult oxidation)
    {
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

        return qualifiers;
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
        foreach (var text in OxidationQualifiers(oxidation))
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
            var deciding = interpretation.Oxidation.DecidingRatios.Select(d => d.Ratio).ToHashSet(StringComparer.Ordinal);
            html.Append("<figure class=\"chart-block\">\n");
            HtmlCharts.WriteRatioChart(html, charted, deciding, RatioFlags(interpretation));
            html.Append("\n<figcaption class=\"legend ratio-legend\">")
                .Append("<span class=\"key ratio-within\"></span>within the ideal range")
                .Append("<span class=\"key ratio-outside\"></span>outside it")
                .Append("<span class=\"key ratio-flagged\"></span>named by a finding or the Na/K qualifier (its threshold in words)")
                .Append("<span class=\"key ratio-no-range\"></span>only an ideal value is published")
                .Append("<span class=\"mark\">◆</span>decided the oxidation type. ")
                .Append(CultureInfo.InvariantCulture, $"Each bar runs on a logarithmic scale from the ideal ({Escape(charted[0].Tradition ?? interpretation.LabProfile.IdealTradition)} tradition, centre line) to the value; shaded: the published ideal range; ")
                .Append("<strong>÷2</strong> <strong>÷5</strong> <strong>÷10</strong>: a half, a fifth, a tenth of the ideal; <strong>×2</strong> <strong>×5</strong> <strong>×10</strong>: two, five, ten times it; arrowhead: beyond; italic: the published grade band.")
                .Append("</figcaption>\n</figure>\n");
        }

        if (others.Count > 0)
        {
            html.Append("<div class=\"ratio-list\">\n<h3>Ratios without a published ideal</h3>\n<dl>\n");
            foreach (var ratio in others)
            {
                html.Append("<div><dt>").Append(Escape(ratio.Name)).Append("</dt><dd>").Append(ReportText.Format(ratio.Value))
                    .Append(ratio.Band is { } band ? " <span class=\"band\">" + Escape(band) + "</span>" : "").Append("</dd></div>\n");
            }

            html.Append("</dl>\n</div>\n");
        }

        html.Append("</section>\n");
    }

    /// <summary>
    /// The ratios that a fired finding cites as evidence, or that the oxidation model's Na/K qualifier names (other
    /// than good), each with the threshold in words (<c>below 2.5</c>), so the chart says what the findings say.
    /// </summary>
    internal static IReadOnlyDictionary<string, string> RatioFlags(Interpretation interpretation)
    {
        var flags = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        void Add(string ratio, string words)
        {
            if (!flags.TryGetValue(ratio, out var list))
            {
                flags[ratio] = list = [];
            }

            if (words.Length > 0 && !list.Contains(words))
            {
                list.Add(words);
            }
        }

        foreach (var evidence in interpretation.Findings.SelectMany(f => f.Evidence).Where(e => e.Kind == EvidenceKind.Ratio))
        {
            Add(evidence.Name, "");
            foreach (var test in evidence.Tests)
            {
                if (ReportText.ThresholdInWords(evidence.Name, test) is { } words)
                {
                    Add(evidence.Name, words);
                }
            }
        }

        // The qualifier's ratio is Na/K in every model (the oxidation section prints it as "Na/K <label>"). Its word is
        // shown only when no finding already gives the threshold, so the chart carries one message per ratio.
        if (interpretation.Oxidation.SodiumPotassiumQualifier is { } qualifier && qualifier != "good" && !flags.ContainsKey("Na/K"))
        {
            Add("Na/K", qualifier);
        }

        return flags.ToDictionary(f => f.Key, f => string.Join(", ", f.Value), StringComparer.Ordinal);
    }

    private static void WriteFindings(StringBuilder html, IReadOnlyList<Finding> findings, IReadOnlyList<ElementResult> elements)
    {
        html.Append(CultureInfo.InvariantCulture, $"<section class=\"findings\">\n<h2>Findings <span class=\"count\">{findings.Count}</span></h2>\n");
        if (findings.Count == 0)
        {
            html.Append("<p class=\"empty\">No rule fired for this panel.</p>\n");
        }

        foreach (var group in findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            var severity = ReportText.Name(group.Key);
            html.Append(CultureInfo.InvariantCulture, $"<div class=\"severity-group sev-{severity}\">\n");
            var first = true;
            foreach (var finding in group)
            {
                html.Append(CultureInfo.InvariantCulture, $"<section class=\"finding sev-{severity}\" data-rule=\"{Escape(finding.RuleId)}\">\n");
                if (first)
                {
                    // Inside the first card, so that the severity heading is never printed alone at the foot of a page.
                    html.Append("<h3>").Append(ReportText.Title(group.Key)).Append("</h3>\n");
                    first = false;
                }

                html.Append("<h4>").Append(Escape(finding.Title)).Append(SubjectBadge(finding)).Append("</h4>\n")
                    .Append("<p>").Append(Escape(finding.Explanation)).Append("</p>\n");
                var evidence = finding.Evidence.Where(e => e.Kind != EvidenceKind.Rule).ToList();
                if (evidence.Count > 0)
                {
                    html.Append("<p class=\"evidence\"><span class=\"label\">Based on</span> ")
                        .Append(string.Join("; ", evidence.Select(e => Escape(ReportText.InWords(e, elements))))).Append("</p>\n");
                }

                if (finding.Suggestions.Count > 0)
                {
                    html.Append("<ul class=\"suggestions\">\n");
                    foreach (var suggestion in finding.Suggestions)
                    {
                        html.Append("<li>").Append(Escape(suggestion)).Append("</li>\n");
                    }

                    html.Append("</ul>\n");
                }

                html.Append("</section>\n");
            }

            html.Append("</div>\n");
        }

        html.Append("</section>\n");
    }

    private static string SubjectBadge(Finding finding) =>
        finding.Subject is null ? "" : " <span class=\"badge\">" + Escape(finding.Subject) + "</span>";

    /// <summary>
    /// The material for whoever maintains the rules, after everything the practitioner reads: each finding's rule id,
    /// the rule tests it passed as written, and its sources; the rules that could not be evaluated. A <c>details</c>
    /// element, closed in the browser (no script needed) and printed open at the end.
    /// </summary>
    private static void WriteTechnicalDetails(StringBuilder html, Interpretation interpretation)
    {
        html.Append("<details class=\"technical\">\n<summary><h2>Technical details</h2></summary>\n");
        html.Append("<p class=\"small\">For whoever maintains the rules: what each finding's rule tested, as written in the rule set, and where it comes from.</p>\n");
        if (interpretation.Findings.Count > 0)
        {
            html.Append("<table class=\"data compact rules-fired\">\n<caption>Rules that fired</caption>\n<thead><tr><th>Rule</th><th>Tests passed, as written; source</th></tr></thead>\n<tbody>\n");
            foreach (var finding in interpretation.Findings)
            {
                html.Append("<tr data-rule=\"").Append(Escape(finding.RuleId)).Append("\"><td class=\"rule-id\">").Append(Escape(finding.RuleId))
                    .Append(finding.Subject is null ? "" : " (" + Escape(finding.Subject) + ")").Append("</td><td>");
                html.Append(string.Join(" ", finding.Evidence.SelectMany(e => e.Tests).Select(t => "<code class=\"test\">" + Escape(t) + "</code>")));
                html.Append(" <span class=\"source\">Source: ").Append(Escape(finding.Source));
                if (finding.ThresholdSources.Count > 0)
                {
                    html.Append("; thresholds: ").Append(Escape(string.Join("; ", finding.ThresholdSources)));
                }

                html.Append("</span></td></tr>\n");
            }

            html.Append("</tbody>\n</table>\n");
        }

        var rules = interpretation.NotEvaluated;
        if (rules.Count > 0)
        {
            html.Append("<div class=\"not-evaluated\">\n<h3>Not evaluated</h3>\n<p class=\"small\">These rules could not be decided because an input was missing.</p>\n<ul>\n");
            foreach (var rule in rules)
            {
                html.Append("<li><span class=\"rule-id\">").Append(Escape(rule.RuleId)).Append("</span>")
                    .Append(rule.Subject is null ? "" : " (" + Escape(rule.Subject) + ")")
                    .Append(" — ").Append(Escape(string.Join(", ", rule.MissingInputs))).Append("</li>\n");
            }

            html.Append("</ul>\n</div>\n");
        }

        html.Append("</details>\n");
    }

    private static void WriteDiagnostics(StringBuilder html, IReadOnlyList<Diagnostic> diagnostics)
    {
        html.Append("<section class=\"diagnostics\">\n<h2>Diagnostics</h2>\n");
        if (diagnostics.Count == 0)
        {
            html.Append("<p class=\"small\">None.</p>\n</section>\n");
            return;
        }

        html.Append("<table class=\"data compact\">\n<thead><tr><th>Severity</th><th class=\"code\">Code</th><th>Where</th><th>Message</th></tr></thead>\n<tbody>\n");
        foreach (var diagnostic in diagnostics)
        {
            var severity = diagnostic.Severity.ToString().ToLowerInvariant();
            html.Append(CultureInfo.InvariantCulture, $"<tr class=\"diag-{severity}\"><td>{severity}</td><td class=\"code\">{Escape(diagnostic.Code)}</td><td class=\"where\">{Escape(diagnostic.Location.ToString())}</td><td>{Escape(diagnostic.Message)}</td></tr>\n");
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

    /// <summary>The report's style sheet: screen and A4 print; the compare report uses it too.</summary>
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
        .summary { margin: 14px 0 0; padding: 8px 14px; border: 1px solid var(--rule); border-left: 6px solid var(--grey); border-radius: 4px; break-inside: avoid; }
        .summary h2 { border: 0; margin: 0 0 4px; padding: 0; }
        .summary.concern-refer { border: 2px solid var(--red); border-left-width: 6px; background: var(--red-tint); }
        .summary.concern-refer h2 { color: var(--red); }
        .summary.concern-attention { border-color: var(--amber); border-left-color: var(--amber); background: var(--amber-tint); }
        .summary.concern-attention h2 { color: #8a5a12; }
        .summary.concern-none { border-left-color: var(--green); background: #f6faf7; }
        .summary-points { list-style: none; margin: 0; padding: 0; }
        .summary-points > li { margin: 2px 0; padding-left: 96px; text-indent: -96px; }
        .summary-points .label { display: inline-block; width: 92px; text-indent: 0; font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); }
        .summary ul.referrals { margin: 2px 0; padding-left: 18px; text-indent: 0; }
        .summary .toxic-metal { color: var(--red); }
        .summary .all-clear { margin: 6px 0 0; color: var(--muted); }
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
        svg .ratio-bar.flagged .bar { fill: var(--amber); stroke: #7a4f10; stroke-width: 1; }
        svg .ratio-bar.deciding .sym { text-decoration: underline; }
        svg .mark { font-size: 11px; fill: var(--accent); }
        svg .flag { font-size: 10px; fill: #8a5a12; font-weight: 600; }
        .legend { font-size: 11px; color: var(--muted); }
        .legend .key { display: inline-block; width: 14px; height: 8px; margin: 0 4px 0 10px; border-radius: 1.5px; vertical-align: middle; background: var(--grey); }
        .legend .key:first-child { margin-left: 0; }
        .legend .key.level-within { background: var(--green); }
        .legend .key.level-low { background: var(--amber); }
        .legend .key.level-elevated { background: var(--red); }
        .legend .key.ratio-within { background: var(--green); }
        .legend .key.ratio-outside { background: var(--amber); }
        .legend .key.ratio-flagged { background: var(--amber); outline: 1px solid #7a4f10; }
        .legend .key.ratio-no-range { background: var(--blue); }
        .legend .mark { margin: 0 4px 0 10px; color: var(--accent); }
        .ratio-list h3 { margin-top: 8px; }
        .ratio-list dl { display: grid; grid-template-columns: repeat(auto-fill, minmax(120px, 1fr)); gap: 2px 12px; margin: 2px 0 0; font-size: 11.5px; font-variant-numeric: tabular-nums; }
        .ratio-list dl div { display: flex; justify-content: space-between; gap: 6px; border-bottom: 1px solid #eef0f3; }
        .ratio-list dt { color: var(--muted); }
        .ratio-list dd { margin: 0; }
        .ratio-list .band { font-style: italic; color: var(--muted); }
        h2 .count { display: inline-block; min-width: 20px; padding: 0 6px; border-radius: 10px; background: var(--accent); color: #fff; font-size: 11px; text-align: center; vertical-align: 2px; }
        .finding { break-inside: avoid; border: 1px solid var(--rule); border-left: 4px solid var(--grey); border-radius: 3px; padding: 8px 12px; margin: 6px 0 10px; }
        .finding.sev-refer { border-left-color: var(--red); }
        .finding.sev-attention { border-left-color: var(--amber); }
        .finding.sev-info { border-left-color: var(--blue); }
        .finding h3 { margin: 0 0 4px; }
        .finding h4 { font-size: 13.5px; margin-bottom: 2px; }
        .badge { display: inline-block; padding: 0 6px; margin-left: 6px; border-radius: 3px; background: var(--grey-tint); font-size: 11px; font-weight: 600; vertical-align: 1px; }
        .finding .evidence { font-size: 11.5px; font-variant-numeric: tabular-nums; margin: 2px 0; }
        .finding .evidence .label, .ratio-list .label { font-size: 10.5px; text-transform: uppercase; letter-spacing: .06em; color: var(--muted); margin-right: 4px; }
        .suggestions { margin: 4px 0; padding-left: 18px; }
        .caveats ul { padding-left: 18px; font-size: 12px; }
        table.data .code { white-space: nowrap; overflow-wrap: normal; }
        tr.diag-error td:first-child { color: var(--red); font-weight: 600; }
        tr.diag-warning td:first-child { color: var(--amber); font-weight: 600; }
        .disclaimer { margin-top: 20px; padding-top: 8px; border-top: 1px solid var(--rule); font-size: 11.5px; }
        .index td a { color: var(--accent); }
        details.technical { margin-top: 18px; border-top: 1px solid var(--rule); }
        details.technical > summary { cursor: pointer; list-style-position: outside; margin-left: 16px; }
        details.technical > summary h2 { display: inline-block; border: 0; color: var(--muted); margin: 10px 0 4px; }
        details.technical table.data { margin-bottom: 8px; table-layout: fixed; }
        details.technical td.rule-id { overflow-wrap: normal; word-break: normal; }
        table.rules-fired th:nth-child(1) { width: 30%; }
        details.technical .source { font-size: inherit; }
        .not-evaluated ul { columns: 2; column-gap: 18px; margin: 2px 0; padding-left: 14px; font-size: 11px; }
        .not-evaluated li { break-inside: avoid; }
        details.technical .rule-id, details.technical code.test { font-family: ui-monospace, "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 10px; }
        details.technical code.test { display: inline-block; background: #f3f5f8; border: 1px solid #e3e7ec; border-radius: 3px; padding: 0 4px; margin: 0 2px 2px 0; }
        @page { size: A4; margin: 10mm 12mm;
          @top-right { content: "page " counter(page) " of " counter(pages); font: 9px system-ui, "Noto Sans", "Liberation Sans", sans-serif; color: #5f6b7a; } }
        @media print {
          /* Three A4 pages at most for one panel, letterhead included: body text 8.5pt, the secondary text (captions,
             lab caveats, diagnostics, technical details) 7.5-8pt, and tight vertical spacing. */
          body { background: none; font-size: 8.5pt; line-height: 1.3; }
          p { margin: 2px 0 4px; }
          /* Charts at 84% of the width print their text at about the body size and take less height. */
          svg.chart { width: 84%; }
          table.data th { font-size: 7.5pt; padding: 1px 5px; }
          table.data td { padding: 1px 5px; }
          table.compact { font-size: 8pt; }
          .summary { margin-top: 8px; padding: 4px 10px; }
          .summary-points > li { margin: 1px 0; }
          .report, .index { max-width: none; margin: 0; padding: 0; box-shadow: none; }
          .report + .report, .index + .report { break-before: page; }
          .summary, .oxidation-body, .finding, figure.chart-block, table.data tr, .ratio-list dl div { break-inside: avoid; }
          h2, h3, h4, table.data caption { break-after: avoid; }
          h2 { margin: 7px 0 3px; font-size: 13px; padding-bottom: 1px; }
          h3 { margin: 5px 0 2px; font-size: 10.5px; }
          .report-header { padding-bottom: 6px; }
          .report-header h1 { font-size: 19px; }
          .report-header .kicker, .report-header .sample .label, .meta dt { font-size: 7.5pt; }
          .meta { gap: 2px 12px; margin-top: 3px; }
          .oxidation .type { font-size: 16px; margin-bottom: 3px; }
          .pill { font-size: 8pt; padding: 0 6px; margin-bottom: 2px; }
          .notes { font-size: 8pt; margin-top: 4px; }
          .caption, figcaption, .legend, .small, .generator { font-size: 7.5pt; line-height: 1.25; }
          figcaption { margin-top: 1px; }
          figure.chart-block { margin-bottom: 4px; }
          .ratio-list dl { font-size: 8.5pt; gap: 0 12px; }
          .finding { padding: 2px 8px; margin: 2px 0 3px; }
          .finding h4 { font-size: 9.5pt; margin-bottom: 0; }
          .finding p { margin: 1px 0 2px; }
          .finding .evidence { font-size: 8.5pt; margin: 1px 0; }
          .finding .evidence .label, .ratio-list .label { font-size: 7.5pt; }
          .suggestions { margin: 1px 0; padding-left: 16px; }
          .caveats ul { font-size: 8pt; margin: 2px 0; padding-left: 16px; line-height: 1.25; }
          .diagnostics table.data { font-size: 7.5pt; }
          td.where { font-size: 7pt; }
          .disclaimer { font-size: 8.5pt; margin-top: 6px; padding-top: 3px; }
          details.technical { margin-top: 6px; padding-top: 3px; }
          details.technical, details.technical table.compact, .not-evaluated ul { font-size: 7.5pt; line-height: 1.25; }
          details.technical .rule-id, details.technical code.test { font-size: 7pt; }
          details.technical code.test { margin: 0 2px 1px 0; }
          details.technical table.data { margin-bottom: 4px; }
          .not-evaluated ul { columns: 3; }
          details.technical > summary h2 { margin: 4px 0 2px; }
          /* The technical details are printed, after everything else, even though the browser shows them closed. */
          details.technical::details-content { content-visibility: visible; display: contents; }
          details.technical > summary { list-style: none; margin-left: 0; }
        }
        @media (max-width: 640px) {
          .meta { grid-template-columns: repeat(2, minmax(0, 1fr)); }
          .oxidation-body { grid-template-columns: 1fr; }
        }

        """;
}
