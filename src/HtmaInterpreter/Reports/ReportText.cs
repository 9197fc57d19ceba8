using System.Globalization;
using System.Text;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Reports;

/// <summary>The words every report format uses for enum values and numbers, so that all formats agree.</summary>
internal static class ReportText
{
    public static string Name(OxidationType type) => OxidationWords.Name(type);

    public static string? Name(OxidationType? type) => type is { } t ? Name(t) : null;

    public static string? Name(OxidationDegree degree) => OxidationWords.Name(degree);

    public static string Name(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Refer => "refer",
        RuleSeverity.Attention => "attention",
        _ => "info",
    };

    public static string Name(ElementLevel level) => level switch
    {
        ElementLevel.Low => "low",
        ElementLevel.WithinRange => "within",
        ElementLevel.High => "high",
        ElementLevel.Elevated => "elevated",
        _ => "unknown",
    };

    public static string Name(ElementCategory category) => category switch
    {
        ElementCategory.Toxic => "toxic",
        ElementCategory.Additional => "additional",
        _ => "nutrient",
    };

    public static string Name(MeasurementQualifier qualifier) => qualifier switch
    {
        MeasurementQualifier.BelowDetectionLimit => "below-detection-limit",
        MeasurementQualifier.NotDetected => "not-detected",
        MeasurementQualifier.AboveQuantitationLimit => "above-quantitation-limit",
        _ => "exact",
    };

    public static string Name(SampleTreatment treatment) => PanelWords.Name(treatment);

    public static string? Name(Sex sex) => PanelWords.Name(sex);

    /// <summary>Ratios are shown with four significant digits beyond the integer part where needed (e.g. 7.3, 0.2857, 1250).</summary>
    public static double Round(double value) =>
        value == 0 ? 0 : double.Parse(value.ToString("G6", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    public static string Format(double value) => Round(value).ToString("0.####", CultureInfo.InvariantCulture);

    public static string Format(decimal value) => (value / 1.000000000000000000000000000000000m).ToString(CultureInfo.InvariantCulture);

    public static string Format(Concentration concentration) => concentration.ToString();

    public static string Format(Measurement measurement)
    {
        var prefix = measurement.Qualifier switch
        {
            MeasurementQualifier.BelowDetectionLimit => "<",
            MeasurementQualifier.AboveQuantitationLimit => ">",
            _ => "",
        };
        return measurement.Qualifier == MeasurementQualifier.NotDetected
            ? "ND"
            : prefix + measurement.Amount;
    }

    /// <summary>The element groups of the chart and tables, in display order.</summary>
    public enum ElementGroup
    {
        Nutrient,
        Toxic,
        Additional,
        Unrecognised,
    }

    public static ElementGroup GroupOf(ElementResult result) => result.Measurement.Element?.Category switch
    {
        ElementCategory.Nutrient => ElementGroup.Nutrient,
        ElementCategory.Toxic => ElementGroup.Toxic,
        ElementCategory.Additional => ElementGroup.Additional,
        _ => ElementGroup.Unrecognised,
    };

    public static string Title(ElementGroup group) => group switch
    {
        ElementGroup.Nutrient => "Nutrient minerals",
        ElementGroup.Toxic => "Toxic metals",
        ElementGroup.Additional => "Additional elements",
        _ => "Elements not recognised",
    };

    /// <summary>The elements of one interpretation grouped for display (nutrients, toxic, additional, unrecognised), each group in panel order; empty groups left out.</summary>
    public static IEnumerable<(ElementGroup Group, IReadOnlyList<ElementResult> Elements)> Groups(Interpretation interpretation) =>
        interpretation.Elements
            .GroupBy(GroupOf)
            .OrderBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<ElementResult>)g.ToList()));

    public static string Symbol(ElementResult result) => result.Measurement.Element?.Symbol ?? result.Measurement.ReportedName;

    public static string Title(RuleSeverity severity) => severity switch
    {
        RuleSeverity.Refer => "Refer to a physician",
        RuleSeverity.Attention => "Needs attention",
        _ => "For information",
    };

    public static string Name(ElementLevelBasis basis) => basis switch
    {
        ElementLevelBasis.Range => "range",
        ElementLevelBasis.Ideal => "ideal",
        ElementLevelBasis.ToxicLimit => "toxic-limit",
        _ => "none",
    };

    /// <summary>What a row says for an element with no range, limit or graded ideal on the profile.</summary>
    public const string NoReference = "no reference on this profile";

    /// <summary>
    /// The judgement every format shows for an element: "high"/"low" only where a range or published cut-off decided
    /// it; against an ideal only, the direction and the factor (<c>above ideal ×1.03</c>); against a toxic limit,
    /// <c>below limit</c>/<c>above limit</c>; a censored value that may lie either side, <c>cannot tell: …</c>
    /// (<paramref name="brief"/>: just <c>cannot tell</c>, for the chart's narrow column).
    /// </summary>
    public static string Judgement(ElementResult result, bool brief = false)
    {
        var level = result.Level;
        switch (result.Basis)
        {
            case ElementLevelBasis.None:
                return NoReference;
            case ElementLevelBasis.Ideal when level != ElementLevel.Unknown:
                var factor = result.FromIdeal is { } f ? " " + Factor(f) : "";
                return level switch
                {
                    ElementLevel.High => "above ideal" + factor,
                    ElementLevel.Low => "below ideal" + factor,
                    _ => "at ideal",
                };
            case ElementLevelBasis.ToxicLimit when level != ElementLevel.Unknown:
                return level == ElementLevel.Elevated ? "above limit"
                    : result.Measurement.IsQuantified && result.ToxicLimit is { } limit && result.Measurement.MilligramPercent == limit.MilligramPercent ? "at limit"
                    : "below limit";
            case ElementLevelBasis.Range when level != ElementLevel.Unknown:
                return level switch
                {
                    ElementLevel.Low => "low",
                    ElementLevel.High => "high",
                    _ => "within range",
                };
        }

        if (brief)
        {
            return "cannot tell";
        }

        var reference = result.Basis switch
        {
            ElementLevelBasis.ToxicLimit => "the limit",
            ElementLevelBasis.Ideal => "the ideal",
            _ => result.Measurement.Qualifier == MeasurementQualifier.AboveQuantitationLimit ? "the range's upper end" : "the range's lower end",
        };
        return result.Measurement.Qualifier == MeasurementQualifier.AboveQuantitationLimit
            ? $"cannot tell: reported above a quantitation limit below {reference}"
            : $"cannot tell: reported below a detection limit above {reference}";
    }

    /// <summary>
    /// A value-to-ideal factor as shown: <c>×1.03</c>, <c>×0.50</c>, <c>×12.5</c>; beyond a thousandfold either way only
    /// the bound (<c>×&lt;0.01</c>, <c>×≥1000</c>), which keeps absurd values from widening a table or the chart.
    /// </summary>
    public static string Factor(double fromIdeal) =>
        fromIdeal < 0.005 ? "×<0.01"
        : fromIdeal >= 999.5 ? "×≥1000"
        : "×" + fromIdeal.ToString(fromIdeal < 9.995 ? "0.00" : fromIdeal < 99.95 ? "0.0" : "0", CultureInfo.InvariantCulture);

    /// <summary>The measured value in the lab profile's unit, with its qualifier (<c>&lt;0.002</c>, <c>ND</c>).</summary>
    public static string LabValue(ElementResult result, LabProfile lab)
    {
        var measurement = result.Measurement;
        if (measurement.Qualifier == MeasurementQualifier.NotDetected)
        {
            return "ND";
        }

        var prefix = measurement.Qualifier switch
        {
            MeasurementQualifier.BelowDetectionLimit => "<",
            MeasurementQualifier.AboveQuantitationLimit => ">",
            _ => "",
        };
        var amount = measurement.Amount;
        return Units.TryConvert(amount.Value, amount.Unit, lab.ReportingUnit, out var inLab)
            ? prefix + Format(inLab)
            : prefix + amount; // too large for the lab's unit (reading warned): shown in its own unit
    }

    /// <summary>The band the element is graded against, in the lab profile's unit: <c>22–97</c>, <c>&lt; 0.30</c> (toxic limit), <c>ideal 40</c>, or empty.</summary>
    public static string Reference(ElementResult result, LabProfile lab)
    {
        if (result.ToxicLimit is { } limit)
        {
            return "≤ " + Format(limit.To(lab.ReportingUnit).Value);
        }

        if (result.ProfileRange is { } range)
        {
            var inLab = range.To(lab.ReportingUnit);
            return inLab switch
            {
                { Low: { } low, High: { } high } => $"{Format(low)}–{Format(high)}",
                { Low: { } low } => "≥ " + Format(low),
                { High: { } high } => "≤ " + Format(high),
                _ => "",
            };
        }

        return result.Ideal is { } ideal ? "ideal " + Format(ideal.To(lab.ReportingUnit).Value) : "";
    }

    /// <summary>A ratio's ideal as text: <c>2.5</c>, <c>2–3</c>, or empty.</summary>
    public static string Ideal(RatioValue ratio) =>
        ratio.Ideal is { } ideal ? Format(ideal)
        : ratio.IdealLow is not null || ratio.IdealHigh is not null
            ? $"{(ratio.IdealLow is { } low ? Format(low) : "")}–{(ratio.IdealHigh is { } high ? Format(high) : "")}"
            : "";

    /// <summary>The comparison of a deciding ratio with its threshold: <c>&gt;</c>, <c>&lt;</c> or <c>=</c>.</summary>
    public static string Comparison(double value, double threshold) =>
        value > threshold ? ">" : value < threshold ? "<" : "=";

    /// <summary>
    /// The element result an element's evidence is about, so that the evidence can use the element table's judgement:
    /// the panel's element of that symbol with the same amount; <c>null</c> for other evidence, for <c>previous.X</c> (the
    /// earlier test of a retest pair) and when no such element is among <paramref name="elements"/>.
    /// </summary>
    public static ElementResult? ElementOf(Evidence evidence, IReadOnlyList<ElementResult> elements) =>
        evidence.Kind == EvidenceKind.Element
            ? elements.FirstOrDefault(e => e.Measurement.Element?.Symbol == evidence.Name && e.Measurement.MilligramPercent == evidence.MilligramPercent)
            : null;

    /// <summary>
    /// Evidence in one line with the element table's words for an element of <paramref name="elements"/>
    /// (<c>Ca 212 mg%, above ideal ×5.30</c>, <c>P 12 mg%, low</c>, <c>Pb 0.42 mg%, above limit</c>); other evidence as
    /// <see cref="Describe(Evidence)"/>. Text, Markdown and HTML all use it.
    /// </summary>
    public static string Describe(Evidence evidence, IReadOnlyList<ElementResult> elements) =>
        evidence.Level is not null && ElementOf(evidence, elements) is { } element
            ? Describe(evidence with { Level = null }) + ", " + Judgement(element)
            : Describe(evidence);

    /// <summary>Evidence in one line, e.g. <c>Ca 18 mg%, low</c>.</summary>
    public static string Describe(Evidence evidence)
    {
        var description = new StringBuilder(evidence.Name);
        if (evidence.MilligramPercent is { } mgPercent)
        {
            description.Append(' ').Append(Format(mgPercent)).Append(" mg%");
            if (evidence.LabValue is { } labValue && labValue.Unit != ConcentrationUnit.MilligramPercent)
            {
                description.Append(" (").Append(labValue).Append(')');
            }
        }
        else if (evidence.RatioValue is { } ratio)
        {
            description.Append(' ').Append(Format(ratio));
        }
        else if (evidence.Value is { } value)
        {
            description.Append(' ').Append(value);
        }

        if (evidence.Level is { } level)
        {
            description.Append(", ").Append(Name(level));
        }

        return description.ToString();
    }

    /// <summary>
    /// Evidence in plain words for a practitioner: <see cref="Describe(Evidence, IReadOnlyList{ElementResult})"/> plus each numeric threshold the input passed,
    /// e.g. <c>Na/K 2.4, below 2.5</c> or <c>Ca 170 mg%, high, at or above 165 mg%</c>. Tests that are not a comparison
    /// with a number (<c>Ca is low</c>, <c>oxidation.lean is slow</c>) are left to the technical details.
    /// </summary>
    public static string InWords(Evidence evidence, IReadOnlyList<ElementResult> elements)
    {
        var words = evidence.Level == ElementLevel.Unknown && ElementOf(evidence, elements) is null
            ? new StringBuilder(Describe(evidence with { Level = null })).Append(", not graded by the profile")
            : new StringBuilder(Describe(evidence, elements));
        foreach (var test in evidence.Tests)
        {
            if (ThresholdInWords(evidence.Name, test) is { } threshold)
            {
                words.Append(", ").Append(threshold);
            }
        }

        return words.ToString();
    }

    /// <summary>A rule test such as <c>Na/K &lt; 2.5</c> about <paramref name="name"/> in words (<c>below 2.5</c>); <c>null</c> when it is not such a comparison.</summary>
    public static string? ThresholdInWords(string name, string test)
    {
        if (!test.StartsWith(name + " ", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = test[(name.Length + 1)..];
        var space = rest.IndexOf(' ', StringComparison.Ordinal);
        if (space <= 0)
        {
            return null;
        }

        var words = rest[..space] switch
        {
            "<" => "below",
            "<=" => "at or below",
            ">" => "above",
            ">=" => "at or above",
            _ => null,
        };
        var operand = rest[(space + 1)..];
        return words is not null && operand.Length > 0 && char.IsAsciiDigit(operand[0]) ? words + " " + operand : null;
    }

    public static string Date(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "–";
}
