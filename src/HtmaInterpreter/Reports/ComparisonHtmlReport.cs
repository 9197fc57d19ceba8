using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

public static partial class ComparisonReport
{
    private const string Css =
        """
        body{font-family:system-ui,sans-serif;margin:2rem;color:#222;max-width:1200px}
        h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.6rem;border-bottom:1px solid #ccc}
        table{border-collapse:collapse;font-size:.85rem}th,td{padding:.2rem .5rem;border-bottom:1px solid #eee;text-align:left;vertical-align:middle}
        td.n{text-align:right;font-variant-numeric:tabular-nums}
        .toward{color:#1a7f37;font-weight:600}.away{color:#b42318;font-weight:600}.same,.noideal,.na{color:#666}
        .legend span{display:inline-block;margin-right:1rem}.sw{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle}
        .finding{border-left:4px solid #999;padding:.2rem .8rem;margin:.6rem 0}.finding.attention{border-color:#d97706}.finding.refer{border-color:#b42318}
        .small{font-size:.8rem;color:#555}.spark{display:inline-block;margin:0 1.2rem .8rem 0;text-align:center;font-size:.8rem}
        """;

    private static readonly string[] Palette = ["#9ca3af", "#60a5fa", "#2563eb", "#1e3a8a", "#7c3aed", "#0f766e"];

    internal static string RenderHtml(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics)
    {
        var html = new StringBuilder();
        var first = comparison.Tests[0].Interpretation.Panel;
        html.AppendLine("<!DOCTYPE html>");
        html.AppendLine("<html lang=\"en\"><head><meta charset=\"utf-8\">");
        html.AppendLine(CultureInfo.InvariantCulture, $"<title>HTMA retest comparison: {H(first.SubjectId ?? "-")}</title>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<style>{Css}</style></head><body>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<h1>HTMA retest comparison: subject {H(first.SubjectId ?? "-")}</h1>");
        html.AppendLine(CultureInfo.InvariantCulture, $"<p>{comparison.Tests.Count} tests, judged against {H(comparison.ReferenceProfile.Name)} ({H(comparison.ReferenceProfile.Id)}). Values in mg%.</p>");

        html.AppendLine("<h2>Tests</h2><table><tr><th></th><th>sample</th><th>collected</th><th>months</th><th>lab</th><th>oxidation</th><th>balance distance</th></tr>");
        foreach (var test in comparison.Tests)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td><span class=\"sw\" style=\"background:{Colour(test.Index, comparison.Tests.Count)}\"></span>{test.Index + 1}</td><td>{H(test.SampleId)}</td><td>{H(TestLabel(test))}</td><td class=\"n\">{(test.MonthsFromFirst is { } m ? m.ToString("0.0", CultureInfo.InvariantCulture) : "-")}</td><td>{H(test.Interpretation.LabProfile.Id)}</td><td>{H(OxidationTransition.Describe(test.Interpretation.Oxidation))}</td><td class=\"n\">{Balance(test)}</td></tr>");
        }

        html.AppendLine("</table>");
        html.AppendLine("<h2>Oxidation</h2><ul>");
        foreach (var transition in comparison.Transitions)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<li>test {transition.FromIndex + 1} → {transition.ToIndex + 1}: {H(transition.Description)}{(transition.RateReversed ? " <strong>(rate reversed)</strong>" : "")}</li>");
        }

        html.AppendLine("</ul>");
        html.AppendLine("<h2>Retest findings</h2>");
        if (comparison.Findings.Count == 0)
        {
            html.AppendLine("<p>None.</p>");
        }

        foreach (var (previous, current, finding) in comparison.Findings)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"finding {ReportText.Name(finding.Severity)}\"><strong>{H(finding.Title)}</strong> <span class=\"small\">({ReportText.Name(finding.Severity)}, test {previous + 1} → {current + 1}, {H(finding.RuleId)})</span>");
            html.AppendLine(CultureInfo.InvariantCulture, $"<p>{H(finding.Explanation)}</p><ul class=\"small\">");
            foreach (var evidence in finding.Evidence)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<li>{H(DescribeEvidence(evidence))}</li>");
            }

            html.AppendLine(CultureInfo.InvariantCulture, $"</ul><p class=\"small\">Source: {H(finding.Source)}</p></div>");
        }

        html.AppendLine("<h2>Elements</h2>");
        html.Append("<p class=\"legend small\">");
        foreach (var test in comparison.Tests)
        {
            html.Append(CultureInfo.InvariantCulture, $"<span><span class=\"sw\" style=\"background:{Colour(test.Index, comparison.Tests.Count)}\"></span>{H(TestLabel(test))}</span>");
        }

        html.AppendLine("— the line marks the ideal, the shaded band the reference range, the red line the toxic limit.</p>");
        HtmlSeriesTable(html, comparison, comparison.Elements, elements: true);
        html.AppendLine("<h2>Ratios</h2>");
        HtmlSeriesTable(html, comparison, comparison.Ratios, elements: false);

        html.AppendLine("<h2>Key ratios over time</h2><div>");
        foreach (var name in RetestComparison.KeyRatios)
        {
            if (comparison.Ratios.FirstOrDefault(r => r.Name == name) is { } series)
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<div class=\"spark\">{Sparkline(comparison, series)}<br>{H(name)}</div>");
            }
        }

        html.AppendLine("</div>");
        html.AppendLine("<h2>Trends</h2>");
        if (comparison.HasTrends)
        {
            html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"small\">Least-squares slope per month of {RetestComparison.DaysPerMonth.ToString(CultureInfo.InvariantCulture)} days; R² is the goodness of fit.</p>");
            html.AppendLine("<table><tr><th>series</th><th>slope</th><th>R²</th><th>tests</th></tr>");
            foreach (var series in comparison.Elements.Concat(comparison.Ratios).Where(s => s.Trend is not null))
            {
                html.AppendLine(CultureInfo.InvariantCulture, $"<tr><td>{H(series.Name)}</td><td class=\"n\">{H(Slope(series.Trend, series.Kind == SeriesKind.Element ? "mg%" : ""))}</td><td class=\"n\">{RSquared(series.Trend)}</td><td class=\"n\">{series.Trend!.Points}</td></tr>");
            }

            html.AppendLine("</table>");
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

        html.AppendLine(CultureInfo.InvariantCulture, $"<p class=\"small\"><em>{H(comparison.Disclaimer)}</em></p>");
        html.AppendLine("</body></html>");
        return html.ToString();
    }

    private static void HtmlSeriesTable(StringBuilder html, RetestComparison comparison, IReadOnlyList<SeriesComparison> series, bool elements)
    {
        var (headers, rows) = Table(comparison, series, elements);
        html.Append("<table><tr>");
        for (var i = 0; i < headers.Length; i++)
        {
            html.Append(CultureInfo.InvariantCulture, $"<th>{H(headers[i])}</th>");
            if (i == 1 && elements)
            {
                html.Append("<th>tests side by side</th>");
            }
        }

        html.AppendLine("</tr>");
        var directionColumn = 2 + comparison.Tests.Count + 2;
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

        html.AppendLine("</table>");
    }

    private static string CssClass(ChangeDirection direction) => direction switch
    {
        ChangeDirection.Toward => "toward",
        ChangeDirection.Away => "away",
        ChangeDirection.Same => "same",
        ChangeDirection.NoIdeal => "noideal",
        _ => "na",
    };

    /// <summary>One column per test, side by side, on a linear scale from 0 with the ideal, band or toxic limit marked.</summary>
    private static string Bars(RetestComparison comparison, SeriesComparison series)
    {
        const double width = 16, gap = 4, height = 36;
        var count = comparison.Tests.Count;
        var total = (count * (width + gap)) + gap;
        var reference = series.Reference;
        double? limit = series.Category == Panels.ElementCategory.Toxic && comparison.ReferenceProfile.ToxicLimits.TryGetValue(series.Name, out var toxic)
            ? (double)toxic.MilligramPercent
            : null;
        var marks = new List<double>();
        marks.AddRange(series.Values.Where(v => v is not null).Select(v => v!.Value));
        foreach (var mark in new[] { reference.Kind == IdealKind.Ideal ? reference.Ideal : null, reference.Low, reference.High, limit })
        {
            if (mark is { } m)
            {
                marks.Add(m);
            }
        }

        var max = marks.Count == 0 ? 1 : marks.Max() * 1.1;
        if (max <= 0)
        {
            max = 1;
        }

        double Y(double value) => height - (Math.Clamp(value / max, 0, 1) * height);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(total)}\" height=\"{F(height + 2)}\" role=\"img\" aria-label=\"{H(series.Name)} at each test\">");
        if (reference.Kind == IdealKind.Range)
        {
            var top = Y(reference.High ?? max);
            var bottom = Y(reference.Low ?? 0);
            svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"0\" y=\"{F(top)}\" width=\"{F(total)}\" height=\"{F(Math.Max(0, bottom - top))}\" fill=\"#dcfce7\"/>");
        }

        for (var i = 0; i < count; i++)
        {
            var x = gap + (i * (width + gap));
            if (series.Values[i] is { } value)
            {
                var y = Y(value);
                svg.Append(CultureInfo.InvariantCulture, $"<rect x=\"{F(x)}\" y=\"{F(y)}\" width=\"{F(width)}\" height=\"{F(height - y)}\" fill=\"{Colour(i, count)}\"><title>{H(TestLabel(comparison.Tests[i]))}: {H(Cell(series, i))}</title></rect>");
            }
            else
            {
                svg.Append(CultureInfo.InvariantCulture, $"<text x=\"{F(x + (width / 2))}\" y=\"{F(height - 2)}\" font-size=\"10\" text-anchor=\"middle\" fill=\"#999\">–</text>");
            }
        }

        if (reference.Kind == IdealKind.Ideal && reference.Ideal is { } ideal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{F(total)}\" y1=\"{F(Y(ideal))}\" y2=\"{F(Y(ideal))}\" stroke=\"#111\" stroke-dasharray=\"3 2\"/>");
        }

        if (limit is { } l)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{F(total)}\" y1=\"{F(Y(l))}\" y2=\"{F(Y(l))}\" stroke=\"#b42318\"/>");
        }

        svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{F(total)}\" y1=\"{F(height)}\" y2=\"{F(height)}\" stroke=\"#999\"/></svg>");
        return svg.ToString();
    }

    /// <summary>A small line of the ratio over the tests (by months when dated, else evenly), with the ideal dashed.</summary>
    private static string Sparkline(RetestComparison comparison, SeriesComparison series)
    {
        const double width = 140, height = 40, pad = 4;
        var count = comparison.Tests.Count;
        var xs = comparison.Tests.Select(t => t.MonthsFromFirst ?? t.Index).ToArray();
        var span = xs.Max() - xs.Min();
        double X(int i) => pad + (span <= 0 ? i * (width - (2 * pad)) / Math.Max(1, count - 1) : (xs[i] - xs.Min()) / span * (width - (2 * pad)));
        var values = series.Values.Where(v => v is not null).Select(v => v!.Value).ToList();
        if (series.Reference.Kind == IdealKind.Ideal && series.Reference.Ideal is { } idealValue)
        {
            values.Add(idealValue);
        }

        var low = values.Count == 0 ? 0 : values.Min();
        var high = values.Count == 0 ? 1 : values.Max();
        if (high - low <= 0)
        {
            high = low + 1;
        }

        double Y(double value) => height - pad - ((value - low) / (high - low) * (height - (2 * pad)));
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture, $"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{F(width)}\" height=\"{F(height)}\" role=\"img\" aria-label=\"{H(series.Name)} over the tests\">");
        if (series.Reference.Kind == IdealKind.Ideal && series.Reference.Ideal is { } ideal)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<line x1=\"0\" x2=\"{F(width)}\" y1=\"{F(Y(ideal))}\" y2=\"{F(Y(ideal))}\" stroke=\"#1a7f37\" stroke-dasharray=\"3 2\"><title>ideal {H(Number(ideal))}</title></line>");
        }

        var points = Enumerable.Range(0, count).Where(i => series.Values[i] is not null).Select(i => $"{F(X(i))},{F(Y(series.Values[i]!.Value))}").ToList();
        svg.Append(CultureInfo.InvariantCulture, $"<polyline points=\"{string.Join(" ", points)}\" fill=\"none\" stroke=\"#2563eb\" stroke-width=\"1.5\"/>");
        for (var i = 0; i < count; i++)
        {
            if (series.Values[i] is { } value)
            {
                svg.Append(CultureInfo.InvariantCulture, $"<circle cx=\"{F(X(i))}\" cy=\"{F(Y(value))}\" r=\"2.5\" fill=\"{Colour(i, count)}\"><title>{H(TestLabel(comparison.Tests[i]))}: {H(Number(value))}</title></circle>");
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
