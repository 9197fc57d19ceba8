using System.Collections.Frozen;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Benchmarks;

/// <summary>
/// The decision part of <see cref="HandWrittenRules"/> on its own, the like-for-like partner of the engine's internal
/// <see cref="RuleSet.FiredRules"/>: the default rules as plain C# if/else answering only which rules fire (id and,
/// for a <c>for_each</c> rule, the element), in the engine's order (referrals, then attention, then info; file order
/// within each), building no findings. A test whose input is missing or not exact enough counts as "not true", which for these rules
/// (apart from the two <c>undecided(...)</c> tests, written out here as "no test true and one unknown"; only <c>and</c>, <c>or</c> and one <c>count</c>, no <c>not</c>) fires exactly when the engine's three-valued logic
/// gives true. Keep it in step with the YAML: the benchmark's setup checks both agree on every sample panel.
/// </summary>
internal sealed class HandWrittenDecisions
{
    private const int Ca = 0, Mg = 1, Na = 2, K = 3, Cu = 4, Fe = 5, Mn = 6;

    // Ca, Mg, Na, K, Cu, Fe, Mn, then every toxic element of the catalogue in catalogue order.
    private readonly string[] _symbols;
    private readonly FrozenDictionary<string, int> _slots;
    private readonly int _pb, _hg, _cd, _as, _al;
    private readonly int _firstToxic;

    public HandWrittenDecisions(ElementCatalog catalog)
    {
        string[] nutrients = ["Ca", "Mg", "Na", "K", "Cu", "Fe", "Mn"];
        _symbols = [.. nutrients, .. catalog.All.Where(e => e.Category == ElementCategory.Toxic).Select(e => e.Symbol)];
        _slots = _symbols.Select((symbol, index) => KeyValuePair.Create(symbol, index)).ToFrozenDictionary(StringComparer.Ordinal);
        _firstToxic = nutrients.Length;
        _pb = _slots["Pb"];
        _hg = _slots["Hg"];
        _cd = _slots["Cd"];
        _as = _slots["As"];
        _al = _slots["Al"];
    }

    private readonly record struct Reading(Measurement? Measurement, double Low, double High)
    {
        public bool Present => Measurement is not null;
    }

    public List<(string RuleId, string? Subject)> Evaluate(RuleInput input)
    {
        var readings = new Reading[_symbols.Length];
        foreach (var measurement in input.Panel.Measurements)
        {
            if (measurement.Element is { } element && _slots.TryGetValue(element.Symbol, out var slot) && !readings[slot].Present)
            {
                var amount = (double)measurement.MilligramPercent;
                readings[slot] = measurement.Qualifier switch
                {
                    MeasurementQualifier.Exact => new Reading(measurement, amount, amount),
                    MeasurementQualifier.BelowDetectionLimit => new Reading(measurement, 0, amount),
                    MeasurementQualifier.NotDetected => new Reading(measurement, 0, 0),
                    _ => new Reading(measurement, amount, double.PositiveInfinity),
                };
            }
        }

        var naK = double.NaN;
        foreach (var ratio in input.Ratios)
        {
            if (ratio.Name == "Na/K" && double.IsFinite(ratio.Value))
            {
                naK = ratio.Value;
                break;
            }
        }

        var lab = input.LabProfile;
        var oxidation = input.Oxidation;
        var context = input.Context;
        var sex = context is { Sex: not Sex.Unknown } ? context.Sex : input.Panel.Sex;
        var treatment = input.Panel.Treatment != SampleTreatment.Unknown ? input.Panel.Treatment : lab?.Treatment ?? SampleTreatment.Unknown;
        var decided = oxidation is not null && oxidation.Type != OxidationType.Indeterminate;
        var type = decided ? oxidation!.Type : OxidationType.Indeterminate;
        var lean = decided ? (type == OxidationType.Mixed ? oxidation!.Lean : type) : null;
        var leanSlow = lean == OxidationType.Slow;
        var leanFast = lean == OxidationType.Fast;

        bool Low(int slot) => LevelIs(lab, _symbols[slot], readings[slot], 0);
        bool High(int slot) => LevelIs(lab, _symbols[slot], readings[slot], 2);
        bool Above(int slot, double threshold) => readings[slot].Present && readings[slot].Low > threshold;
        bool NotAbove(int slot, double threshold) => readings[slot].Present && readings[slot].High <= threshold;
        bool HighUnknown(int slot) => HandWrittenLevels.HighIsUnknown(lab, _symbols[slot], readings[slot].Measurement);
        bool Ungraded(int slot) => lab is not null && readings[slot].Present && lab.LevelOf(_symbols[slot], 0m) == ElementLevel.Unknown;

        var ca = readings[Ca];
        var calciumShell = (sex == Sex.Female && ca.Present && ca.Low >= 165) || (sex == Sex.Male && ca.Present && ca.Low >= 155);
        var fourHighs = Above(Ca, 40) && Above(Mg, 6) && Above(Na, 25) && Above(K, 10);
        var highs = (Above(Ca, 40) ? 1 : 0) + (Above(Mg, 6) ? 1 : 0) + (Above(Na, 25) ? 1 : 0) + (Above(K, 10) ? 1 : 0);
        var notHighs = (NotAbove(Ca, 40) ? 1 : 0) + (NotAbove(Mg, 6) ? 1 : 0) + (NotAbove(Na, 25) ? 1 : 0) + (NotAbove(K, 10) ? 1 : 0);
        var inversion = naK < 2.5;
        var hiddenCopper = calciumShell || inversion || Low(Cu);

        var fired = new List<(string, string?)>();

        // refer
        if (context?.Conditions is { } conditions
            && (conditions.Contains("diabetes") || conditions.Contains("arteriosclerosis") || conditions.Contains("pregnancy")))
        {
            fired.Add(("circulation-referral", null));
        }

        // attention, file order: calcium-magnesium, fast-oxidation, patterns, potassium, slow-oxidation, symptoms
        if ((Low(Ca) || Low(Mg)) && context?.Diet is { } diet && (diet.Contains("much_sugar") || diet.Contains("phosphoric_acid_soft_drinks")))
        {
            fired.Add(("acute-calcium-magnesium-deficiency", null));
        }

        if (leanSlow && ((High(Ca) && High(Mg)) || fourHighs))
        {
            fired.Add(("bio-unavailable-calcium-magnesium", null));
        }

        if (leanFast && (Low(Ca) || Low(Mg)))
        {
            fired.Add(("fast-oxidation-mineral-depletion", null));
        }

        if (leanFast && Low(Ca) && (High(_pb) || High(_cd) || High(_as) || High(_al)))
        {
            fired.Add(("toxic-metal-displacement", null));
        }

        if (calciumShell)
        {
            fired.Add(("calcium-shell", null));
        }

        if (oxidation is { FourLows: true })
        {
            fired.Add(("four-lows", null));
        }

        if (inversion)
        {
            fired.Add(("sodium-potassium-inversion", null));
        }

        for (var slot = _firstToxic; slot < _symbols.Length; slot++)
        {
            if (High(slot))
            {
                fired.Add(("toxic-metal-elevated", _symbols[slot]));
            }
        }

        if (leanSlow && Low(K))
        {
            fired.Add(("potassium-loss-slow-oxidation", null));
        }

        if (leanFast && High(K))
        {
            fired.Add(("potassium-catabolic-fast-oxidation", null));
        }

        if (leanSlow && Low(Na))
        {
            fired.Add(("low-sodium-slow-oxidation", null));
        }

        var copperExcess = High(Cu) || High(_pb) || High(_hg) || High(_cd) || High(_as) || High(_al);
        if (leanSlow && copperExcess)
        {
            fired.Add(("copper-excess-blocks-availability", null));
        }

        // With a slow lean, copper-excess-blocks-availability is undecided when no test is true and one is unknown.
        var copperExcessUndecided = !copperExcess
            && (HighUnknown(Cu) || HighUnknown(_pb) || HighUnknown(_hg) || HighUnknown(_cd) || HighUnknown(_as) || HighUnknown(_al));

        var symptoms = context?.Symptoms;
        if (symptoms is not null && symptoms.Contains("exercise_cramps"))
        {
            fired.Add(("exercise-magnesium-depletion", null));
        }

        // info
        var buildup = High(Fe) || High(Mn) || High(Cu);
        if (leanFast && buildup)
        {
            fired.Add(("less-bioavailable-mineral-buildup", null));
        }

        if (leanFast && !buildup && (HighUnknown(Fe) || HighUnknown(Mn) || HighUnknown(Cu)))
        {
            foreach (var slot in (ReadOnlySpan<int>)[Fe, Mn, Cu])
            {
                if (Ungraded(slot))
                {
                    fired.Add(("mineral-buildup-not-assessable", _symbols[slot]));
                }
            }
        }

        if (Above(Mg, 20))
        {
            fired.Add(("magnesium-shell", null));
        }

        if (fourHighs)
        {
            fired.Add(("four-highs", null));
        }

        if (highs == 3 && notHighs == 1)
        {
            fired.Add(("three-highs", null));
        }

        if (decided && type == OxidationType.Slow && (NotAbove(K, 4) || naK > 4))
        {
            fired.Add(("sympathetic-dominance", null));
        }

        if (hiddenCopper)
        {
            fired.Add(("hidden-copper", null));
        }

        if (treatment == SampleTreatment.Washed)
        {
            fired.Add(("washed-sample-caveat", null));
        }

        if (leanSlow && copperExcessUndecided && Ungraded(Cu))
        {
            fired.Add(("copper-excess-not-assessable", null));
        }

        if (context?.Lifestyle is { } lifestyle
            && (lifestyle.Contains("sedentary") || lifestyle.Contains("long_sitting") || lifestyle.Contains("long_standing"))
            && symptoms is not null
            && (symptoms.Contains("leg_cramps") || symptoms.Contains("muscle_cramps") || symptoms.Contains("restless_legs") || symptoms.Contains("night_cramps")))
        {
            fired.Add(("circulation-movement", null));
        }

        if (symptoms is not null && symptoms.Contains("night_cramps"))
        {
            fired.Add(("night-cramps-circulation", null));
        }

        if (symptoms is not null
            && (symptoms.Contains("leg_cramps") || symptoms.Contains("muscle_cramps") || symptoms.Contains("restless_legs") || symptoms.Contains("night_cramps"))
            && decided
            && (type == OxidationType.Fast || (type == OxidationType.Slow && (NotAbove(K, 4) || naK > 4))))
        {
            fired.Add(("sympathetic-tone-circulation", null));
        }

        if (symptoms is not null && symptoms.Contains("cramps_after_meals"))
        {
            fired.Add(("food-sensitivity-diary", null));
        }

        return fired;
    }

    /// <summary>True when the whole reading lies at the level: 0 low, 1 within, 2 high or elevated.</summary>
    private static bool LevelIs(LabProfile? lab, string symbol, Reading reading, int rank)
    {
        if (lab is null || reading.Measurement is not { } measurement)
        {
            return false;
        }

        var amount = measurement.MilligramPercent;
        var qualifier = measurement.Qualifier;
        var low = lab.LevelOf(symbol, qualifier is MeasurementQualifier.BelowDetectionLimit or MeasurementQualifier.NotDetected ? 0m : amount);
        if (low == ElementLevel.Unknown || HandWrittenLevels.Rank(low) != rank)
        {
            return false;
        }

        return qualifier switch
        {
            MeasurementQualifier.BelowDetectionLimit => lab.LevelOf(symbol, amount) is var high && high != ElementLevel.Unknown && HandWrittenLevels.Rank(high) == rank,
            MeasurementQualifier.AboveQuantitationLimit => rank == 2,
            _ => true,
        };
    }
}
