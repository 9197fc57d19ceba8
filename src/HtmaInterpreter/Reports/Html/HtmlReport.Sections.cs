using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

// The sections after the summary: oxidation, elements, ratios, findings, technical details, diagnostics, caveats.
internal static partial class HtmlReport
{
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
}
