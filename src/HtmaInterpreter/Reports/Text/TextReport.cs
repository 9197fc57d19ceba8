using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

/// <summary>Renders an <see cref="Interpretation"/> as plain text for a terminal: a header, the oxidation type, findings (referrals first), and aligned tables.</summary>
internal static class TextReport
{
    private const int Width = 96;

    /// <summary>Renders one interpretation.</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panel, listed before the interpretation's own.</param>
    /// <param name="options">Rendering options; <see cref="ReportOptions.UseColor"/> adds ANSI colour without changing the layout.</param>
    /// <returns>The text, ending with a newline.</returns>
    public static string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics = null, ReportOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        var paint = new Painter((options ?? ReportOptions.Default).UseColor);
        var text = new StringBuilder();
        var panel = interpretation.Panel;
        var lab = interpretation.LabProfile;
        text.AppendLine(CultureInfo.InvariantCulture, $"{paint.Bold("HTMA interpretation: sample " + panel.SampleId)}");
        text.AppendLine(CultureInfo.InvariantCulture, $"  subject {TerminalText.Escape(panel.SubjectId ?? "-")} · collected {panel.CollectedOn?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-"} · sex {ReportText.Name(panel.Sex) ?? "-"} · age {panel.AgeYears?.ToString(CultureInfo.InvariantCulture) ?? "-"} · {ReportText.Name(interpretation.Treatment)} sample");
        text.AppendLine(TerminalText.Escape($"  lab profile {lab.Name} ({lab.Id}, {Units.Symbol(lab.ReportingUnit)}) · model {interpretation.ModelName} · rules {interpretation.RuleSetName} {interpretation.RuleSetVersion}"));
        text.AppendLine();

        WriteOxidation(text, interpretation.Oxidation, paint);
        WriteFindings(text, interpretation.Findings, interpretation.Elements, paint);
        WriteElements(text, interpretation, paint);
        WriteRatios(text, interpretation, paint);

        if (interpretation.NotEvaluated.Count > 0)
        {
            text.AppendLine(paint.Bold("NOT EVALUATED (inputs missing)"));
            foreach (var rule in interpretation.NotEvaluated)
            {
                var subject = rule.Subject is null ? "" : $" [{rule.Subject}]";
                text.AppendLine(TerminalText.Escape($"  {rule.RuleId}{subject}: {string.Join(", ", rule.MissingInputs)}"));
            }

            text.AppendLine();
        }

        var diagnostics = (readDiagnostics ?? []).Concat(interpretation.Diagnostics).ToList();
        text.AppendLine(paint.Bold(diagnostics.Count == 0 ? "DIAGNOSTICS: none" : "DIAGNOSTICS"));
        foreach (var diagnostic in diagnostics)
        {
            text.Append("  ").AppendLine(paint.Severity(diagnostic.Severity, diagnostic.ToString()));
        }

        foreach (var caveat in lab.Caveats)
        {
            Wrap(text, "Lab caveat: " + caveat, "  ");
        }

        text.AppendLine();
        Wrap(text, interpretation.Disclaimer, "");
        return text.ToString();
    }

    private static void WriteOxidation(StringBuilder text, OxidationResult oxidation, Painter paint)
    {
        var headline = new StringBuilder(paint.Bold("OXIDATION:")).Append(' ').Append(paint.Type(ReportText.Name(oxidation.Type).ToUpperInvariant()));
        if (oxidation.Lean is { } lean)
        {
            headline.Append(" leaning ").Append(ReportText.Name(lean));
        }

        if (ReportText.Name(oxidation.Degree) is { } degree)
        {
            headline.Append(" (").Append(degree).Append(')');
        }

        if (oxidation.FourLows)
        {
            headline.Append(" · four lows");
        }

        if (oxidation.SodiumPotassiumQualifier is { } qualifier)
        {
            headline.Append(" · Na/K ").Append(TerminalText.Escape(qualifier));
        }

        if (oxidation.StressStage is { } stage)
        {
            headline.Append(" · stage of stress: ").Append(TerminalText.Escape(stage));
        }

        text.AppendLine(headline.ToString());
        foreach (var deciding in oxidation.DecidingRatios)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {TerminalText.Escape(deciding.Ratio),-6} {ReportText.Format(deciding.Value),10}  threshold {ReportText.Format(deciding.Threshold),-5} → {ReportText.Name(deciding.Indicates)}");
        }

        foreach (var note in oxidation.Notes)
        {
            Wrap(text, "note: " + note, "  ");
        }

        text.AppendLine();
    }

    private static void WriteFindings(StringBuilder text, IReadOnlyList<Finding> findings, IReadOnlyList<ElementResult> elements, Painter paint)
    {
        text.AppendLine(paint.Bold(findings.Count == 0 ? "FINDINGS: none" : $"FINDINGS ({findings.Count})"));
        foreach (var finding in findings)
        {
            var subject = finding.Subject is null ? "" : TerminalText.Escape($" [{finding.Subject}]");
            var marker = finding.IsReferral ? "REFER TO A PHYSICIAN" : ReportText.Name(finding.Severity);
            text.AppendLine(CultureInfo.InvariantCulture, $"  {paint.Severity(finding.Severity, $"[{marker}]")} {paint.Bold(finding.Title)}{subject}  ({TerminalText.Escape(finding.RuleId)})");
            var evidence = string.Join("; ", finding.Evidence.Select(e => ReportText.Describe(e, elements)));
            if (evidence.Length > 0)
            {
                Wrap(text, "evidence: " + evidence, "      ");
            }

            Wrap(text, finding.Explanation, "      ");
            foreach (var suggestion in finding.Suggestions)
            {
                Wrap(text, "- " + suggestion, "      ");
            }

            text.AppendLine(TerminalText.Escape($"      source: {finding.Source}"));
        }

        text.AppendLine();
    }

    private static void WriteElements(StringBuilder text, Interpretation interpretation, Painter paint)
    {
        text.AppendLine(paint.Bold("ELEMENTS"));
        var rows = interpretation.Elements.Select(e => new[]
        {
            e.Measurement.Element?.Symbol ?? e.Measurement.ReportedName,
            e.Measurement.Element is { } element ? ReportText.Name(element.Category) : "unrecognised",
            e.Measurement.Qualifier == MeasurementQualifier.NotDetected ? "ND" : ReportText.Format(e.Measurement.MilligramPercent),
            ReportText.Format(e.Measurement),
            ReportText.Judgement(e),
        }).ToList();
        WriteTable(text, ["element", "group", "mg%", "as reported", "judgement"], rows, rightAligned: [2], paint, paintedColumn: 4);
    }

    private static void WriteRatios(StringBuilder text, Interpretation interpretation, Painter paint)
    {
        text.AppendLine(paint.Bold("RATIOS"));
        var rows = interpretation.Ratios.Select(r => new[]
        {
            r.Name,
            ReportText.Format(r.Value),
            r.Ideal is { } ideal ? ReportText.Format(ideal)
                : r.IdealLow is not null || r.IdealHigh is not null ? $"{(r.IdealLow is { } lo ? ReportText.Format(lo) : "")}–{(r.IdealHigh is { } hi ? ReportText.Format(hi) : "")}"
                : "-",
            r.Band ?? "-",
        }).ToList();
        WriteTable(text, ["ratio", "value", "ideal", "band"], rows, rightAligned: [1, 2], paint, paintedColumn: null);
    }

    // Columns are padded on the plain text; colour codes wrap only the cell's own text, so the layout is the same with or without colour.
    private static void WriteTable(StringBuilder text, string[] headers, List<string[]> rows, int[] rightAligned, Painter paint, int? paintedColumn)
    {
        rows = rows.Select(row => row.Select(cell => TerminalText.Escape(cell)).ToArray()).ToList();
        var widths = headers.Select((h, i) => Math.Max(h.Length, rows.Count == 0 ? 0 : rows.Max(r => r[i].Length))).ToArray();
        void Row(string[] cells, bool body)
        {
            var line = new StringBuilder("  ");
            for (var i = 0; i < cells.Length; i++)
            {
                var padding = new string(' ', widths[i] - cells[i].Length);
                var cell = body && i == paintedColumn ? paint.Level(cells[i]) : cells[i];
                line.Append(rightAligned.Contains(i) ? padding + cell : cell + padding);
                line.Append("  ");
            }

            text.AppendLine(line.ToString().TrimEnd());
        }

        Row(headers, body: false);
        Row(widths.Select(w => new string('-', w)).ToArray(), body: false);
        rows.ForEach(row => Row(row, body: true));
        text.AppendLine();
    }

    /// <summary>Wraps text in ANSI SGR codes when colour is on; returns it unchanged otherwise.</summary>
    private readonly record struct Painter(bool Enabled)
    {
        private const string Reset = "\u001b[0m";

        public string Bold(string text) => Paint(text, "1");

        public string Type(string text) => Paint(text, "1;36");

        public string Severity(RuleSeverity severity, string text) => Paint(text, severity switch
        {
            RuleSeverity.Refer => "1;31",
            RuleSeverity.Attention => "33",
            _ => "36",
        });

        public string Severity(DiagnosticSeverity severity, string text) => Paint(text, severity switch
        {
            DiagnosticSeverity.Error => "31",
            DiagnosticSeverity.Warning => "33",
            _ => "2",
        });

        // Painted by the judgement's wording (ReportText.Judgement): red above a toxic limit, amber for what a range or
        // cut-off calls low or high, blue for a distance from an ideal, green within a range or below a limit.
        public string Level(string judgement) => Paint(judgement, judgement switch
        {
            "within range" or "below limit" or "at limit" => "32",
            "low" or "high" => "33",
            "above limit" => "1;31",
            _ when judgement.StartsWith("above ideal", StringComparison.Ordinal) || judgement.StartsWith("below ideal", StringComparison.Ordinal) => "34",
            _ => "2",
        });

        // Input text never reaches the terminal unescaped, painted or not (escaping twice changes nothing).
        private string Paint(string text, string code)
        {
            text = TerminalText.Escape(text);
            return Enabled && text.Length > 0 ? $"\u001b[{code}m{text}{Reset}" : text;
        }
    }

    private static void Wrap(StringBuilder text, string paragraph, string indent)
    {
        paragraph = TerminalText.Escape(paragraph, keepLineBreaks: true);
        var line = new StringBuilder(indent);
        foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > indent.Length && line.Length + 1 + word.Length > Width)
            {
                text.AppendLine(line.ToString());
                line.Clear().Append(indent).Append("  ");
            }

            if (line.Length > indent.Length && line[^1] != ' ')
            {
                line.Append(' ');
            }

            line.Append(word);
        }

        text.AppendLine(line.ToString());
    }
}
