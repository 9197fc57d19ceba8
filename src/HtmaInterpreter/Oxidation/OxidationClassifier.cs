using System.Globalization;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;

namespace HtmaInterpreter.Oxidation;

/// <summary>
/// Classifies the oxidation type under an <see cref="OxidationModel"/>: four lows first, then the deciding ratios' votes,
/// the lean of a mixed result, the degree, the qualifier and stage of stress, and the washed-sample caveat.
/// </summary>
internal static class OxidationClassifier
{
    /// <summary>Classifies a panel.</summary>
    /// <param name="panel">The panel (for the four-lows check and the sample treatment).</param>
    /// <param name="ratios">The panel's computed ratios.</param>
    /// <param name="model">The model.</param>
    /// <param name="lab">The lab profile.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    /// <returns>The result.</returns>
    public static OxidationResult Classify(Panel panel, IReadOnlyList<RatioValue> ratios, OxidationModel model, LabProfile lab, ICollection<Diagnostic> diagnostics)
    {
        var notes = new List<string>(model.Notes.Count + 2);
        var location = panel.Source ?? SourceLocation.None;

        var fourLows = model.FourLows is { } fourLowsDefinition && CheckFourLows(panel, fourLowsDefinition, location, diagnostics);
        if (fourLows)
        {
            notes.Add(model.FourLows!.OnMatch == FourLowsAction.SeparateType
                ? "Four lows: Ca, Mg, Na and K are all low; this model reads that as a pattern of its own, so no oxidation type is given."
                : "Four lows: Ca, Mg, Na and K are all low (checked before the type).");
        }

        var decidingRatios = model.DecidingRatios;
        Span<double> values = decidingRatios.Count <= 8 ? stackalloc double[decidingRatios.Count] : new double[decidingRatios.Count];
        Span<OxidationType> indicates = decidingRatios.Count <= 8 ? stackalloc OxidationType[decidingRatios.Count] : new OxidationType[decidingRatios.Count];
        for (var i = 0; i < decidingRatios.Count; i++)
        {
            values[i] = Find(ratios, decidingRatios[i].Ratio) ?? double.NaN;
        }

        var degreeValue = model.Degree is { } degreeDefinition ? Find(ratios, degreeDefinition.Ratio) ?? double.NaN : double.NaN;
        var (type, lean, degree) = Decide(model, values, degreeValue, fourLows, indicates);
        var votes = new List<DecidingRatio>(decidingRatios.Count);
        if (CannotDecide(values))
        {
            var missing = new List<string>();
            for (var i = 0; i < decidingRatios.Count; i++)
            {
                if (double.IsNaN(values[i]))
                {
                    missing.Add(decidingRatios[i].Ratio);
                }
            }

            var message = $"The oxidation type cannot be decided with the {model.Id} model: {string.Join(" and ", missing)} could not be computed (see the ratio diagnostics).";
            notes.Add(message);
            diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.OxidationIndeterminate, message, location.WithField("oxidation")));
        }
        else
        {
            for (var d = 0; d < decidingRatios.Count; d++)
            {
                var deciding = decidingRatios[d];
                votes.Add(new DecidingRatio(deciding.Ratio, values[d], deciding.Threshold, indicates[d]));
                if (values[d] == deciding.Threshold)
                {
                    notes.Add(string.Create(CultureInfo.InvariantCulture, $"{deciding.Ratio} is exactly at the threshold {deciding.Threshold}; this model counts that as {OxidationWords.Name(indicates[d])} ({(indicates[d] == OxidationType.Slow ? deciding.SlowWhen : deciding.FastWhen)})."));
                }
            }

            if (type == OxidationType.Mixed && lean is null)
            {
                notes.Add("Mixed with no lean: the deciding ratios are equally far from their ideals.");
            }
        }

        string? qualifier = null;
        if (model.Qualifier is { } qualifierDefinition && Find(ratios, qualifierDefinition.Ratio) is { } qualifierValue)
        {
            var bands = qualifierDefinition.Bands;
            for (var i = 0; i < bands.Count; i++)
            {
                if (bands[i].Condition.Matches(qualifierValue))
                {
                    qualifier = bands[i].Label;
                    break;
                }
            }
        }

        string? stage = null;
        var stages = model.StressStages;
        for (var i = 0; i < stages.Count; i++)
        {
            var s = stages[i];
            if (s.Type == type
                && (s.Degrees.Count == 0 || Contains(s.Degrees, degree))
                && (s.Qualifier is null || s.Qualifier == qualifier))
            {
                stage = s.Stage;
                break;
            }
        }

        if (IsWashed(panel.Treatment, lab))
        {
            notes.Add(model.WashedSampleCaveat);
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.WashedSample,
                $"The sample was washed ({(panel.Treatment == SampleTreatment.Washed ? "as the panel states" : $"the {lab.Name} profile washes samples")}); the {model.Id} oxidation model is calibrated for unwashed hair.",
                location.WithField("treatment")));
        }

        notes.AddRange(model.Notes);

        return new OxidationResult
        {
            Type = type,
            Lean = lean,
            Degree = degree,
            FourLows = fourLows,
            SodiumPotassiumQualifier = qualifier,
            StressStage = stage,
            DecidingRatios = votes,
            ModelId = model.Id,
            LabProfileId = lab.Id,
            Notes = notes,
        };
    }

    /// <summary>
    /// The model's decision from the deciding ratios' values (in the order of <see cref="OxidationModel.DecidingRatios"/>,
    /// <see cref="double.NaN"/> for a ratio that could not be computed) and the degree ratio's value: the one place the
    /// type, lean and degree are decided, for a full interpretation and for a batch row alike.
    /// </summary>
    /// <param name="model">The model.</param>
    /// <param name="values">The deciding ratios' values.</param>
    /// <param name="degreeValue">The value of the model's degree ratio, or <see cref="double.NaN"/>.</param>
    /// <param name="fourLows">Whether the panel shows the four lows.</param>
    /// <param name="indicates">Receives what each deciding ratio indicates (meaningful only when none is missing).</param>
    internal static (OxidationType Type, OxidationType? Lean, OxidationDegree Degree) Decide(
        OxidationModel model, ReadOnlySpan<double> values, double degreeValue, bool fourLows, Span<OxidationType> indicates)
    {
        var decidingRatios = model.DecidingRatios;
        for (var i = 0; i < values.Length; i++)
        {
            if (double.IsNaN(values[i]))
            {
                return (OxidationType.Indeterminate, null, OxidationDegree.None);
            }
        }

        var slowVotes = 0;
        for (var d = 0; d < decidingRatios.Count; d++)
        {
            indicates[d] = decidingRatios[d].SlowCondition.Matches(values[d]) ? OxidationType.Slow : OxidationType.Fast;
            slowVotes += indicates[d] == OxidationType.Slow ? 1 : 0;
        }

        OxidationType type;
        OxidationType? lean = null;
        if (fourLows && model.FourLows!.OnMatch == FourLowsAction.SeparateType)
        {
            type = OxidationType.Indeterminate;
        }
        else if (slowVotes == decidingRatios.Count)
        {
            type = OxidationType.Slow;
        }
        else if (slowVotes == 0)
        {
            type = OxidationType.Fast;
        }
        else
        {
            type = OxidationType.Mixed;
            lean = Lean(model, values, indicates);
        }

        return (type, lean, Degree(model, type, lean, indicates, degreeValue));
    }

    /// <summary>The lean of a mixed result: the vote of the ratio furthest from its ideal, |log10(value / ideal)|; a tie between opposite votes gives none.</summary>
    private static OxidationType? Lean(OxidationModel model, ReadOnlySpan<double> values, ReadOnlySpan<OxidationType> indicates)
    {
        Span<double> distances = values.Length <= 8 ? stackalloc double[values.Length] : new double[values.Length];
        var furthest = double.NegativeInfinity;
        for (var i = 0; i < values.Length; i++)
        {
            distances[i] = Math.Abs(Math.Log10(values[i] / model.DecidingRatios[i].Ideal));
            furthest = Math.Max(furthest, distances[i]);
        }

        OxidationType? leader = null;
        for (var i = 0; i < values.Length; i++)
        {
            if (Math.Abs(distances[i] - furthest) <= 1e-12)
            {
                if (leader is { } found && found != indicates[i])
                {
                    return null; // opposite votes tie
                }

                leader = indicates[i];
            }
        }

        return leader;
    }

    private static double? Find(IReadOnlyList<RatioValue> ratios, string name)
    {
        for (var i = 0; i < ratios.Count; i++)
        {
            if (string.Equals(ratios[i].Name, name, StringComparison.Ordinal))
            {
                return ratios[i].Value;
            }
        }

        return null;
    }

    private static bool Contains(IReadOnlyList<OxidationDegree> degrees, OxidationDegree degree)
    {
        for (var i = 0; i < degrees.Count; i++)
        {
            if (degrees[i] == degree)
            {
                return true;
            }
        }

        return false;
    }

    private static OxidationDegree Degree(OxidationModel model, OxidationType type, OxidationType? lean, ReadOnlySpan<OxidationType> indicates, double value)
    {
        if (model.Degree is not { } definition || double.IsNaN(value))
        {
            return OxidationDegree.None;
        }

        var target = type == OxidationType.Mixed ? lean : type;
        if (target is not (OxidationType.Slow or OxidationType.Fast))
        {
            return OxidationDegree.None;
        }

        // For a mixed result the degree ratio's bands only make sense when that ratio itself points to the lean.
        if (type == OxidationType.Mixed)
        {
            var decidingRatios = model.DecidingRatios;
            for (var i = 0; i < decidingRatios.Count; i++)
            {
                if (decidingRatios[i].Ratio == definition.Ratio)
                {
                    if (indicates[i] != target)
                    {
                        return OxidationDegree.None;
                    }

                    break;
                }
            }
        }

        var bands = target == OxidationType.Slow ? definition.Slow : definition.Fast;
        for (var i = 0; i < bands.Count; i++)
        {
            if (bands[i].Condition.Matches(value))
            {
                return bands[i].Degree;
            }
        }

        return OxidationDegree.None;
    }

    /// <summary>
    /// Whether the sample was washed, as the panel states or else as its lab profile does: the classification then warns
    /// (one diagnostic) that the model is calibrated for unwashed hair. The batch fast path decides with this too.
    /// </summary>
    internal static bool IsWashed(SampleTreatment panelTreatment, LabProfile lab) =>
        (panelTreatment != SampleTreatment.Unknown ? panelTreatment : lab.Treatment) == SampleTreatment.Washed;

    /// <summary>
    /// True when the type cannot be decided (one diagnostic): a deciding ratio's value (in the model's order, NaN when it
    /// could not be computed) is missing. The batch fast path counts with this too.
    /// </summary>
    internal static bool CannotDecide(ReadOnlySpan<double> decidingValues)
    {
        foreach (var value in decidingValues)
        {
            if (double.IsNaN(value))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether the four lows match, on the panel's amounts in mg% in the order of the definition's conditions (NaN where
    /// the panel has no value). The conditions are tested in order; the first one whose element is missing stops the
    /// test (the four lows are not checked: one diagnostic, <paramref name="missing"/> is its index, else -1). Not
    /// detected or below a detection limit, the amount (0 or the limit) is an upper bound, compared as is. The batch
    /// fast path decides and counts with this too.
    /// </summary>
    internal static bool MatchesFourLows(FourLowsDefinition definition, ReadOnlySpan<double> amounts, out int missing)
    {
        missing = -1;
        var i = 0;
        foreach (var condition in definition.Conditions.Values)
        {
            if (double.IsNaN(amounts[i]))
            {
                missing = i;
                return false;
            }

            if (!condition.Matches(amounts[i]))
            {
                return false;
            }

            i++;
        }

        return true;
    }

    private static bool CheckFourLows(Panel panel, FourLowsDefinition definition, SourceLocation location, ICollection<Diagnostic> diagnostics)
    {
        Span<double> amounts = definition.Conditions.Count <= 16 ? stackalloc double[definition.Conditions.Count] : new double[definition.Conditions.Count];
        var symbols = definition.Conditions.Keys.ToArray();
        for (var i = 0; i < symbols.Length; i++)
        {
            amounts[i] = panel.Find(symbols[i]) is { } measurement ? (double)measurement.MilligramPercent : double.NaN;
        }

        if (MatchesFourLows(definition, amounts, out var missing))
        {
            return true;
        }

        if (missing >= 0)
        {
            diagnostics.Add(Diagnostic.Info(
                DiagnosticCodes.FourLowsNotChecked,
                $"Four lows could not be checked: the panel has no {symbols[missing]} value.",
                location.WithField(symbols[missing])));
        }

        return false;
    }
}
