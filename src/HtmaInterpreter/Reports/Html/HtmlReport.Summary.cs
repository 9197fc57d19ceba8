using System.Globalization;
using System.Text;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

// The summary box: how concerning the panel is, and the oxidation headline it leads with.
internal static partial class HtmlReport
{
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
}
