using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

internal static partial class ComparisonReport
{
    /// <summary>Renders a comparison as plain text with aligned tables.</summary>
    /// <param name="comparison">The comparison.</param>
    /// <param name="diagnostics">Every diagnostic to list (reading and comparison).</param>
    /// <returns>The text, ending with a newline.</returns>
    internal static string RenderText(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics)
    {
        var text = new StringBuilder();
        var first = comparison.Tests[0].Interpretation.Panel;
        text.AppendLine(CultureInfo.InvariantCulture, $"HTMA retest comparison: subject {first.SubjectId ?? "-"} · {comparison.Tests.Count} tests · judged against {comparison.ReferenceProfile.Name} ({comparison.ReferenceProfile.Id})");
        text.AppendLine();
        text.AppendLine("TESTS");
        WriteTable(text, TestHeaders, comparison.Tests.Select(TestRow).ToList(), [0, 3, 6]);
        text.AppendLine();

        text.AppendLine("OXIDATION");
        foreach (var transition in comparison.Transitions)
        {
            var reversal = transition.RateReversed ? "  (rate reversed)" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"  test {transition.FromIndex + 1} → {transition.ToIndex + 1}: {transition.Description}{reversal}");
        }

        text.AppendLine();
        WriteFindingsText(text, comparison);

        text.AppendLine("ELEMENTS (mg%; toward/away judged by the distance to the ideal, the band, or zero for toxic metals)");
        var (elementHeaders, elementRows) = Table(comparison, comparison.Elements, elements: true);
        WriteTable(text, elementHeaders, elementRows, [.. Enumerable.Range(2, comparison.Tests.Count + 2)]);
        text.AppendLine();
        text.AppendLine("RATIOS");
        var (ratioHeaders, ratioRows) = Table(comparison, comparison.Ratios, elements: false);
        WriteTable(text, ratioHeaders, ratioRows, [.. Enumerable.Range(2, comparison.Tests.Count + 2)]);
        text.AppendLine();

        if (comparison.HasTrends)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"TRENDS (least-squares slope per month of {RetestComparison.DaysPerMonth} days; R² = goodness of fit)");
            var trendRows = comparison.Elements.Concat(comparison.Ratios).Where(s => s.Trend is not null).Select(s => new[]
            {
                s.Name,
                Slope(s.Trend, s.Kind == SeriesKind.Element ? "mg%" : ""),
                RSquared(s.Trend),
                s.Trend!.Points.ToString(CultureInfo.InvariantCulture),
            }).ToList();
            WriteTable(text, ["series", "slope", "R²", "tests"], trendRows, [1, 2, 3]);
            text.AppendLine();
        }
        else if (comparison.Tests.Count < 3)
        {
            text.AppendLine("TRENDS: need three or more dated tests.");
            text.AppendLine();
        }
        else
        {
            text.AppendLine("TRENDS: not computed (a test has no collection date).");
            text.AppendLine();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"BALANCE DISTANCE: root-mean-square of log10(ratio / ideal) over {string.Join(", ", RetestComparison.KeyRatios)} (0 = ideal)");
        foreach (var test in comparison.Tests)
        {
            var missing = test.Balance.Missing.Count > 0 ? $"  (without {string.Join(", ", test.Balance.Missing)})" : "";
            text.AppendLine(CultureInfo.InvariantCulture, $"  {TestLabel(test)}: {Balance(test)}{missing}");
        }

        text.AppendLine();
        text.AppendLine(diagnostics.Count == 0 ? "DIAGNOSTICS: none" : "DIAGNOSTICS");
        foreach (var diagnostic in diagnostics)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {diagnostic}");
        }

        text.AppendLine();
        text.AppendLine(comparison.Disclaimer);
        return TerminalText.Escape(text.ToString(), keepLineBreaks: true); // the tables' cells are escaped on one line already
    }

    private static void WriteFindingsText(StringBuilder text, RetestComparison comparison)
    {
        text.AppendLine(comparison.Findings.Count == 0 ? "RETEST FINDINGS: none" : "RETEST FINDINGS");
        foreach (var (previous, current, finding) in comparison.Findings)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  [{ReportText.Name(finding.Severity)}] test {previous + 1} → {current + 1}: {finding.Title} ({finding.RuleId})");
            foreach (var evidence in finding.Evidence)
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"      {DescribeEvidence(evidence)}");
            }

            text.AppendLine(CultureInfo.InvariantCulture, $"      {finding.Explanation}");
            text.AppendLine(CultureInfo.InvariantCulture, $"      source: {finding.Source}");
        }

        foreach (var (previous, current, rule) in comparison.NotEvaluated)
        {
            var subject = rule.Subject is null ? "" : $" [{rule.Subject}]";
            text.AppendLine(CultureInfo.InvariantCulture, $"  not evaluated, test {previous + 1} → {current + 1}: {rule.RuleId}{subject} ({string.Join(", ", rule.MissingInputs)})");
        }

        text.AppendLine();
    }

    internal static string DescribeEvidence(Evidence evidence)
    {
        var value = evidence.MilligramPercent is { } mg ? ReportText.Format(mg) + " mg%"
            : evidence.RatioValue is { } ratio ? ReportText.Format(ratio)
            : evidence.Value ?? "";
        var tests = evidence.Tests.Count > 0 ? $" [{string.Join("; ", evidence.Tests)}]" : "";
        return $"{evidence.Name} = {value}{tests}";
    }

    private static void WriteTable(StringBuilder text, string[] headers, List<string[]> rows, int[] rightAligned)
    {
        rows = rows.Select(row => row.Select(cell => TerminalText.Escape(cell)).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Line(string[] cells) =>
            text.AppendLine("  " + string.Join("  ", cells.Select((c, i) => rightAligned.Contains(i) ? c.PadLeft(widths[i]) : c.PadRight(widths[i]))).TrimEnd());
        Line(headers);
        Line([.. widths.Select(w => new string('-', w))]);
        foreach (var row in rows)
        {
            Line(row);
        }
    }
}
