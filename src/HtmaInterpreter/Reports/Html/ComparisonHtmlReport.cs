using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

internal static partial class ComparisonReport
{
    /// <summary>What the comparison adds to <see cref="HtmlReport.Css"/>; its classes start with <c>cmp-</c>.</summary>
    private const string ComparisonCss =
        """
        .comparison td.n { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        .comparison th.num { white-space: nowrap; }
        .comparison .toward { color: var(--green, #2f855a); font-weight: 600; }
        .comparison .away { color: var(--red, #c53030); font-weight: 600; }
        .comparison .same, .comparison .noideal, .comparison .na { color: var(--muted, #5f6b7a); }
        .cmp-swatch { display: inline-block; width: 10px; height: 10px; margin-right: 4px; border-radius: 2px; vertical-align: -1px; }
        .cmp-legend span.cmp-test { display: inline-block; margin-right: 14px; }
        .cmp-findings .finding p { margin: 2px 0 4px; }
        .cmp-findings .finding ul { margin: 2px 0; padding-left: 18px; }
        svg.cmp-bars, svg.cmp-spark { display: block; font-variant-numeric: tabular-nums; }
        svg .cmp-axis { font-size: 8.5px; fill: var(--muted, #5f6b7a); }
        svg .cmp-value { font-size: 8.5px; fill: var(--ink, #1f2933); }
        svg .cmp-missing { font-size: 10px; fill: #999; }
        svg .cmp-gridline { stroke: var(--rule, #d9dee5); stroke-width: 1; }
        svg .cmp-baseline { stroke: #999; stroke-width: 1; }
        svg .cmp-band { fill: var(--green-tint, #e3f1e8); }
        svg .cmp-ideal { stroke: var(--ink, #1f2933); stroke-dasharray: 3 2; }
        svg .cmp-limit { stroke: var(--red, #c53030); }
        svg .cmp-line { fill: none; stroke: var(--accent, #234e70); stroke-width: 1.5; }
        svg .cmp-ideal-label { font-size: 8.5px; fill: var(--green, #2f855a); }
        .cmp-sparks { display: flex; flex-wrap: wrap; gap: 8px 20px; }
        .cmp-sparks figure { margin: 0; break-inside: avoid; }
        .cmp-sparks figcaption { text-align: center; font-weight: 600; color: var(--ink, #1f2933); }
        @media print { .comparison table.data tr, .cmp-sparks figure, .cmp-findings .finding { break-inside: avoid; } }

        """;

    private static readonly string[] Palette = ["#9ca3af", "#60a5fa", "#2563eb", "#1e3a8a", "#7c3aed", "#0f766e"];

    internal static string RenderHtml(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics, ReportOptions? options = null)
    {
        var html = new StringBuilder(64 * 1024);
        var first = comparison.Tests[0].Interpretation;
        var subject = first.Panel.SubjectId ?? "-";
        var pageBoxes = "@page { size: A4; @top-right { content: " + HtmlDocument.CssString("HTMA retest comparison · subject " + subject)
            + "; font-size: 8pt; color: #5f6b7a; } @bottom-right { content: \"page \" counter(page) \" of \" counter(pages); font-size: 8pt; color: #5f6b7a; } }\n";
        HtmlDocument.Begin(html, "HTMA retest comparison – subject " + subject, HtmlReport.Css, ComparisonCss + pageBoxes, options);
        html.Append(CultureInfo.InvariantCulture, $"<article class=\"report comparison\" data-subject-id=\"{H(subject)}\" data-tests=\"{comparison.Tests.Count}\">\n");
        HtmlDocument.WriteLetterhead(html, options);
        html.Append("<header class=\"report-header\">\n<div>\n<p class=\"kicker\">HTMA retest comparison</p>\n")
            .Append(CultureInfo.InvariantCulture, $"<h1>Subject {H(subject)}</h1>\n")
            .Append(CultureInfo.InvariantCulture, $"<p class=\"model\">{comparison.Tests.Count} tests · judged against lab profile {H(comparison.ReferenceProfile.Name)} ({H(comparison.ReferenceProfile.Id)}) · oxidation model {H(first.Oxidation.ModelId)} · values in mg%</p>\n")
            .Append("</div>\n</header>\n");

        html.AppendLine("<h2>Tests</h2><table class=\"data\"><thead><tr><th></th><th>sample</th><th>collected</th><th class=\"num\">months</th><th>lab</th><th>oxidation</th><th class=\"num\">balance distance</th></tr></thead><tbody>");
        foreach (var test in comparison.Tests)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{Swatch(test.Index, comparison.Tests.Count)}{test.Index + 1}</td><td>{H(test.SampleId)}</td><td>{H(TestLabel(test))}</td><td class=\"n\">{(test.MonthsFromFirst is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "-")}</td><td>{H(test.Interpretation.LabProfile.Id)}</td><td>{H(OxidationTransition.Describe(test.Interpretation.Oxidation))}</td><td class=\"n\">{Balance(test)}</td></tr>");
        }

        html.AppendLine("</tbody></table>");
        html.AppendLine("<h2>Oxidation</h2><ul>");
        foreach (var transition in comparison.Transitions)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>test {transition.FromIndex + 1} → {transition.ToIndex + 1}: {H(transition.Description)}{(transition.RateReversed ? " <strong>(rate reversed)</strong>" : "")}</li>");
        }

        html.AppendLine("</ul>");
        html.AppendLine("<section class=\"cmp-findings\"><h2>Retest findings</h2>");
        if (comparison.Findings.Count == 0)
        {
            html.AppendLine("<p>None.</p>");
        }

        foreach (var (previous, current, finding) in comparison.Findings)
        {
            var severity = ReportText.Name(finding.Severity);
            html.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"finding sev-{severity} {severity}\"><strong>{H(finding.Title)}</strong> <span class=\"small\">({severity}, test {previous + 1} → {current + 1}, {H(finding.RuleId)})</span>");
            html.AppendLine(CultureInfo.InvariantCulture, $"<p>{H(finding.Explanation)}</p><ul class=\"small\">");
            foreach (var evidence in finding.Evidence)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li>{H(DescribeEvidence(evidence))}</li>");
            }

            html.AppendLine(CultureInfo.InvariantCulture, $"</ul><p class=\"small\">Source: {H(finding.Source)}</p></div>");
        }

        html.AppendLine("</section>");
        html.AppendLine("<h2>Elements</h2>");
        html.Append("<p class=\"legend cmp-legend\">");
        foreach (var test in comparison.Tests)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span class=\"cmp-test\">{Swatch(test.Index, comparison.Tests.Count)}{H(TestLabel(test))}</span>");
        }

        html.AppendLine("— each element's bars share one scale from 0 (its axis values at the left); the dashed line marks the ideal, the shaded band the reference range, the red line the toxic limit.</p>");
        HtmlSeriesTable(html, comparison, comparison.Elements, elements: true);
        html.AppendLine("<h2>Ratios</h2>");
        HtmlSeriesTable(html, comparison, comparison.Ratios, elements: false);

        html.AppendLine("<h2>Key ratios over time</h2>");
        html.AppendLine("<p class=\"small\">Each point is labelled with its value; the dashed line is the ideal.</p><div class=\"cmp-sparks\">");
        foreach (var name in RetestComparison.KeyRatios)
        {
            if (comparison.Ratios.FirstOrDefault(r => r.Name == name) is { } series)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<figure data-ratio=\"{H(name)}\">{Sparkline(comparison, series)}<figcaption>{H(name)}</figcaption></figure>");
            }
        }

        html.AppendLine("</div>");
        html.AppendLine("<h2>Trends</h2>");
        if (comparison.HasTrends)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"small\">Least-squares slope per month of {RetestComparison.DaysPerMonth.ToString(CultureInfo.InvariantCulture)} days; R² is the goodness of fit.</p>");
            html.AppendLine("<table class=\"data compact narrow\"><thead><tr><th>series</th><th class=\"num\">slope</th><th class=\"num\">R²</th><th class=\"num\">tests</th></tr></thead><tbody>");
            foreach (var series in comparison.Elements.Concat(comparison.Ratios).Where(s => s.Trend is not null))
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{H(series.Name)}</td><td class=\"n\">{H(Slope(series.Trend, series.Kind == SeriesKind.Element ? "mg%" : ""))}</td><td class=\"n\">{RSquared(series.Trend)}</td><td class=\"n\">{series.Trend!.Points}</td></tr>");
            }

            html.AppendLine("</tbody></table>");
        }
        else
        {
            html.AppendLine(comparison.Tests.Count < 3 ? "<p>Trends need three or more dated tests.</p>" : "<p>Not computed: a test has no collection date.</p>");
        }

        html.AppendLine("<h2>Balance distance</h2>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"small\">Root-mean-square of log10(ratio / ideal) over {H(string.Join(", ", RetestComparison.KeyRatios))}; 0 is the ideal profile.</p><ul>");
        foreach (var test in comparison.Tests)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>{H(TestLabel(test))}: {Balance(test)}{(test.Balance.Missing.Count > 0 ? H($" (without {string.Join(", ", test.Balance.Missing)})") : "")}</li>");
        }

        html.AppendLine("</ul><h2>Diagnostics</h2>");
        html.AppendLine(diagnostics.Count == 0 ? "<p>None.</p>" : "<ul class=\"small\">");
        foreach (var diagnostic in diagnostics)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>{H(diagnostic.ToString())}</li>");
        }

        if (diagnostics.Count > 0)
        {
            html.AppendLine("</ul>");
        }

        const string lead = "Not a diagnosis. ";
        var disclaimer = comparison.Disclaimer.StartsWith(lead, StringComparison.Ordinal) ? comparison.Disclaimer[lead.Length..] : comparison.Disclaimer;
        html.Append("<footer class=\"disclaimer\">\n<p><strong>Not a diagnosis.</strong> ").Append(H(disclaimer)).Append("</p>\n")
            .Append("<p class=\"generator\">HtmaInterpreter ").Append(H(first.LibraryVersion))
            .Append(" · oxidation model ").Append(H(first.Oxidation.ModelId))
            .Append(" · lab profile ").Append(H(comparison.ReferenceProfile.Id)).Append("</p>\n</footer>\n</article>\n");
        HtmlDocument.End(html);
        return html.ToString();
    }

    private static string Swatch(int index, int count) =>
        $"<span class=\"cmp-swatch\" style=\"background:{Colour(index, count)}\"></span>";

    private static void HtmlSeriesTable(StringBuilder html, RetestComparison comparison, IReadOnlyList<SeriesComparison> series, bool elements)
    {
        var (headers, rows) = Table(comparison, series, elements);
        var directionColumn = 2 + comparison.Tests.Count + 2;
        html.Append("<table class=\"data compact\"><thead><tr>");
        for (var i = 0; i < headers.Length; i++)
        {
            html.Append(i >= 2 && i < directionColumn ? "<th class=\"num\">" : "<th>").Append(H(headers[i])).Append("</th>");
            if (i == 1 && elements)
            {
                html.Append("<th>tests side by side</th>");
            }
        }

        html.AppendLine("</tr></thead><tbody>");
        for (var r = 0; r < rows.Count; r++)
        {
            html.Append("<tr>");
            for (var i = 0; i < rows[r].Length; i++)
            {
                var cell = rows[r][i];
                var css = i == directionColumn ? CssClass(series[r].Overall.Direction) : i >= 2 && i < directionColumn ? "n" : "";
                html.Append(css.Length > 0 ? $"<td class=\"{css}\">" : "<td>").Append(H(cell)).Append("</td>");
                if (i == 1 && elements)
                {
                    html.Append("<td>").Append(Bars(comparison, series[r])).Append("</td>");
                }
            }

            html.AppendLine("</tr>");
        }

        html.AppendLine("</tbody></table>");
    }

    private static string CssClass(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Toward => "toward",
        ChangeDirection.Away => "away",
        ChangeDirection.Same => "same",
        ChangeDirection.NoIdeal => "noideal",
        _ => "na",
    };

    /// <summary>
    /// The top of a scale from 0 that holds <paramref name="value"/>: 1, 2, 2.5 or 5 times a power of ten, so the axis
    /// values (0, half, top) are round numbers.
    /// </summary>
    internal static double NiceTop(double value)
    {
        if (!double.IsFinite(value) || value <= 0)
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        var fraction = value / power;
        var nice = fraction <= 1 ? 1 : fraction <= 2 ? 2 : fraction <= 2.5 ? 2.5 : fraction <= 5 ? 5 : 10;
        return nice * power;
    }

    /// <summary>
    /// One bar per test, side by side, on one linear scale from 0 shared by every test of the element, with its axis
    /// values (0, half, top) at the left, each bar's value above it, and the ideal, band or toxic limit marked.
    /// </summary>
    private static string Bars(RetestComparison comparison, SeriesComparison series)
    {
        const double width = 30, gap = 6, height = 44, top = 12, axis = 34;
        var count = comparison.Tests.Count;
        var total = axis + (count * (width + gap)) + gap;
        var reference = series.Reference;
        double? limit = series.Category == Panels.ElementCategory.Toxic && comparison.ReferenceProfile.ToxicLimits.TryGetValue(series.Name, out var toxic)
            ? (double)toxic.MilligramPercent
            : null;
        var marks = new List<double>();
        marks.AddRange(series.Values.Where(v => v is not null).Select(v => v!.Value));
        marks.AddRange(new[] { reference.Kind == IdealKind.Ideal ? reference.Ideal : null, reference.Low, reference.High, limit }.Where(m => m is not null).Select(m => m!.Value));
        var finite = marks.Where(double.IsFinite).ToList();
        var max = NiceTop(finite.Count == 0 ? 1 : finite.Max());
        var baseline = top + height;

        double Y(double value) => baseline - (Math.Clamp(value / max, 0, 1) * height);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"cmp-bars\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(total)}\" height=\"{F(baseline + 2)}\" viewBox=\"0 0 {F(total)} {F(baseline + 2)}\" role=\"img\" aria-label=\"{H(series.Name)} at each test, scale 0 to {H(Number(max))}\" data-scale-max=\"{H(Number(max))}\">");
        if (reference.Kind == IdealKind.Range)
        {
            var high = Y(reference.High ?? max);
            var low = Y(reference.Low ?? 0);
            svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"cmp-band\" x=\"{F(axis)}\" y=\"{F(high)}\" width=\"{F(total - axis)}\" height=\"{F(Math.Max(0, low - high))}\"/>");
        }

        foreach (var tick in (double[])[0, max / 2, max])
        {
            var y = Y(tick);
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"{(tick == 0 ? "cmp-baseline" : "cmp-gridline")}\" x1=\"{F(axis - 3)}\" x2=\"{F(total)}\" y1=\"{F(y)}\" y2=\"{F(y)}\"/>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"cmp-axis\" x=\"{F(axis - 5)}\" y=\"{F(y + 3)}\" text-anchor=\"end\">{H(Number(tick))}</text>");
        }

        for (var i = 0; i < count; i++)
        {
            var x = axis + gap + (i * (width + gap));
            if (series.Values[i] is { } value)
            {
                var y = Y(value);
                svg.Append(CultureInfo.InvariantCulture, $"<rect class=\"cmp-bar\" x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(baseline - y)}\" fill=\"{Colour(i, count)}\"><title>{H(TestLabel(comparison.Tests[i]))}: {H(Cell(series, i))}</title></rect>")
                    .Append(CultureInfo.InvariantCulture, $"<text class=\"cmp-value\" x=\"{F(x + (width / 2))}\" y=\"{F(Math.Max(8, y - 2))}\" text-anchor=\"middle\">{H(Cell(series, i))}</text>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text class=\"cmp-missing\" x=\"{F(x + (width / 2))}\" y=\"{F(baseline - 2)}\" text-anchor=\"middle\">–</text>");
            }
        }

        if (reference.Kind == IdealKind.Ideal && reference.Ideal is { } ideal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"cmp-ideal\" x1=\"{F(axis)}\" x2=\"{F(total)}\" y1=\"{F(Y(ideal))}\" y2=\"{F(Y(ideal))}\"><title>ideal {H(Number(ideal))}</title></line>");
        }

        if (limit is { } l)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"cmp-limit\" x1=\"{F(axis)}\" x2=\"{F(total)}\" y1=\"{F(Y(l))}\" y2=\"{F(Y(l))}\"><title>toxic limit {H(Number(l))}</title></line>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    /// <summary>
    /// A small line of the ratio over the tests (by months when dated, else evenly), every point labelled with its value,
    /// the ideal dashed and labelled.
    /// </summary>
    private static string Sparkline(RetestComparison comparison, SeriesComparison series)
    {
        const double width = 190, height = 74, padX = 18, padTop = 16, padBottom = 8;
        var count = comparison.Tests.Count;
        var xs = comparison.Tests.Select(t => t.MonthsFromFirst ?? t.Index).ToArray();
        var span = xs.Max() - xs.Min();
        double X(int i) => padX + (span <= 0 ? i * (width - (2 * padX)) / Math.Max(1, count - 1) : (xs[i] - xs.Min()) / span * (width - (2 * padX)));
        var values = series.Values.Where(v => v is { } x && double.IsFinite(x)).Select(v => v!.Value).ToList();
        double? idealValue = series.Reference.Kind == IdealKind.Ideal && series.Reference.Ideal is { } i0 && double.IsFinite(i0) ? i0 : null;
        if (idealValue is { } iv)
        {
            values.Add(iv);
        }

        var low = values.Count == 0 ? 0 : values.Min();
        var high = values.Count == 0 ? 1 : values.Max();
        if (high - low <= 0)
        {
            high = low + 1;
        }

        double Y(double value) => height - padBottom - ((Math.Clamp(value, low, high) - low) / (high - low) * (height - padTop - padBottom));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg class=\"cmp-spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" viewBox=\"0 0 {F(width)} {F(height)}\" role=\"img\" aria-label=\"{H(series.Name)} over the tests\">");
        if (idealValue is { } ideal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line class=\"cmp-ideal\" x1=\"0\" x2=\"{F(width)}\" y1=\"{F(Y(ideal))}\" y2=\"{F(Y(ideal))}\"><title>ideal {H(Number(ideal))}</title></line>")
                .Append(CultureInfo.InvariantCulture, $"<text class=\"cmp-ideal-label\" x=\"{F(width - 1)}\" y=\"{F(Y(ideal) + 9)}\" text-anchor=\"end\">ideal {H(Number(ideal))}</text>");
        }

        var points = Enumerable.Range(0, count).Where(i => series.Values[i] is not null).Select(i => $"{F(X(i))},{F(Y(series.Values[i]!.Value))}").ToList();
        svg.Append(CultureInfo.InvariantCulture, $"<polyline class=\"cmp-line\" points=\"{string.Join(" ", points)}\"/>");
        for (var i = 0; i < count; i++)
        {
            if (series.Values[i] is { } value)
            {
                var y = Y(value);
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(y)}\" r=\"2.5\" fill=\"{Colour(i, count)}\"><title>{H(TestLabel(comparison.Tests[i]))}: {H(Number(value))}</title></circle>")
                    .Append(CultureInfo.InvariantCulture, $"<text class=\"cmp-value\" x=\"{F(X(i))}\" y=\"{F(y - 5)}\" text-anchor=\"middle\">{H(Number(value))}</text>");
            }
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static string Colour(int index, int count) =>
        count <= 1 ? Palette[2] : Palette[Math.Min(Palette.Length - 1, index == count - 1 ? Math.Max(2, index) : index)];

    private static string F(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private static string H(string text) => HtmlReport.Escape(text);
}
