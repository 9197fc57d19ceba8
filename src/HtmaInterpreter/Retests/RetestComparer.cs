using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Rules;
using MathNet.Numerics;

namespace HtmaInterpreter.Retests;

/// <summary>
/// Compares two or more panels of one person. Each panel is interpreted on its own with the <see cref="Interpreter"/>;
/// the panels are ordered by collection date, values are compared in mg% whatever the lab's unit, and every change is
/// judged against the latest test's lab profile. Immutable and safe to share across threads.
/// </summary>
public sealed class RetestComparer
{
    private const double Tolerance = 1e-12;

    /// <summary>Creates a comparer over an interpreter.</summary>
    /// <param name="interpreter">The interpreter (definitions, rules, lab and model choice); <c>null</c> for <see cref="Interpreter.Default"/>.</param>
    public RetestComparer(Interpreter? interpreter = null)
    {
        Interpreter = interpreter ?? Interpreter.Default;
    }

    /// <summary>The interpreter used for each test.</summary>
    public Interpreter Interpreter { get; }

    /// <summary>
    /// Compares panels of one person. Bad input never throws: fewer than two panels, or panels naming different
    /// subject ids, give no comparison and an error diagnostic; panels without a date, two on one date, or an
    /// element on some tests only give a warning or info and a comparison.
    /// </summary>
    /// <param name="panels">The panels, in any order (ordered by collection date; kept as given when a date is missing).</param>
    /// <param name="context">What the client reports, used for every test, or <c>null</c>.</param>
    /// <returns>The comparison and its diagnostics.</returns>
    public ParseResult<RetestComparison> Compare(IReadOnlyList<Panel> panels, ClientContext? context = null)
    {
        ArgumentNullException.ThrowIfNull(panels);
        var diagnostics = new List<Diagnostic>();
        if (panels.Count < 2)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.RetestTooFewPanels,
                $"A comparison needs at least two panels of one person; {(panels.Count == 0 ? "none was" : "only one was")} given.",
                panels.Count == 1 ? LocationOf(panels[0]) : SourceLocation.None));
            return ParseResult.Failed<RetestComparison>(diagnostics);
        }

        if (!CheckSubjects(panels, diagnostics))
        {
            return ParseResult.Failed<RetestComparison>(diagnostics);
        }

        var ordered = Order(panels, diagnostics);
        var interpretations = ordered.Select(p => Interpreter.Interpret(p, context)).ToList();
        var reference = interpretations[^1].LabProfile;
        var labs = interpretations.Select(i => i.LabProfile.Id).Distinct(StringComparer.Ordinal).ToList();
        if (labs.Count > 1)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.RetestDifferentLabs,
                $"The tests come from different lab profiles ({string.Join(", ", labs)}); values are compared in mg% and judged against the latest test's profile ({reference.Id}).",
                SourceLocation.None.WithField("lab")));
        }

        var months = MonthsFromFirst(ordered);
        var elements = CompareElements(interpretations, reference, months, diagnostics);
        var ratios = CompareRatios(interpretations, months);
        var tests = interpretations.Select((interpretation, i) => new RetestTest(i, interpretation, months?[i], Balance(ratios, i))).ToList();
        var transitions = new List<OxidationTransition>();
        var findings = new List<RetestFinding>();
        var notEvaluated = new List<RetestUnevaluated>();
        for (var i = 1; i < interpretations.Count; i++)
        {
            transitions.Add(new OxidationTransition(i - 1, i, interpretations[i - 1].Oxidation, interpretations[i].Oxidation));
            var evaluation = EvaluateRetestRules(interpretations[i - 1], interpretations[i], context);
            findings.AddRange(evaluation.Findings.Select(f => new RetestFinding(i - 1, i, f)));
            notEvaluated.AddRange(evaluation.NotEvaluated.Select(r => new RetestUnevaluated(i - 1, i, r)));
        }

        return new ParseResult<RetestComparison>(
            new RetestComparison
            {
                Tests = tests,
                ReferenceProfile = reference,
                Elements = elements,
                Ratios = ratios,
                Transitions = transitions,
                Findings = findings,
                NotEvaluated = notEvaluated,
                Diagnostics = diagnostics,
            },
            diagnostics);
    }

    private RuleEvaluation EvaluateRetestRules(Interpretation previous, Interpretation current, ClientContext? context) =>
        Interpreter.Rules.EvaluateRetest(ToRuleInput(previous, context), ToRuleInput(current, context));

    private static RuleInput ToRuleInput(Interpretation interpretation, ClientContext? context) =>
        new(interpretation.Panel, interpretation.LabProfile, interpretation.Ratios, interpretation.Oxidation, context);

    private static SourceLocation LocationOf(Panel panel) => panel.Source ?? new SourceLocation(Field: panel.SampleId);

    private static bool CheckSubjects(IReadOnlyList<Panel> panels, List<Diagnostic> diagnostics)
    {
        var subjects = panels.Select(p => p.SubjectId?.Trim()).ToList();
        var named = subjects.Where(s => !string.IsNullOrEmpty(s)).Distinct(StringComparer.Ordinal).ToList();
        if (named.Count > 1)
        {
            var first = panels.First(p => !string.IsNullOrWhiteSpace(p.SubjectId));
            var other = panels.First(p => !string.IsNullOrWhiteSpace(p.SubjectId) && !string.Equals(p.SubjectId!.Trim(), first.SubjectId!.Trim(), StringComparison.Ordinal));
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.RetestDifferentSubjects,
                $"The panels belong to different people: sample {first.SampleId} names subject {first.SubjectId!.Trim()} and sample {other.SampleId} names subject {other.SubjectId!.Trim()}. Only the tests of one person can be compared.",
                LocationOf(other).WithField("subject_id")));
            return false;
        }

        if (named.Count == 1 && subjects.Any(string.IsNullOrEmpty))
        {
            var unnamed = panels.Where(p => string.IsNullOrWhiteSpace(p.SubjectId)).Select(p => p.SampleId);
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.RetestSubjectNotChecked,
                $"Sample(s) {string.Join(", ", unnamed)} name no subject id, so it could not be checked that they belong to subject {named[0]}.",
                SourceLocation.None.WithField("subject_id")));
        }

        return true;
    }

    private static List<Panel> Order(IReadOnlyList<Panel> panels, List<Diagnostic> diagnostics)
    {
        var undated = panels.Where(p => p.CollectedOn is null).ToList();
        if (undated.Count > 0)
        {
            foreach (var panel in undated)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.RetestMissingDate,
                    $"Sample {panel.SampleId} has no collection date; the panels are compared in the order given and no trend is computed.",
                    LocationOf(panel).WithField("collected")));
            }

            return [.. panels];
        }

        var ordered = panels.OrderBy(p => p.CollectedOn!.Value).ToList(); // stable: same-date panels keep the order given
        for (var i = 1; i < ordered.Count; i++)
        {
            if (ordered[i].CollectedOn == ordered[i - 1].CollectedOn)
            {
                diagnostics.Add(Diagnostic.Warning(
                    DiagnosticCodes.RetestSameDate,
                    $"Samples {ordered[i - 1].SampleId} and {ordered[i].SampleId} were both collected on {ordered[i].CollectedOn!.Value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)}; they are kept in the order given.",
                    LocationOf(ordered[i]).WithField("collected")));
            }
        }

        return ordered;
    }

    private static double[]? MonthsFromFirst(List<Panel> ordered)
    {
        if (ordered.Any(p => p.CollectedOn is null))
        {
            return null;
        }

        var first = ordered[0].CollectedOn!.Value.DayNumber;
        return [.. ordered.Select(p => (p.CollectedOn!.Value.DayNumber - first) / RetestComparison.DaysPerMonth)];
    }

    private static List<SeriesComparison> CompareElements(List<Interpretation> interpretations, LabProfile reference, double[]? months, List<Diagnostic> diagnostics)
    {
        var keys = new List<(string Key, Element? Element, string Name)>();
        foreach (var interpretation in interpretations)
        {
            foreach (var measurement in interpretation.Panel.Measurements)
            {
                var key = KeyOf(measurement);
                if (!keys.Exists(k => k.Key == key))
                {
                    keys.Add((key, measurement.Element, measurement.Element?.Symbol ?? measurement.ReportedName.Trim()));
                }
            }
        }

        var series = new List<SeriesComparison>(keys.Count);
        foreach (var (key, element, name) in keys)
        {
            var measurements = interpretations.Select(i => i.Panel.Measurements.FirstOrDefault(m => KeyOf(m) == key)).ToList();
            var values = measurements.Select(m => m is null ? (double?)null : (double)m.MilligramPercent).ToList();
            var idealReference = element is null ? IdealReference.None : ReferenceFor(element, reference);
            if (values.Any(v => v is null))
            {
                var missingFrom = measurements.Select((m, i) => (m, i)).Where(x => x.m is null).Select(x => interpretations[x.i].Panel.SampleId);
                diagnostics.Add(Diagnostic.Info(
                    DiagnosticCodes.RetestElementNotOnEveryTest,
                    $"{name} is not reported on sample(s) {string.Join(", ", missingFrom)}; it is shown with a gap there.",
                    SourceLocation.None.WithField(name)));
            }

            series.Add(Build(SeriesKind.Element, name, element?.Name ?? name, values, idealReference, months) with
            {
                Category = element?.Category,
                Measurements = measurements,
            });
        }

        return series;
    }

    private static string KeyOf(Measurement measurement) =>
        measurement.Element?.Symbol ?? "?" + measurement.ReportedName.Trim().ToUpperInvariant();

    /// <summary>Toxic metals: lower is better. Otherwise the profile's ideal, else its reference range, else none.</summary>
    internal static IdealReference ReferenceFor(Element element, LabProfile profile)
    {
        if (element.Category == ElementCategory.Toxic)
        {
            return new IdealReference(IdealKind.LowerIsBetter, 0, null, null, profile.Id);
        }

        if (profile.ElementIdeals.TryGetValue(element.Symbol, out var ideal))
        {
            return new IdealReference(IdealKind.Ideal, (double)ideal.MilligramPercent, null, null, profile.Id);
        }

        if (profile.ReferenceRanges.TryGetValue(element.Symbol, out var range))
        {
            var mg = range.To(ConcentrationUnit.MilligramPercent);
            return new IdealReference(IdealKind.Range, null, (double?)mg.Low, (double?)mg.High, profile.Id);
        }

        return IdealReference.None;
    }

    private static List<SeriesComparison> CompareRatios(List<Interpretation> interpretations, double[]? months)
    {
        var names = new List<string>();
        foreach (var ratio in interpretations.SelectMany(i => i.Ratios))
        {
            if (!names.Contains(ratio.Name))
            {
                names.Add(ratio.Name);
            }
        }

        var series = new List<SeriesComparison>(names.Count);
        foreach (var name in names)
        {
            var found = interpretations.Select(i => i.Ratios.FirstOrDefault(r => r.Name == name)).ToList();
            var latest = found.Last(r => r is not null)!;
            series.Add(Build(SeriesKind.Ratio, name, latest.DisplayName ?? name, [.. found.Select(r => r?.Value)], ReferenceFor(latest), months));
        }

        return series;
    }

    /// <summary>A ratio's ideal value when published, else its ideal or expected band, else none; from the latest test that has the ratio.</summary>
    internal static IdealReference ReferenceFor(RatioValue ratio) =>
        ratio.Ideal is { } ideal ? new IdealReference(IdealKind.Ideal, ideal, null, null, ratio.Tradition)
        : ratio.IdealLow is not null || ratio.IdealHigh is not null ? new IdealReference(IdealKind.Range, null, ratio.IdealLow, ratio.IdealHigh, ratio.Tradition)
        : IdealReference.None;

    private static SeriesComparison Build(SeriesKind kind, string name, string displayName, List<double?> values, IdealReference reference, double[]? months)
    {
        var changes = new List<ValueChange>(values.Count - 1);
        for (var i = 1; i < values.Count; i++)
        {
            changes.Add(Change(i - 1, i, values[i - 1], values[i], reference));
        }

        return new SeriesComparison
        {
            Kind = kind,
            Name = name,
            DisplayName = displayName,
            Values = values,
            Reference = reference,
            Changes = changes,
            Overall = Change(0, values.Count - 1, values[0], values[^1], reference),
            Trend = months is null ? null : Fit(months, values),
        };
    }

    internal static ValueChange Change(int fromIndex, int toIndex, double? from, double? to, IdealReference reference)
    {
        if (from is not { } before || to is not { } after)
        {
            return new ValueChange(fromIndex, toIndex, from, to, null, null, Finite(from, reference), Finite(to, reference), ChangeDirection.NotComparable);
        }

        var absolute = after - before;
        double? relative = before == 0 ? null : absolute / before;
        var distanceBefore = reference.DistanceOf(before);
        var distanceAfter = reference.DistanceOf(after);
        ChangeDirection direction;
        if (distanceBefore is not { } db || distanceAfter is not { } da)
        {
            direction = ChangeDirection.NoIdeal;
        }
        else if (db == da || Math.Abs(db - da) <= Tolerance)
        {
            direction = ChangeDirection.Same;
        }
        else
        {
            direction = da < db ? ChangeDirection.Toward : ChangeDirection.Away;
        }

        return new ValueChange(fromIndex, toIndex, before, after, absolute, relative, FiniteOrNull(distanceBefore), FiniteOrNull(distanceAfter), direction);
    }

    private static double? Finite(double? value, IdealReference reference) =>
        value is { } v ? FiniteOrNull(reference.DistanceOf(v)) : null;

    private static double? FiniteOrNull(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>Fits value = a + b·months by least squares over the tests that have a value; needs three points on at least two dates.</summary>
    internal static Trend? Fit(IReadOnlyList<double> months, IReadOnlyList<double?> values)
    {
        var x = new List<double>();
        var y = new List<double>();
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] is { } value)
            {
                x.Add(months[i]);
                y.Add(value);
            }
        }

        if (x.Count < 3 || x.Distinct().Count() < 2)
        {
            return null;
        }

        var (intercept, slope) = MathNet.Numerics.Fit.Line([.. x], [.. y]);
        if (!double.IsFinite(intercept) || !double.IsFinite(slope))
        {
            return null;
        }

        var mean = y.Average();
        var total = y.Sum(v => (v - mean) * (v - mean));
        double? rSquared = null;
        if (total > Tolerance * Math.Max(1, mean * mean))
        {
            var modelled = x.Select(v => intercept + (slope * v));
            rSquared = GoodnessOfFit.CoefficientOfDetermination(modelled, y);
        }

        return new Trend(slope, intercept, rSquared, x.Count);
    }

    private static BalanceDistance Balance(List<SeriesComparison> ratios, int index)
    {
        var deviations = new List<KeyValuePair<string, double>>();
        var missing = new List<string>();
        foreach (var name in RetestComparison.KeyRatios)
        {
            var series = ratios.FirstOrDefault(r => r.Name == name);
            if (series?.Values[index] is { } value && value > 0 && series.Reference is { Kind: IdealKind.Ideal, Ideal: { } ideal })
            {
                deviations.Add(new(name, Math.Log10(value / ideal)));
            }
            else
            {
                missing.Add(name);
            }
        }

        double? distance = deviations.Count == 0 ? null : Math.Sqrt(deviations.Average(d => d.Value * d.Value));
        return new BalanceDistance(distance, deviations, missing);
    }
}
