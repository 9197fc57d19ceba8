using System.Globalization;
using System.Text;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;

namespace HtmaInterpreter.Reports;

/// <summary>
/// The inline SVG charts of the HTML report: one horizontal bar per element against its band, and the ratios'
/// log-scale deviation from their ideals. Every chart has a fixed viewBox and <c>width="100%"</c>, so it scales to the
/// page width and can never be wider than its container.
/// </summary>
internal static class HtmlCharts
{
    /// <summary>The width of every chart's viewBox.</summary>
    internal const int ViewWidth = 720;

    private const int RowHeight = 22;
    private const int HeaderHeight = 22;
    private const double ResultRight = 196;
    private const double ReferenceRight = 272;
    private const double TrackLeft = 282;
    private const double TrackRight = 556;
    private const double LevelLeft = 566;
    private const double TrackWidth = TrackRight - TrackLeft;

    /// <summary>How an element's bar is scaled, from the band the lab profile gives it.</summary>
    internal enum ScaleKind
    {
        /// <summary>A reference range low–high: the range fills the middle third on a log scale, the outer thirds span the same factor.</summary>
        Range,

        /// <summary>An upper limit only (toxic limit, or a range without a low end): linear from zero, the limit at two thirds.</summary>
        Limit,

        /// <summary>A lower bound only: the bound at one third, each third a factor of 10 on a log scale.</summary>
        Floor,

        /// <summary>An ideal value only: the ideal in the centre, each half a factor of 10 on a log scale.</summary>
        Ideal,

        /// <summary>No band: an absolute log scale from 0.001 to 1000 mg%.</summary>
        None,
    }

    /// <summary>The scale of one element's bar, in mg%.</summary>
    internal readonly record struct Scale(ScaleKind Kind, double Low, double High)
    {
        /// <summary>The position of a value on the track, 0 (left) to 1 (right); may be outside 0–1 when off the scale.</summary>
        public double Position(double milligramPercent)
        {
            if (milligramPercent <= 0)
            {
                return 0;
            }

            return Kind switch
            {
                ScaleKind.Range => 1.0 / 3 + (Math.Log(milligramPercent) - Math.Log(Low)) / (Math.Log(High) - Math.Log(Low)) / 3,
                ScaleKind.Limit => 2.0 / 3 * milligramPercent / High,
                ScaleKind.Floor => 1.0 / 3 + Math.Log10(milligramPercent / Low) / 3,
                ScaleKind.Ideal => 0.5 + Math.Log10(milligramPercent / Low) / 2,
                _ => (Math.Log10(milligramPercent) + 3) / 6,
            };
        }
    }

    internal static Scale ScaleOf(ElementResult result)
    {
        if (result.ToxicLimit is { } limit && limit.MilligramPercent > 0)
        {
            return new Scale(ScaleKind.Limit, 0, (double)limit.MilligramPercent);
        }

        if (result.ProfileRange?.To(ConcentrationUnit.MilligramPercent) is { } range)
        {
            if (range is { Low: { } low, High: { } high } && low > 0 && high > low)
            {
                return new Scale(ScaleKind.Range, (double)low, (double)high);
            }

            if (range.High is { } upper && upper > 0)
            {
                return new Scale(ScaleKind.Limit, 0, (double)upper);
            }

            if (range.Low is { } lower && lower > 0)
            {
                return new Scale(ScaleKind.Floor, (double)lower, 0);
            }
        }

        if (result.Ideal is { } ideal && ideal.MilligramPercent > 0)
        {
            return new Scale(ScaleKind.Ideal, (double)ideal.MilligramPercent, 0);
        }

        return new Scale(ScaleKind.None, 0, 0);
    }

    /// <summary>Writes one group's element chart: a header row, then one <c>g.element-bar</c> per element.</summary>
    internal static void WriteElementChart(StringBuilder html, ReportText.ElementGroup group, IReadOnlyList<ElementResult> elements, LabProfile lab)
    {
        var height = HeaderHeight + elements.Count * RowHeight + 4;
        var unit = Units.Symbol(lab.ReportingUnit);
        var kinds = elements.Select(e => ScaleOf(e).Kind).ToHashSet();
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart element-chart\" data-group=\"{HtmlReport.Escape(ReportText.Title(group))}\" viewBox=\"0 0 {ViewWidth} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-label=\"{HtmlReport.Escape(ReportText.Title(group))}: one bar per element against its band\">");
        html.Append("<g class=\"axis\">");
        html.Append("<text class=\"col\" x=\"6\" y=\"14\">Element</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{X(ResultRight)}\" y=\"14\" text-anchor=\"end\">Result ({HtmlReport.Escape(unit)})</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{X(ReferenceRight)}\" y=\"14\" text-anchor=\"end\">Reference</text>");
        if (group == ReportText.ElementGroup.Toxic)
        {
            ZoneLabel(html, 0, 2.0 / 3, "within limit");
            ZoneLabel(html, 2.0 / 3, 1, "above limit");
        }
        else if (kinds.Contains(ScaleKind.Ideal))
        {
            // The ideal sits in the centre of its track and a range fills the middle third: one set of zone names
            // cannot fit both, so a group that mixes them leaves the zones to each row's shading and judgement.
            if (kinds.All(k => k is ScaleKind.Ideal or ScaleKind.None))
            {
                ZoneLabel(html, 0, 0.5, "below ideal");
                ZoneLabel(html, 0.5, 1, "above ideal");
            }
        }
        else
        {
            ZoneLabel(html, 0, 1.0 / 3, "low");
            ZoneLabel(html, 1.0 / 3, 2.0 / 3, "reference");
            ZoneLabel(html, 2.0 / 3, 1, "high");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{X(LevelLeft)}\" y=\"14\">Judgement</text>");
        html.Append("</g>");

        for (var i = 0; i < elements.Count; i++)
        {
            WriteElementRow(html, elements[i], lab, HeaderHeight + i * RowHeight, i % 2 == 1);
        }

        html.Append("</svg>");
    }

    private static void ZoneLabel(StringBuilder html, double from, double to, string text) =>
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"zone-label\" x=\"{X(TrackLeft + (from + to) / 2 * TrackWidth)}\" y=\"14\" text-anchor=\"middle\">{text}</text>");

    private static void WriteElementRow(StringBuilder html, ElementResult result, LabProfile lab, int top, bool shaded)
    {
        var measurement = result.Measurement;
        var symbol = ReportText.Symbol(result);
        var name = measurement.Element?.Name ?? "not recognised";
        var value = ReportText.LabValue(result, lab);
        var reference = ReportText.Reference(result, lab);
        var scale = ScaleOf(result);
        var againstIdeal = result.Basis == ElementLevelBasis.Ideal && result.Level != ElementLevel.Unknown;
        var levelClass = againstIdeal ? "level-ideal" : LevelClass(result.Level);
        var fromIdeal = result.FromIdeal is { } factor ? $" data-from-ideal=\"{ReportText.Round(factor).ToString(CultureInfo.InvariantCulture)}\"" : "";

        html.Append(CultureInfo.InvariantCulture, $"<g class=\"element-bar {levelClass}\" data-element=\"{HtmlReport.Escape(symbol)}\" data-level=\"{ReportText.Name(result.Level)}\" data-basis=\"{ReportText.Name(result.Basis)}\"{fromIdeal} data-scale=\"{scale.Kind.ToString().ToLowerInvariant()}\" transform=\"translate(0,{top})\">");
        html.Append(CultureInfo.InvariantCulture, $"<title>{HtmlReport.Escape($"{name} ({symbol}): {value} {Units.Symbol(lab.ReportingUnit)}, {ReportText.Judgement(result)}{(reference.Length > 0 ? $"; reference {reference}" : "")}")}</title>");
        if (shaded)
        {
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"row-shade\" x=\"0\" y=\"0\" width=\"{ViewWidth}\" height=\"{RowHeight}\"/>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text class=\"sym\" x=\"6\" y=\"15\">{HtmlReport.Escape(Shorten(symbol, 10))}</text>");
        if (measurement.Element is not null)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"name\" x=\"34\" y=\"15\">{HtmlReport.Escape(name)}</text>");
        }

        html.Append(CultureInfo.InvariantCulture, $"<text class=\"num\" x=\"{X(ResultRight)}\" y=\"15\" text-anchor=\"end\">{HtmlReport.Escape(value)}</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"ref\" x=\"{X(ReferenceRight)}\" y=\"15\" text-anchor=\"end\">{HtmlReport.Escape(reference.Length > 0 ? reference : "–")}</text>");

        WriteZones(html, scale, aboveIsToxic: result.ToxicLimit is not null);
        if (result.Ideal is { } ideal && scale.Kind is ScaleKind.Range or ScaleKind.Ideal)
        {
            var x = TrackLeft + Math.Clamp(scale.Position((double)ideal.MilligramPercent), 0, 1) * TrackWidth;
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"ideal-tick\" x1=\"{X(x)}\" x2=\"{X(x)}\" y1=\"3\" y2=\"19\"/>");
        }

        if (measurement.Qualifier == MeasurementQualifier.NotDetected)
        {
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"nd\" x=\"{X(TrackLeft + 4)}\" y=\"15\">not detected</text>");
        }
        else
        {
            var raw = scale.Position((double)measurement.MilligramPercent);
            var width = Math.Max(Math.Clamp(raw, 0, 1) * TrackWidth, 2);
            var barClass = measurement.Qualifier == MeasurementQualifier.BelowDetectionLimit ? "bar below-limit" : "bar";
            var strength = againstIdeal ? $" style=\"fill:{IdealColour(IdealStrength(result))}\"" : "";
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"{barClass}\" x=\"{X(TrackLeft)}\" y=\"7\" width=\"{X(width)}\" height=\"8\" rx=\"1.5\"{strength}/>");
            if (raw > 1 || measurement.Qualifier == MeasurementQualifier.AboveQuantitationLimit)
            {
                // Off the scale: an arrowhead at the end of the track says the value goes further.
                html.Append(CultureInfo.InvariantCulture, $"<path class=\"overflow\" d=\"M{X(TrackRight - 1)} 4 L{X(TrackRight + 5)} 11 L{X(TrackRight - 1)} 18 Z\"/>");
            }
        }

        html.Append(CultureInfo.InvariantCulture, $"<text class=\"level\" x=\"{X(LevelLeft)}\" y=\"15\">{HtmlReport.Escape(ReportText.Judgement(result, brief: true))}</text>");
        html.Append("</g>");
    }

    /// <summary>
    /// How strongly a bar judged against an ideal only is coloured, 0 to 1: |log10(value ÷ ideal)|, full at a factor of
    /// 10, where the bar reaches the end of its track (a value of zero is full).
    /// </summary>
    internal static double IdealStrength(ElementResult result)
    {
        if (result.Ideal is not { MilligramPercent: > 0 } ideal || result.Measurement.MilligramPercent <= 0)
        {
            return 1;
        }

        return Math.Min(Math.Abs(Math.Log10((double)result.Measurement.MilligramPercent / (double)ideal.MilligramPercent)), 1);
    }

    // The pale and the deep end of the blue of ideal-judged bars; the legend's key is a gradient between them.
    private static readonly (int R, int G, int B) IdealPale = (0xc6, 0xd6, 0xea);
    private static readonly (int R, int G, int B) IdealDeep = (0x1d, 0x4f, 0x91);

    /// <summary>The blue of an ideal-judged bar at <paramref name="strength"/> (0–1), as <c>#rrggbb</c>.</summary>
    internal static string IdealColour(double strength)
    {
        static int Mix(int pale, int deep, double t) => (int)Math.Round(pale + (deep - pale) * t);
        var t = Math.Clamp(strength, 0, 1);
        return string.Create(CultureInfo.InvariantCulture, $"#{Mix(IdealPale.R, IdealDeep.R, t):x2}{Mix(IdealPale.G, IdealDeep.G, t):x2}{Mix(IdealPale.B, IdealDeep.B, t):x2}");
    }

    /// <summary>The element chart's colour key, one entry per kind of judgement.</summary>
    internal static void WriteElementLegend(StringBuilder html) =>
        html.Append("<p class=\"legend element-legend\"><span class=\"key level-within\"></span>within range or below limit <span class=\"key level-low\"></span>low or high (published range or cut-off) <span class=\"key level-elevated\"></span>above toxic limit <span class=\"key level-ideal\" style=\"background:linear-gradient(to right,")
            .Append(IdealColour(0)).Append(',').Append(IdealColour(1)).Append(")\"></span>above or below ideal (deeper = further from it) <span class=\"key level-unknown\"></span>")
            .Append(ReportText.NoReference).Append(" or cannot tell</p>\n");

    // Red marks only the zone above a toxic limit; above a nutrient's upper bound is amber like any high value.
    private static void WriteZones(StringBuilder html, Scale scale, bool aboveIsToxic)
    {
        switch (scale.Kind)
        {
            case ScaleKind.Range:
                Zone(html, 0, 1.0 / 3, "zone-out");
                Zone(html, 1.0 / 3, 2.0 / 3, "zone-in");
                Zone(html, 2.0 / 3, 1, "zone-out");
                break;
            case ScaleKind.Limit:
                Zone(html, 0, 2.0 / 3, "zone-in");
                Zone(html, 2.0 / 3, 1, aboveIsToxic ? "zone-toxic" : "zone-out");
                break;
            case ScaleKind.Floor:
                Zone(html, 0, 1.0 / 3, "zone-out");
                Zone(html, 1.0 / 3, 1, "zone-in");
                break;
            case ScaleKind.Ideal:
                Zone(html, 0, 1, "zone-neutral");
                break;
            default:
                Zone(html, 0, 1, "zone-none");
                break;
        }
    }

    private static void Zone(StringBuilder html, double from, double to, string cssClass) =>
        html.Append(CultureInfo.InvariantCulture, $"<rect class=\"{cssClass}\" x=\"{X(TrackLeft + from * TrackWidth)}\" y=\"4\" width=\"{X((to - from) * TrackWidth)}\" height=\"14\"/>");

    /// <summary>The caption that says how the bars of a group are scaled, naming only the scales the group uses.</summary>
    internal static string Caption(IReadOnlyList<ElementResult> elements, LabProfile lab)
    {
        var kinds = elements.Select(e => ScaleOf(e).Kind).ToHashSet();
        var sentences = new List<string> { $"Bars are drawn per element, each on its own scale; values and bands are in {Units.Symbol(lab.ReportingUnit)} ({lab.Name} profile)." };
        if (kinds.Contains(ScaleKind.Range))
        {
            sentences.Add("With a reference range, the range fills the middle third on a logarithmic scale and the outer thirds span the same factor below and above it.");
        }

        if (kinds.Contains(ScaleKind.Limit))
        {
            sentences.Add("With an upper limit only, the scale is linear from zero and the limit sits at two thirds of the track.");
        }

        if (kinds.Contains(ScaleKind.Floor))
        {
            sentences.Add("With a lower bound only, the bound sits at one third and each third spans a factor of 10.");
        }

        if (kinds.Contains(ScaleKind.Ideal))
        {
            sentences.Add("With an ideal only, the ideal (dark tick) is in the centre and each half spans a factor of 10.");
        }
        else if (elements.Any(e => e.Ideal is not null))
        {
            sentences.Add("A dark tick marks the ideal where the profile gives one.");
        }

        if (elements.Any(e => e.Basis == ElementLevelBasis.Ideal))
        {
            sentences.Add($"{lab.Name} gives only an ideal for some elements: those are judged above or below the ideal with the factor from it (×1.03 is 3% above), not high or low, and their bars are blue, deeper the further the value is from the ideal.");
        }

        if (kinds.Contains(ScaleKind.None))
        {
            sentences.Add("Elements without any band in the profile are grey, on an absolute logarithmic scale from 0.001 to 1000 mg%.");
        }

        if (elements.Any(e => e.Basis != ElementLevelBasis.None && e.Level == ElementLevel.Unknown))
        {
            sentences.Add("\"Cannot tell\" marks a value reported as below a detection limit (or above a quantitation limit) that lies on the other side of the element's limit, range or ideal, so the true value may be on either side.");
        }

        if (elements.Any(e => e.Measurement.Qualifier == MeasurementQualifier.BelowDetectionLimit))
        {
            sentences.Add("A pale bar reaches the detection limit of a value reported below it.");
        }

        sentences.Add("An arrowhead marks a value beyond the end of the track.");
        return string.Join(" ", sentences);
    }

    /// <summary>
    /// Writes the ratio chart: for each ratio with an ideal, a bar from the ideal to the value on a log scale (each half a
    /// factor of 10). A ratio in <paramref name="flags"/> (cited by a finding) is drawn as flagged whatever its ideal
    /// range says, with the finding's threshold in words in the last column; a ratio in <paramref name="deciding"/>
    /// (it decided the oxidation type) is marked with a diamond before its name.
    /// </summary>
    internal static void WriteRatioChart(StringBuilder html, IReadOnlyList<RatioValue> ratios, IReadOnlySet<string> deciding, IReadOnlyDictionary<string, string> flags)
    {
        const double markX = 6, nameX = 20, valueX = 150, idealX = 226, left = 250, right = 590, flagX = 600;
        const double centre = (left + right) / 2, half = (right - left) / 2;
        var height = HeaderHeight + ratios.Count * RowHeight + 4;
        html.Append(CultureInfo.InvariantCulture, $"<svg class=\"chart ratio-chart\" viewBox=\"0 0 {ViewWidth} {height}\" width=\"100%\" preserveAspectRatio=\"xMinYMin meet\" role=\"img\" aria-label=\"Ratios: log-scale deviation from the ideal\">");
        html.Append("<g class=\"axis\">");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{X(nameX)}\" y=\"14\">Ratio</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{X(valueX)}\" y=\"14\" text-anchor=\"end\">Value</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{X(idealX)}\" y=\"14\" text-anchor=\"end\">Ideal</text>");
        html.Append(CultureInfo.InvariantCulture, $"<text class=\"col\" x=\"{X(flagX)}\" y=\"14\">Finding</text>");
        (double Factor, string Label)[] ticks = [(0.1, "÷10"), (0.2, "÷5"), (0.5, "÷2"), (1, "ideal"), (2, "×2"), (5, "×5"), (10, "×10")];
        foreach (var (factor, label) in ticks)
        {
            var x = centre + Math.Log10(factor) * half;
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"zone-label\" x=\"{X(x)}\" y=\"14\" text-anchor=\"middle\">{label}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<line class=\"{(factor == 1 ? "centre-line" : "grid-line")}\" x1=\"{X(x)}\" x2=\"{X(x)}\" y1=\"{HeaderHeight - 2}\" y2=\"{height - 2}\"/>");
        }

        html.Append("</g>");
        for (var i = 0; i < ratios.Count; i++)
        {
            var ratio = ratios[i];
            var centreValue = CentreOf(ratio)!.Value;
            var deviation = Math.Log10(ratio.Value / centreValue);
            var hasRange = ratio.IdealLow is not null || ratio.IdealHigh is not null;
            var within = hasRange && (ratio.IdealLow is not { } lo || ratio.Value >= lo) && (ratio.IdealHigh is not { } hi || ratio.Value <= hi);
            var flag = flags.GetValueOrDefault(ratio.Name);
            var decides = deciding.Contains(ratio.Name);

            // A ratio a finding cites is never drawn as fine, even inside a wider ideal range (TEI's Na/K 1.4-3.4 holds 2.4, which the inversion finding reads as below 2.5).
            var state = flag is not null ? "flagged" : !hasRange ? "no-range" : within ? "within" : "outside";
            var top = HeaderHeight + i * RowHeight;
            html.Append(CultureInfo.InvariantCulture, $"<g class=\"ratio-bar {state}{(decides ? " deciding" : "")}\" data-ratio=\"{HtmlReport.Escape(ratio.Name)}\" transform=\"translate(0,{top})\">");
            var title = $"{ratio.DisplayName ?? ratio.Name}: {ReportText.Format(ratio.Value)}, ideal {ReportText.Ideal(ratio)}{(ratio.Band is null ? "" : "; " + ratio.Band)}"
                + (flag is null ? "" : "; named by a finding" + (flag.Length > 0 ? ": " + flag : ""))
                + (decides ? "; decided the oxidation type" : "");
            html.Append(CultureInfo.InvariantCulture, $"<title>{HtmlReport.Escape(title)}</title>");
            if (i % 2 == 1)
            {
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"row-shade\" x=\"0\" y=\"0\" width=\"{ViewWidth}\" height=\"{RowHeight}\"/>");
            }

            if (decides)
            {
                html.Append(CultureInfo.InvariantCulture, $"<text class=\"mark\" x=\"{X(markX)}\" y=\"15\">◆</text>");
            }

            html.Append(CultureInfo.InvariantCulture, $"<text class=\"sym\" x=\"{X(nameX)}\" y=\"15\">{HtmlReport.Escape(Shorten(ratio.Name, 11))}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"num\" x=\"{X(valueX)}\" y=\"15\" text-anchor=\"end\">{ReportText.Format(ratio.Value)}</text>");
            html.Append(CultureInfo.InvariantCulture, $"<text class=\"ref\" x=\"{X(idealX)}\" y=\"15\" text-anchor=\"end\">{HtmlReport.Escape(ReportText.Ideal(ratio))}</text>");
            if (hasRange)
            {
                var from = ratio.IdealLow is { } low ? centre + Math.Clamp(Math.Log10(low / centreValue), -1, 1) * half : left;
                var to = ratio.IdealHigh is { } high ? centre + Math.Clamp(Math.Log10(high / centreValue), -1, 1) * half : right;
                html.Append(CultureInfo.InvariantCulture, $"<rect class=\"zone-in\" x=\"{X(from)}\" y=\"4\" width=\"{X(Math.Max(to - from, 1))}\" height=\"14\"/>");
            }

            var end = centre + Math.Clamp(deviation, -1, 1) * half;
            var barLeft = Math.Min(centre, end);
            html.Append(CultureInfo.InvariantCulture, $"<rect class=\"bar\" x=\"{X(barLeft)}\" y=\"7\" width=\"{X(Math.Max(Math.Abs(end - centre), 2))}\" height=\"8\" rx=\"1.5\"/>");
            if (Math.Abs(deviation) > 1)
            {
                var tip = deviation > 0 ? right + 5 : left - 5;
                var back = deviation > 0 ? right - 1 : left + 1;
                html.Append(CultureInfo.InvariantCulture, $"<path class=\"overflow\" d=\"M{X(back)} 4 L{X(tip)} 11 L{X(back)} 18 Z\"/>");
            }

            if (ratio.Band is { } band)
            {
                // The band's name goes on the side of the centre line away from the bar, so the two never overlap.
                var anchor = deviation >= 0 ? "end" : "start";
                var x = deviation >= 0 ? centre - 6 : centre + 6;
                html.Append(CultureInfo.InvariantCulture, $"<text class=\"band\" x=\"{X(x)}\" y=\"15\" text-anchor=\"{anchor}\">{HtmlReport.Escape(Shorten(band, 26))}</text>");
            }

            if (flag is not null)
            {
                html.Append(CultureInfo.InvariantCulture, $"<text class=\"flag\" x=\"{X(flagX)}\" y=\"15\">{HtmlReport.Escape(Shorten(flag.Length > 0 ? flag : "in a finding", 21))}</text>");
            }

            html.Append("</g>");
        }

        html.Append("</svg>");
    }

    /// <summary>The value a ratio's bar is centred on: its ideal, else the geometric middle of its ideal range, else the one bound given; <c>null</c> when none is published.</summary>
    internal static double? CentreOf(RatioValue ratio) => ratio switch
    {
        { Ideal: { } ideal } when ideal > 0 => ideal,
        { IdealLow: { } low, IdealHigh: { } high } when low > 0 && high > 0 => Math.Sqrt(low * high),
        { IdealLow: { } low } when low > 0 => low,
        { IdealHigh: { } high } when high > 0 => high,
        _ => null,
    };

    private static string LevelClass(ElementLevel level) => level switch
    {
        ElementLevel.WithinRange => "level-within",
        ElementLevel.Low => "level-low",
        ElementLevel.High => "level-high",
        ElementLevel.Elevated => "level-elevated",
        _ => "level-unknown",
    };

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..(length - 1)] + "…";

    private static string X(double value) => Math.Round(value, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
