using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Reports;

internal static partial class ComparisonReport
{
    internal static string RenderMarkdown(RetestComparison comparison, IReadOnlyList<Diagnostic> diagnostics)
    {
        var md = new StringBuilder();
        var first = comparison.Tests[0].Interpretation.Panel;
        md.AppendLine(CultureInfo.InvariantCulture, $"# HTMA retest comparison: subject {Md(first.SubjectId ?? "-")}");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"{comparison.Tests.Count} tests, judged against {Md(comparison.ReferenceProfile.Name)} (`{Md(comparison.ReferenceProfile.Id)}`). Values in mg%.");
        md.AppendLine();
        md.AppendLine("## Tests");
        md.AppendLine();
        MdTable(md, TestHeaders, comparison.Tests.Select(TestRow));
        md.AppendLine("## Oxidation");
        md.AppendLine();
        foreach (var transition in comparison.Transitions)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- test {transition.FromIndex + 1} → {transition.ToIndex + 1}: {Md(transition.Description)}{(transition.RateReversed ? " **(rate reversed)**" : "")}");
        }

        md.AppendLine();
        md.AppendLine("## Retest findings");
        md.AppendLine();
        if (comparison.Findings.Count == 0)
        {
            md.AppendLine("None.");
        }

        foreach (var (previous, current, finding) in comparison.Findings)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- **{Md(finding.Title)}** ({ReportText.Name(finding.Severity)}, test {previous + 1} → {current + 1}, `{finding.RuleId}`): {Md(finding.Explanation)} *Source: {Md(finding.Source)}.*");
            foreach (var evidence in finding.Evidence)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"  - {Md(DescribeEvidence(evidence))}");
            }
        }

        md.AppendLine();
        md.AppendLine("## Elements");
        md.AppendLine();
        var (elementHeaders, elementRows) = Table(comparison, comparison.Elements, elements: true);
        MdTable(md, elementHeaders, elementRows);
        md.AppendLine("## Ratios");
        md.AppendLine();
        var (ratioHeaders, ratioRows) = Table(comparison, comparison.Ratios, elements: false);
        MdTable(md, ratioHeaders, ratioRows);
        md.AppendLine("## Trends");
        md.AppendLine();
        if (comparison.HasTrends)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"Least-squares slope per month of {RetestComparison.DaysPerMonth} days; R² is the goodness of fit.");
            md.AppendLine();
            MdTable(md, ["series", "slope", "R²", "tests"], comparison.Elements.Concat(comparison.Ratios).Where(s => s.Trend is not null).Select(s => new[]
            {
                s.Name, Slope(s.Trend, s.Kind == SeriesKind.Element ? "mg%" : ""), RSquared(s.Trend), s.Trend!.Points.ToString(CultureInfo.InvariantCulture),
            }));
        }
        else
        {
            md.AppendLine(comparison.Tests.Count < 3 ? "Trends need three or more dated tests." : "Not computed: a test has no collection date.");
            md.AppendLine();
        }

        md.AppendLine("## Balance distance");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"Root-mean-square of log10(ratio / ideal) over {string.Join(", ", RetestComparison.KeyRatios)}; 0 is the ideal profile.");
        md.AppendLine();
        foreach (var test in comparison.Tests)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- {TestLabel(test)}: {Balance(test)}{(test.Balance.Missing.Count > 0 ? $" (without {string.Join(", ", test.Balance.Missing)})" : "")}");
        }

        md.AppendLine();
        md.AppendLine("## Diagnostics");
        md.AppendLine();
        if (diagnostics.Count == 0)
        {
            md.AppendLine("None.");
        }

        foreach (var diagnostic in diagnostics)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"- `{diagnostic.Code}` {diagnostic.Severity.ToString().ToLowerInvariant()}: {Md(diagnostic.Message)}");
        }

        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"*{Md(comparison.Disclaimer)}*");
        return md.ToString();
    }

    private static void MdTable(StringBuilder md, IReadOnlyList<string> headers, IEnumerable<string[]> rows)
    {
        md.AppendLine("| " + string.Join(" | ", headers.Select(Md)) + " |");
        md.AppendLine("|" + string.Concat(headers.Select(_ => "---|")));
        foreach (var row in rows)
        {
            md.AppendLine("| " + string.Join(" | ", row.Select(Md)) + " |");
        }

        md.AppendLine();
    }

    /// <summary>Escapes text for Markdown: the characters that would start markup or break a table cell.</summary>
    private static string Md(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text.ReplaceLineEndings(" "))
        {
            if (c is '\\' or '|' or '*' or '_' or '`' or '[' or ']' or '<' or '>' or '#')
            {
                escaped.Append('\\');
            }

            if (TerminalText.IsUnsafe(c) && c != '\t')
            {
                TerminalText.AppendEscaped(escaped, c);
                continue;
            }

            escaped.Append(c);
        }

        return escaped.ToString();
    }
}
