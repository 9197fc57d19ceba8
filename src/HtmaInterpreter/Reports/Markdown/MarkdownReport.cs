using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

/// <summary>
/// Renders an <see cref="Interpretation"/> as Markdown (CommonMark with pipe tables): header, referrals, oxidation,
/// findings by severity, element and ratio tables, what was not evaluated, diagnostics, caveats and the disclaimer.
/// Every text is escaped so that input cannot inject Markdown or HTML.
/// </summary>
internal static class MarkdownReport
{
    /// <summary>Renders one interpretation.</summary>
    /// <param name="interpretation">The interpretation.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the panel, listed before the interpretation's own.</param>
    /// <returns>The Markdown text, ending with a newline.</returns>
    public static string Render(Interpretation interpretation, IReadOnlyList<Diagnostic>? readDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(interpretation);
        var markdown = new StringBuilder();
        Write(markdown, interpretation, readDiagnostics ?? []);
        return markdown.ToString();
    }

    /// <summary>Renders several interpretations one after another, separated by a rule.</summary>
    /// <param name="interpretations">The interpretations, in input order.</param>
    /// <param name="readDiagnostics">Diagnostics from reading the file, listed with the first panel (or alone when there is none).</param>
    /// <returns>The Markdown text, ending with a newline.</returns>
    public static string Render(IReadOnlyList<Interpretation> interpretations, IReadOnlyList<Diagnostic>? readDiagnostics = null)
    {
        ArgumentNullException.ThrowIfNull(interpretations);
        var markdown = new StringBuilder();
        if (interpretations.Count == 0)
        {
            markdown.Append("# HTMA interpretation\n\nNo panel could be interpreted.\n");
            WriteDiagnostics(markdown, readDiagnostics ?? []);
            return markdown.ToString();
        }

        for (var i = 0; i < interpretations.Count; i++)
        {
            if (i > 0)
            {
                markdown.Append("\n---\n\n");
            }

            Write(markdown, interpretations[i], i == 0 ? readDiagnostics ?? [] : []);
        }

        return markdown.ToString();
    }

    /// <summary>Escapes text for Markdown: backslash before Markdown punctuation, HTML special characters as entities, line breaks as spaces.</summary>
    internal static string Escape(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var escaped = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            switch (c)
            {
                case '&': escaped.Append("&amp;"); break;
                case '<': escaped.Append("&lt;"); break;
                case '>': escaped.Append("&gt;"); break;
                case '"': escaped.Append("&quot;"); break;
                case '\r' or '\n' or '\t': escaped.Append(' '); break;
                case '\\' or '`' or '*' or '_' or '[' or ']' or '|' or '#' or '~' or '!':
                    escaped.Append('\\').Append(c);
                    break;
                case var control when TerminalText.IsUnsafe(control): TerminalText.AppendEscaped(escaped, control); break;
                default: escaped.Append(c); break;
            }
        }

        return escaped.ToString();
    }

    private static void Write(StringBuilder md, Interpretation interpretation, IReadOnlyList<Diagnostic> readDiagnostics)
    {
        var panel = interpretation.Panel;
        var lab = interpretation.LabProfile;
        md.Append("# HTMA interpretation: sample ").Append(Escape(panel.SampleId)).Append("\n\n");
        md.Append("| | |\n|---|---|\n");
        Row(md, "Subject", Escape(panel.SubjectId ?? "–"));
        Row(md, "Collected", ReportText.Date(panel.CollectedOn));
        Row(md, "Sex / age", $"{ReportText.Name(panel.Sex) ?? "–"} / {panel.AgeYears?.ToString(CultureInfo.InvariantCulture) ?? "–"}");
        Row(md, "Lab (as given)", Escape(panel.Lab ?? "–"));
        Row(md, "Lab profile", $"{Escape(lab.Name)} ({Escape(lab.Id)}, {Escape(Units.Symbol(lab.ReportingUnit))})");
        Row(md, "Sample treatment", ReportText.Name(interpretation.Treatment));
        Row(md, "Model", Escape(interpretation.ModelName));
        Row(md, "Rule set", $"{Escape(interpretation.RuleSetName)} {Escape(interpretation.RuleSetVersion)}");
        md.Append('\n');

        var referrals = interpretation.Referrals.ToList();
        if (referrals.Count > 0)
        {
            md.Append("> **Refer to a physician**\n>\n");
            foreach (var referral in referrals)
            {
                md.Append("> - **").Append(Escape(referral.Title)).Append("**").Append(SubjectSuffix(referral)).Append('\n');
            }

            md.Append('\n');
        }

        WriteOxidation(md, interpretation);
        WriteFindings(md, interpretation.Findings, interpretation.Elements);
        WriteElements(md, interpretation);
        WriteRatios(md, interpretation);

        if (interpretation.NotEvaluated.Count > 0)
        {
            md.Append("## Not evaluated (inputs missing)\n\n| rule | subject | missing |\n|---|---|---|\n");
            foreach (var rule in interpretation.NotEvaluated)
            {
                md.Append("| ").Append(Escape(rule.RuleId)).Append(" | ").Append(Escape(rule.Subject ?? "")).Append(" | ")
                    .Append(Escape(string.Join(", ", rule.MissingInputs))).Append(" |\n");
            }

            md.Append('\n');
        }

        WriteDiagnostics(md, readDiagnostics.Concat(interpretation.Diagnostics).ToList());

        if (lab.Caveats.Count > 0)
        {
            md.Append("## Lab caveats\n\n");
            foreach (var caveat in lab.Caveats)
            {
                md.Append("- ").Append(Escape(caveat)).Append('\n');
            }

            md.Append('\n');
        }

        md.Append("---\n\n*").Append(Escape(interpretation.Disclaimer)).Append("*\n");
    }

    private static void Row(StringBuilder md, string name, string value) =>
        md.Append("| ").Append(name).Append(" | ").Append(value).Append(" |\n");

    private static string SubjectSuffix(Finding finding) =>
        finding.Subject is null ? "" : " (" + Escape(finding.Subject) + ")";

    private static void WriteOxidation(StringBuilder md, Interpretation interpretation)
    {
        var oxidation = interpretation.Oxidation;
        md.Append("## Oxidation: ").Append(ReportText.Name(oxidation.Type));
        if (oxidation.Lean is { } lean)
        {
            md.Append(", leaning ").Append(ReportText.Name(lean));
        }

        if (ReportText.Name(oxidation.Degree) is { } degree)
        {
            md.Append(" (").Append(degree).Append(')');
        }

        md.Append("\n\n");
        var qualifiers = new List<string>();
        if (oxidation.FourLows)
        {
            qualifiers.Add("four lows");
        }

        if (oxidation.SodiumPotassiumQualifier is { } qualifier)
        {
            qualifiers.Add("Na/K " + Escape(qualifier));
        }

        if (oxidation.StressStage is { } stage)
        {
            qualifiers.Add("stage of stress: " + Escape(stage));
        }

        if (qualifiers.Count > 0)
        {
            md.Append(string.Join(" · ", qualifiers)).Append("\n\n");
        }

        if (oxidation.DecidingRatios.Count > 0)
        {
            md.Append("| deciding ratio | value | | threshold | indicates |\n|---|---:|:---:|---:|---|\n");
            foreach (var deciding in oxidation.DecidingRatios)
            {
                md.Append("| ").Append(Escape(deciding.Ratio)).Append(" | ").Append(ReportText.Format(deciding.Value)).Append(" | ")
                    .Append(Escape(ReportText.Comparison(deciding.Value, deciding.Threshold))).Append(" | ")
                    .Append(ReportText.Format(deciding.Threshold)).Append(" | ").Append(ReportText.Name(deciding.Indicates)).Append(" |\n");
            }

            md.Append('\n');
        }

        foreach (var note in oxidation.Notes)
        {
            md.Append("- ").Append(Escape(note)).Append('\n');
        }

        if (oxidation.Notes.Count > 0)
        {
            md.Append('\n');
        }
    }

    private static void WriteFindings(StringBuilder md, IReadOnlyList<Finding> findings, IReadOnlyList<ElementResult> elements)
    {
        md.Append("## Findings (").Append(findings.Count.ToString(CultureInfo.InvariantCulture)).Append(")\n\n");
        if (findings.Count == 0)
        {
            md.Append("No rule fired for this panel.\n\n");
            return;
        }

        foreach (var group in findings.GroupBy(f => f.Severity).OrderByDescending(g => g.Key))
        {
            md.Append("### ").Append(ReportText.Title(group.Key)).Append("\n\n");
            foreach (var finding in group)
            {
                md.Append("#### ").Append(Escape(finding.Title)).Append(SubjectSuffix(finding)).Append(" (").Append(Escape(finding.RuleId)).Append(")\n\n");
                if (finding.Evidence.Count > 0)
                {
                    md.Append("**Evidence:** ").Append(Escape(string.Join("; ", finding.Evidence.Select(e => ReportText.Describe(e, elements))))).Append("\n\n");
                }

                md.Append(Escape(finding.Explanation)).Append("\n\n");
                foreach (var suggestion in finding.Suggestions)
                {
                    md.Append("- ").Append(Escape(suggestion)).Append('\n');
                }

                if (finding.Suggestions.Count > 0)
                {
                    md.Append('\n');
                }

                md.Append("*Source:* ").Append(Escape(finding.Source)).Append("\n\n");
            }
        }
    }

    private static void WriteElements(StringBuilder md, Interpretation interpretation)
    {
        var unit = Escape(Units.Symbol(interpretation.LabProfile.ReportingUnit));
        md.Append("## Elements\n\n");
        foreach (var (group, elements) in ReportText.Groups(interpretation))
        {
            md.Append("### ").Append(ReportText.Title(group)).Append("\n\n");
            md.Append("| element | result (").Append(unit).Append(") | reference (").Append(unit).Append(") | judgement |\n|---|---:|---:|---|\n");
            foreach (var element in elements)
            {
                var name = element.Measurement.Element is { } known
                    ? $"{Escape(known.Symbol)} {Escape(known.Name)}"
                    : Escape(element.Measurement.ReportedName);
                md.Append("| ").Append(name).Append(" | ").Append(Escape(ReportText.LabValue(element, interpretation.LabProfile)))
                    .Append(" | ").Append(Escape(ReportText.Reference(element, interpretation.LabProfile))).Append(" | ")
                    .Append(Escape(ReportText.Judgement(element))).Append(" |\n");
            }

            md.Append('\n');
        }
    }

    private static void WriteRatios(StringBuilder md, Interpretation interpretation)
    {
        md.Append("## Ratios\n\n");
        if (interpretation.Ratios.Count == 0)
        {
            md.Append("No ratio could be computed.\n\n");
            return;
        }

        md.Append("| ratio | value | ideal | band |\n|---|---:|---:|---|\n");
        foreach (var ratio in interpretation.Ratios)
        {
            md.Append("| ").Append(Escape(ratio.Name)).Append(" | ").Append(ReportText.Format(ratio.Value)).Append(" | ")
                .Append(ReportText.Ideal(ratio) is { Length: > 0 } ideal ? ideal : "–").Append(" | ")
                .Append(Escape(ratio.Band ?? "–")).Append(" |\n");
        }

        md.Append('\n');
    }

    private static void WriteDiagnostics(StringBuilder md, IReadOnlyList<Diagnostic> diagnostics)
    {
        md.Append("## Diagnostics\n\n");
        if (diagnostics.Count == 0)
        {
            md.Append("None.\n\n");
            return;
        }

        md.Append("| severity | code | where | message |\n|---|---|---|---|\n");
        foreach (var diagnostic in diagnostics)
        {
            md.Append("| ").Append(diagnostic.Severity.ToString().ToLowerInvariant()).Append(" | ").Append(Escape(diagnostic.Code))
                .Append(" | ").Append(Escape(diagnostic.Location.ToString())).Append(" | ").Append(Escape(diagnostic.Message)).Append(" |\n");
        }

        md.Append('\n');
    }
}
