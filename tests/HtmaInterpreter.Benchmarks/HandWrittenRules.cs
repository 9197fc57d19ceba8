using System.Collections.Frozen;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Benchmarks;

/// <summary>
/// The default rules of <c>ratios/rules/*.yaml</c> written out as plain C# if/else over the same <see cref="RuleInput"/>:
/// the baseline the rule engine is measured against. It builds the same findings as <see cref="RuleSet.Evaluate"/> —
/// the same evidence (values in mg% and lab units, levels, the tests each input passed, band rows), titles,
/// explanations, suggestions, sources, threshold sources and claims — in the engine's order (referrals, then attention,
/// then info; file order within each). The logic and the test texts are hard-coded; the prose (title, explanation,
/// suggestions, sources, claims) and the band tables are taken from the loaded rule definitions, as a hand-written
/// version would reuse them. What it leaves out: <see cref="RuleEvaluation.NotEvaluated"/> stays empty (telling
/// "false" from "unknown" and naming what is missing would mean hand-writing three-valued logic for every rule).
/// A test whose input is missing or not exact enough counts as "not true", which for these rules (apart from the two <c>undecided(...)</c> tests, written out here as "no test true and one unknown"; only <c>and</c>,
/// <c>or</c> and one <c>count</c>, no <c>not</c>) fires exactly when the engine's three-valued logic gives true.
/// Keep it in step with the YAML: the benchmark's setup checks both agree, finding by finding, on every sample panel.
/// </summary>
internal sealed class HandWrittenRules
{
    private const int Ca = 0, Mg = 1, Na = 2, K = 3, Cu = 4, Fe = 5, Mn = 6, Zn = 7;

    // Ca, Mg, Na, K, Cu, Fe, Mn, Zn, then every toxic element of the catalogue in catalogue order.
    private readonly string[] _symbols;
    private readonly FrozenDictionary<string, int> _slots;
    private readonly int _pb, _hg, _cd, _as, _al;
    private readonly int _firstToxic;
    private readonly Dictionary<string, Template> _templates;
    private readonly Template[] _toxicTemplates;
    private readonly Dictionary<int, Template> _buildupGapTemplates;
    private readonly IReadOnlyList<string>[] _elevatedTests, _highTests, _lowTests, _ungradedTests;
    private readonly Band _shellWomen, _shellMen;

    public HandWrittenRules(ElementCatalog catalog, RuleSet rules)
    {
        string[] nutrients = ["Ca", "Mg", "Na", "K", "Cu", "Fe", "Mn", "Zn"];
        var toxic = catalog.All.Where(e => e.Category == ElementCategory.Toxic).ToArray();
        _symbols = [.. nutrients, .. toxic.Select(e => e.Symbol)];
        _slots = _symbols.Select((symbol, index) => KeyValuePair.Create(symbol, index)).ToFrozenDictionary(StringComparer.Ordinal);
        _firstToxic = nutrients.Length;
        _pb = _slots["Pb"];
        _hg = _slots["Hg"];
        _cd = _slots["Cd"];
        _as = _slots["As"];
        _al = _slots["Al"];
        _templates = rules.Rules.Where(r => r.Scope == RuleScope.Panel).ToDictionary(r => r.Id, r => new Template(rules.DefinitionOf(r.Id)!, null, null), StringComparer.Ordinal);
        var elevated = rules.DefinitionOf("toxic-metal-elevated")!;
        _toxicTemplates = [.. toxic.Select(e => new Template(elevated, e.Symbol, elevated.Title.Replace("{element.name}", e.Name, StringComparison.Ordinal).Replace("{element}", e.Symbol, StringComparison.Ordinal)))];
        var buildupGap = rules.DefinitionOf("mineral-buildup-not-assessable")!;
        _buildupGapTemplates = new[] { Fe, Mn, Cu }.ToDictionary(
            slot => slot,
            slot => new Template(buildupGap, _symbols[slot], buildupGap.Title.Replace("{element.name}", catalog[_symbols[slot]].Name, StringComparison.Ordinal)));
        _ungradedTests = [.. _symbols.Select(s => Test($"{s} is ungraded"))];
        _elevatedTests = [.. _symbols.Select(s => Test($"{s} is elevated"))];
        _highTests = [.. _symbols.Select(s => Test($"{s} is high"))];
        _lowTests = [.. _symbols.Select(s => Test($"{s} is low"))];
        var shell = rules.DefinitionOf("calcium-shell")!.Bands;
        _shellWomen = new Band(shell[0]);
        _shellMen = new Band(shell[1]);
    }

    private static System.Collections.ObjectModel.ReadOnlyCollection<string> Test(string text) => Array.AsReadOnly([text]);

    // The tests as written in the rules, each a shared one-item list.
    private static readonly IReadOnlyList<string> None = [];
    private static readonly IReadOnlyList<string> LeanSlow = Test("oxidation.lean is slow"), LeanFast = Test("oxidation.lean is fast"), TypeSlow = Test("oxidation is slow");
    private static readonly IReadOnlyList<string> DietSugar = Test("context.diet includes any(much_sugar, phosphoric_acid_soft_drinks)");
    private static readonly IReadOnlyList<string> PatternFourHighs = Test("pattern four-highs"), PatternShell = Test("pattern calcium-shell");
    private static readonly IReadOnlyList<string> SexFemale = Test("sex is female"), SexMale = Test("sex is male"), CaWomen = Test("Ca >= 165 mg%"), CaMen = Test("Ca >= 155 mg%");
    private static readonly IReadOnlyList<string> MgShell = Test("Mg > 20 mg%"), FourLowsTest = Test("four_lows");
    private static readonly IReadOnlyList<string> CaOver = Test("Ca > 40 mg%"), MgOver = Test("Mg > 6 mg%"), NaOver = Test("Na > 25 mg%"), KOver = Test("K > 10 mg%");
    private static readonly IReadOnlyList<string> Inversion = Test("Na/K < 2.5"), KAtMost4 = Test("K <= 4 mg%"), NaKOver4 = Test("Na/K > 4"), Washed = Test("sample is washed");
    private static readonly IReadOnlyList<string> ExerciseCramps = Test("context.symptoms includes exercise_cramps"), MealCramps = Test("context.symptoms includes cramps_after_meals");
    private static readonly IReadOnlyList<string> Conditions = Test("context.conditions includes any(diabetes, arteriosclerosis, pregnancy)");
    private static readonly IReadOnlyList<string> Lifestyle = Test("context.lifestyle includes any(sedentary, long_sitting, long_standing)");
    private static readonly IReadOnlyList<string> LegSymptoms = Test("context.symptoms includes any(leg_cramps, muscle_cramps, restless_legs, night_cramps)");
    private static readonly string[] DietValues = ["much_sugar", "phosphoric_acid_soft_drinks"], ConditionValues = ["diabetes", "arteriosclerosis", "pregnancy"];
    private static readonly string[] LifestyleValues = ["sedentary", "long_sitting", "long_standing"], LegValues = ["leg_cramps", "muscle_cramps", "restless_legs", "night_cramps"];
    private static readonly string[] ExerciseValues = ["exercise_cramps"], MealValues = ["cramps_after_meals"];
    private static readonly string[] NightValues = ["night_cramps"];
    private static readonly IReadOnlyList<string> NightCramps = Test("context.symptoms includes night_cramps");
    private static readonly IReadOnlyList<string> PatternSympathetic = Test("pattern sympathetic-dominance"), TypeFast = Test("oxidation is fast");
    private static readonly IReadOnlyList<string> BuildupUndecided = Test("undecided(less-bioavailable-mineral-buildup)");
    private static readonly IReadOnlyList<string> CopperExcessUndecided = Test("undecided(copper-excess-blocks-availability)");

    /// <summary>A rule's texts, taken from its loaded definition.</summary>
    private sealed record Template(RuleDefinition Definition, string? Subject, string? Title);

    /// <summary>A band table with each row's evidence made once.</summary>
    private sealed class Band(BandDefinition band)
    {
        public IReadOnlyList<BandRow> Rows { get; } = band.Rows;

        public Evidence[] RowEvidence { get; } = [.. band.Rows.Select(row => new Evidence
        {
            Kind = EvidenceKind.Band,
            Name = band.Label,
            Value = row.Label,
            Tests = Test($"Ca {row.Text} mg% ({band.Source})"),
        })];

        public Evidence? Find(double value)
        {
            for (var i = 0; i < Rows.Count; i++)
            {
                if (value >= Rows[i].From && (Rows[i].Below is not { } below || value < below))
                {
                    return RowEvidence[i];
                }
            }

            return null;
        }
    }

    private readonly record struct Reading(Measurement? Measurement, double Low, double High)
    {
        public bool Present => Measurement is not null;
    }

    public RuleEvaluation Evaluate(RuleInput input)
    {
        var readings = new Reading[_symbols.Length];
        var measurements = input.Panel.Measurements;
        for (var m = 0; m < measurements.Count; m++)
        {
            var measurement = measurements[m];
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

        double naK = double.NaN, caK = double.NaN, naMg = double.NaN, caMg = double.NaN;
        var ratios = input.Ratios;
        for (var r = 0; r < ratios.Count; r++)
        {
            var ratio = ratios[r];
            if (!double.IsFinite(ratio.Value))
            {
                continue;
            }

            switch (ratio.Name)
            {
                case "Na/K": naK = ratio.Value; break;
                case "Ca/K": caK = ratio.Value; break;
                case "Na/Mg": naMg = ratio.Value; break;
                case "Ca/Mg": caMg = ratio.Value; break;
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
        var shellWomen = sex == Sex.Female && ca.Present && ca.Low >= 165;
        var shellMen = sex == Sex.Male && ca.Present && ca.Low >= 155;
        var calciumShell = shellWomen || shellMen;
        bool caOver = Above(Ca, 40), mgOver = Above(Mg, 6), naOver = Above(Na, 25), kOver = Above(K, 10);
        var fourHighs = caOver && mgOver && naOver && kOver;
        var highs = (caOver ? 1 : 0) + (mgOver ? 1 : 0) + (naOver ? 1 : 0) + (kOver ? 1 : 0);
        var notHighs = (NotAbove(Ca, 40) ? 1 : 0) + (NotAbove(Mg, 6) ? 1 : 0) + (NotAbove(Na, 25) ? 1 : 0) + (NotAbove(K, 10) ? 1 : 0);
        var inversion = naK < 2.5;
        var cuLow = Low(Cu);
        var hiddenCopper = calciumShell || inversion || cuLow;

        var findings = new List<Finding>(8);
        var evidence = new EvidenceList(this, input, readings);

        // refer
        var conditions = context?.Conditions;
        if (conditions is not null && (conditions.Contains("diabetes") || conditions.Contains("arteriosclerosis") || conditions.Contains("pregnancy")))
        {
            evidence.Context("conditions", conditions, ConditionValues, Conditions);
            findings.Add(evidence.Finish(_templates["circulation-referral"]));
        }

        // attention, file order: calcium-magnesium, fast-oxidation, patterns, potassium, slow-oxidation, symptoms
        var diet = context?.Diet;
        bool caLow = Low(Ca), mgLow = Low(Mg);
        if ((caLow || mgLow) && diet is not null && (diet.Contains("much_sugar") || diet.Contains("phosphoric_acid_soft_drinks")))
        {
            evidence.Element(Ca, caLow ? _lowTests[Ca] : null);
            evidence.Element(Mg, mgLow ? _lowTests[Mg] : null);
            evidence.Context("diet", diet, DietValues, DietSugar);
            evidence.Element(Ca, None);
            evidence.Element(Mg, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["acute-calcium-magnesium-deficiency"]));
        }

        var highCalciumMagnesium = High(Ca) && High(Mg);
        if (leanSlow && (highCalciumMagnesium || fourHighs))
        {
            evidence.Oxidation(LeanSlow);
            if (highCalciumMagnesium)
            {
                evidence.Element(Ca, _highTests[Ca]);
                evidence.Element(Mg, _highTests[Mg]);
            }

            if (fourHighs)
            {
                evidence.Rule("four-highs", PatternFourHighs);
            }

            evidence.Element(Ca, None);
            evidence.Element(Mg, None);
            evidence.Element(Na, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["bio-unavailable-calcium-magnesium"]));
        }

        if (leanFast && (caLow || mgLow))
        {
            evidence.Oxidation(LeanFast);
            evidence.Element(Ca, caLow ? _lowTests[Ca] : null);
            evidence.Element(Mg, mgLow ? _lowTests[Mg] : null);
            evidence.Element(Ca, None);
            evidence.Element(Mg, None);
            evidence.Element(Zn, None);
            evidence.Element(Cu, None);
            evidence.Ratio("Ca/K", caK, None);
            evidence.Ratio("Na/Mg", naMg, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["fast-oxidation-mineral-depletion"]));
        }

        if (leanFast && caLow && (High(_pb) || High(_cd) || High(_as) || High(_al)))
        {
            evidence.Oxidation(LeanFast);
            evidence.Element(Ca, _lowTests[Ca]);
            foreach (var metal in (ReadOnlySpan<int>)[_pb, _cd, _as, _al])
            {
                evidence.Element(metal, High(metal) ? _elevatedTests[metal] : null);
            }

            evidence.Element(Ca, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["toxic-metal-displacement"]));
        }

        if (calciumShell)
        {
            if (shellWomen)
            {
                evidence.Sex(sex, SexFemale);
                evidence.Element(Ca, CaWomen);
            }

            if (shellMen)
            {
                evidence.Sex(sex, SexMale);
                evidence.Element(Ca, CaMen);
            }

            evidence.Sex(sex, None);
            if (ca.Present && ca.Low == ca.High && (sex == Sex.Female ? _shellWomen : sex == Sex.Male ? _shellMen : null)?.Find(ca.Low) is { } band)
            {
                evidence.Add(band);
            }

            findings.Add(evidence.Finish(_templates["calcium-shell"]));
        }

        if (oxidation is { FourLows: true })
        {
            evidence.FourLows(FourLowsTest);
            evidence.Element(Ca, None);
            evidence.Element(Mg, None);
            evidence.Element(Na, None);
            evidence.Element(K, None);
            findings.Add(evidence.Finish(_templates["four-lows"]));
        }

        if (inversion)
        {
            evidence.Ratio("Na/K", naK, Inversion);
            evidence.Element(Na, None);
            evidence.Element(K, None);
            findings.Add(evidence.Finish(_templates["sodium-potassium-inversion"]));
        }

        for (var slot = _firstToxic; slot < _symbols.Length; slot++)
        {
            if (High(slot))
            {
                evidence.Element(slot, _elevatedTests[slot]);
                findings.Add(evidence.Finish(_toxicTemplates[slot - _firstToxic]));
            }
        }

        if (leanSlow && Low(K))
        {
            evidence.Oxidation(LeanSlow);
            evidence.Element(K, _lowTests[K]);
            evidence.Element(K, None);
            evidence.Element(Na, None);
            evidence.Ratio("Na/K", naK, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["potassium-loss-slow-oxidation"]));
        }

        if (leanFast && High(K))
        {
            evidence.Oxidation(LeanFast);
            evidence.Element(K, _highTests[K]);
            evidence.Element(K, None);
            evidence.Ratio("Na/K", naK, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["potassium-catabolic-fast-oxidation"]));
        }

        if (leanSlow && Low(Na))
        {
            evidence.Oxidation(LeanSlow);
            evidence.Element(Na, _lowTests[Na]);
            evidence.Element(Na, None);
            evidence.Element(Ca, None);
            evidence.Ratio("Ca/K", caK, None);
            evidence.Ratio("Na/Mg", naMg, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["low-sodium-slow-oxidation"]));
        }

        var cuHigh = High(Cu);
        var copperExcess = cuHigh || High(_pb) || High(_hg) || High(_cd) || High(_as) || High(_al);
        var copperExcessUndecided = !copperExcess
            && (HighUnknown(Cu) || HighUnknown(_pb) || HighUnknown(_hg) || HighUnknown(_cd) || HighUnknown(_as) || HighUnknown(_al));
        if (leanSlow && copperExcess)
        {
            evidence.Oxidation(LeanSlow);
            evidence.Element(Cu, cuHigh ? _highTests[Cu] : null);

            foreach (var metal in (ReadOnlySpan<int>)[_pb, _hg, _cd, _as, _al])
            {
                evidence.Element(metal, High(metal) ? _elevatedTests[metal] : null);
            }

            evidence.Element(Cu, None);
            evidence.Element(Ca, None);
            evidence.Element(Na, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["copper-excess-blocks-availability"]));
        }

        var symptoms = context?.Symptoms;
        if (symptoms is not null && symptoms.Contains("exercise_cramps"))
        {
            evidence.Context("symptoms", symptoms, ExerciseValues, ExerciseCramps);
            evidence.Element(Mg, None);
            evidence.Ratio("Ca/Mg", caMg, None);
            findings.Add(evidence.Finish(_templates["exercise-magnesium-depletion"]));
        }

        // info
        if (leanFast && (High(Fe) || High(Mn) || High(Cu)))
        {
            evidence.Oxidation(LeanFast);
            foreach (var element in (ReadOnlySpan<int>)[Fe, Mn, Cu])
            {
                evidence.Element(element, High(element) ? _highTests[element] : null);
            }

            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["less-bioavailable-mineral-buildup"]));
        }

        if (leanFast && !(High(Fe) || High(Mn) || High(Cu)) && (HighUnknown(Fe) || HighUnknown(Mn) || HighUnknown(Cu)))
        {
            foreach (var slot in (ReadOnlySpan<int>)[Fe, Mn, Cu])
            {
                if (Ungraded(slot))
                {
                    evidence.Oxidation(LeanFast);
                    evidence.Element(slot, _ungradedTests[slot]);
                    evidence.Rule("less-bioavailable-mineral-buildup", BuildupUndecided, "not evaluated");
                    findings.Add(evidence.Finish(_buildupGapTemplates[slot]));
                }
            }
        }

        if (Above(Mg, 20))
        {
            evidence.Element(Mg, MgShell);
            findings.Add(evidence.Finish(_templates["magnesium-shell"]));
        }

        if (fourHighs)
        {
            evidence.Element(Ca, CaOver);
            evidence.Element(Mg, MgOver);
            evidence.Element(Na, NaOver);
            evidence.Element(K, KOver);
            findings.Add(evidence.Finish(_templates["four-highs"]));
        }

        if (highs == 3 && notHighs == 1)
        {
            evidence.Element(Ca, caOver ? CaOver : null);
            evidence.Element(Mg, mgOver ? MgOver : null);
            evidence.Element(Na, naOver ? NaOver : null);
            evidence.Element(K, kOver ? KOver : null);
            findings.Add(evidence.Finish(_templates["three-highs"]));
        }

        var kAtMost4 = NotAbove(K, 4);
        if (decided && type == OxidationType.Slow && (kAtMost4 || naK > 4))
        {
            evidence.Oxidation(TypeSlow);
            evidence.Element(K, kAtMost4 ? KAtMost4 : null);
            if (naK > 4)
            {
                evidence.Ratio("Na/K", naK, NaKOver4);
            }

            findings.Add(evidence.Finish(_templates["sympathetic-dominance"]));
        }

        var sympatheticDominance = decided && type == OxidationType.Slow && (kAtMost4 || naK > 4);

        if (hiddenCopper)
        {
            if (calciumShell)
            {
                evidence.Rule("calcium-shell", PatternShell);
            }

            if (inversion)
            {
                evidence.Ratio("Na/K", naK, Inversion);
            }

            evidence.Element(Cu, cuLow ? _lowTests[Cu] : null);
            evidence.Element(Cu, None);
            findings.Add(evidence.Finish(_templates["hidden-copper"]));
        }

        if (treatment == SampleTreatment.Washed)
        {
            evidence.Sample(treatment, Washed);
            evidence.Element(Na, None);
            evidence.Element(K, None);
            evidence.Oxidation(None);
            findings.Add(evidence.Finish(_templates["washed-sample-caveat"]));
        }

        if (leanSlow && copperExcessUndecided && Ungraded(Cu))
        {
            evidence.Oxidation(LeanSlow);
            evidence.Element(Cu, _ungradedTests[Cu]);
            evidence.Rule("copper-excess-blocks-availability", CopperExcessUndecided, "not evaluated");
            findings.Add(evidence.Finish(_templates["copper-excess-not-assessable"]));
        }

        var lifestyle = context?.Lifestyle;
        if (lifestyle is not null
            && (lifestyle.Contains("sedentary") || lifestyle.Contains("long_sitting") || lifestyle.Contains("long_standing"))
            && symptoms is not null
            && (symptoms.Contains("leg_cramps") || symptoms.Contains("muscle_cramps") || symptoms.Contains("restless_legs") || symptoms.Contains("night_cramps")))
        {
            evidence.Context("lifestyle", lifestyle, LifestyleValues, Lifestyle);
            evidence.Context("symptoms", symptoms, LegValues, LegSymptoms);
            findings.Add(evidence.Finish(_templates["circulation-movement"]));
        }

        if (symptoms is not null && symptoms.Contains("night_cramps"))
        {
            evidence.Context("symptoms", symptoms, NightValues, NightCramps);
            findings.Add(evidence.Finish(_templates["night-cramps-circulation"]));
        }

        var typeFast = decided && type == OxidationType.Fast;
        if (symptoms is not null
            && (symptoms.Contains("leg_cramps") || symptoms.Contains("muscle_cramps") || symptoms.Contains("restless_legs") || symptoms.Contains("night_cramps"))
            && (sympatheticDominance || typeFast))
        {
            evidence.Context("symptoms", symptoms, LegValues, LegSymptoms);
            if (sympatheticDominance)
            {
                evidence.Rule("sympathetic-dominance", PatternSympathetic);
            }

            if (typeFast)
            {
                evidence.Oxidation(TypeFast);
            }

            findings.Add(evidence.Finish(_templates["sympathetic-tone-circulation"]));
        }

        if (symptoms is not null && symptoms.Contains("cramps_after_meals"))
        {
            evidence.Context("symptoms", symptoms, MealValues, MealCramps);
            findings.Add(evidence.Finish(_templates["food-sensitivity-diary"]));
        }

        return new RuleEvaluation(findings.ToArray(), []);
    }

    /// <summary>
    /// The evidence of the finding being built: each input once, in first-use order, with the tests it passed. A test
    /// list of <c>null</c> adds nothing (the test was not passed); <see cref="None"/> adds the input without a test.
    /// </summary>
    private sealed class EvidenceList(HandWrittenRules rules, RuleInput input, Reading[] readings)
    {
        private readonly List<Evidence> _items = new(8);
        private string? _oxidationText;

        public void Add(Evidence evidence) => _items.Add(evidence);

        public Finding Finish(Template template)
        {
            var definition = template.Definition;
            var finding = new Finding
            {
                RuleId = definition.Id,
                Subject = template.Subject,
                Title = template.Title ?? definition.Title,
                Severity = definition.Severity,
                Category = definition.Category,
                Evidence = _items.ToArray(),
                Explanation = definition.Explanation,
                Suggestions = definition.Suggestions,
                Source = definition.Source,
                ThresholdSources = definition.ThresholdSources,
                Claims = definition.Claims,
            };
            _items.Clear();
            return finding;
        }

        /// <summary>True when the input is already listed (its first test is kept; the rules here pass at most one per input).</summary>
        private bool Listed(EvidenceKind kind, string name)
        {
            foreach (var item in _items)
            {
                if (item.Kind == kind && item.Name == name)
                {
                    return true;
                }
            }

            return false;
        }

        public void Element(int slot, IReadOnlyList<string>? tests)
        {
            var symbol = rules._symbols[slot];
            if (tests is null || Listed(EvidenceKind.Element, symbol) || readings[slot].Measurement is not { } measurement)
            {
                return;
            }

            var profile = input.LabProfile;
            var amount = measurement.MilligramPercent;
            _items.Add(new Evidence
            {
                Kind = EvidenceKind.Element,
                Name = symbol,
                MilligramPercent = amount,
                LabValue = profile is null ? measurement.Amount : measurement.Amount.To(profile.ReportingUnit),
                Qualifier = measurement.Qualifier,
                Level = profile?.LevelOf(symbol, amount),
                Tests = tests,
            });
        }

        public void Ratio(string name, double value, IReadOnlyList<string> tests)
        {
            if (!double.IsNaN(value) && !Listed(EvidenceKind.Ratio, name))
            {
                _items.Add(new Evidence { Kind = EvidenceKind.Ratio, Name = name, RatioValue = value, Tests = tests });
            }
        }

        public void Oxidation(IReadOnlyList<string> tests)
        {
            if (input.Oxidation is { } oxidation && !Listed(EvidenceKind.Oxidation, "oxidation"))
            {
                _items.Add(new Evidence { Kind = EvidenceKind.Oxidation, Name = "oxidation", Value = _oxidationText ??= Describe(oxidation), Tests = tests });
            }
        }

        public void FourLows(IReadOnlyList<string> tests)
        {
            if (input.Oxidation is { } oxidation)
            {
                _items.Add(new Evidence { Kind = EvidenceKind.Oxidation, Name = "four_lows", Value = oxidation.FourLows ? "yes" : "no", Tests = tests });
            }
        }

        public void Sex(Sex sex, IReadOnlyList<string> tests)
        {
            if (sex != Panels.Sex.Unknown && !Listed(EvidenceKind.Client, "sex"))
            {
                _items.Add(new Evidence { Kind = EvidenceKind.Client, Name = "sex", Value = sex == Panels.Sex.Female ? "female" : "male", Tests = tests });
            }
        }

        public void Sample(SampleTreatment treatment, IReadOnlyList<string> tests) =>
            _items.Add(new Evidence { Kind = EvidenceKind.Sample, Name = "sample", Value = treatment == SampleTreatment.Washed ? "washed" : "unwashed", Tests = tests });

        public void Rule(string id, IReadOnlyList<string> tests, string value = "fired") =>
            _items.Add(new Evidence { Kind = EvidenceKind.Rule, Name = id, Value = value, Tests = tests });

        /// <summary>A context list the rule asked about: the asked values the client stated (the rule fired, so at least one).</summary>
        public void Context(string name, IReadOnlySet<string> stated, string[] asked, IReadOnlyList<string> tests)
        {
            string? single = null;
            var present = 0;
            foreach (var value in asked)
            {
                if (stated.Contains(value))
                {
                    single ??= value;
                    present++;
                }
            }

            _items.Add(new Evidence
            {
                Kind = EvidenceKind.Context,
                Name = name,
                Value = present == 1 ? single! : string.Join(", ", asked.Where(stated.Contains)),
                Tests = tests,
            });
        }

        private static string Describe(OxidationResult oxidation)
        {
            var text = Lower(oxidation.Type);
            if (oxidation.Lean is { } lean)
            {
                text += ", leaning " + Lower(lean);
            }

            if (oxidation.Degree != OxidationDegree.None)
            {
                text += ", " + oxidation.Degree switch
                {
                    OxidationDegree.Mild => "mild",
                    OxidationDegree.Moderate => "moderate",
                    _ => "extreme",
                };
            }

            return text;
        }

        private static string Lower(OxidationType type) => type switch
        {
            OxidationType.Slow => "slow",
            OxidationType.Fast => "fast",
            OxidationType.Mixed => "mixed",
            _ => "indeterminate",
        };
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
