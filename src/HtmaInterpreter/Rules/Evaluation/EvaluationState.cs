using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>Kleene's three-valued logic: a test whose inputs are missing is <see cref="Unknown"/>, never silently false.</summary>
internal enum Truth : byte
{
    False,
    True,
    Unknown,
}

/// <summary>
/// An element's value as an interval in mg%: exact values have <see cref="Low"/> = <see cref="High"/>; a value below the
/// detection limit is [0, limit]; not detected is [0, 0]; above the quantitation limit is [limit, +∞).
/// </summary>
internal readonly record struct Reading(bool Present, double Low, double High);

/// <summary>
/// The per-panel working data of one evaluation: inputs indexed for fast lookup, rule results and what is missing.
/// Reusable: <see cref="Load"/> fills it for a panel and <see cref="Clear"/> empties it, so that a rule set can keep a
/// few and evaluate without allocating them each time (one evaluation uses a state at a time).
/// </summary>
internal sealed class EvaluationState
{
    private readonly List<string> _missing = new(4);

    private readonly CompiledRuleSet _rules;

    private readonly EvaluationState? _owner;

    // The levels of the last profile loaded: a batch reads row after row against the same profile.
    private Labs.LabProfile? _levelsProfile;
    private ProfileLevels? _levels;

    // By element slot: the levels of its reading (see TryGetLevels), 0 until worked out for this panel.
    private readonly byte[] _levelPairs;

    /// <summary>Creates the state of one panel; <paramref name="previous"/> is the earlier test of a retest pair, or <c>null</c>.</summary>
    public EvaluationState(RuleInput input, CompiledRuleSet rules, RuleInput? previous = null)
        : this(rules, owner: null)
    {
        Load(input);
        if (previous is not null)
        {
            Previous = new EvaluationState(rules, owner: this);
            Previous.Load(previous);
        }
    }

    /// <summary>Creates an empty state for <see cref="Load"/>.</summary>
    public EvaluationState(CompiledRuleSet rules)
        : this(rules, owner: null)
    {
    }

    private EvaluationState(CompiledRuleSet rules, EvaluationState? owner)
    {
        _rules = rules;
        _owner = owner;
        Input = null!;
        Elements = new Reading[rules.ElementSymbols.Length];
        Measurements = new Measurement?[rules.ElementSymbols.Length];
        Amounts = new decimal[rules.ElementSymbols.Length];
        Qualifiers = new MeasurementQualifier[rules.ElementSymbols.Length];
        Ratios = new double[rules.RatioNames.Length];
        Array.Fill(Ratios, double.NaN);
        RuleResults = new Truth[rules.Rules.Length];
        _levelPairs = new byte[rules.ElementSymbols.Length];
    }

    /// <summary>Reads a panel into the (empty) state.</summary>
    public void Load(RuleInput input)
    {
        var rules = _rules;
        Input = input;
        var measurements = input.Panel.Measurements;
        for (var m = 0; m < measurements.Count; m++)
        {
            var measurement = measurements[m];
            if (measurement.Element is not { } element)
            {
                continue;
            }

            if (!rules.ElementSlots.TryGetValue(element, out var index) && !rules.ElementIndex.TryGetValue(element.Symbol, out index))
            {
                continue;
            }

            if (index < 0 || Measurements[index] is not null)
            {
                continue;
            }

            Measurements[index] = measurement;
            SetElement(index, measurement.MilligramPercent, measurement.Qualifier);
        }

        var ratios = input.Ratios;
        for (var r = 0; r < ratios.Count; r++)
        {
            var ratio = ratios[r];
            if (rules.RatioIndex.TryGetValue(ratio.Name, out var index) && double.IsFinite(ratio.Value))
            {
                Ratios[index] = ratio.Value;
            }
        }

        SetPanelFacts(input.Panel.Sex, input.Panel.AgeYears, input.Panel.Treatment, input.LabProfile, input.Context);
        if (input.Oxidation is { } oxidation)
        {
            SetOxidation(oxidation.Type, oxidation.Lean, oxidation.Degree, oxidation.FourLows);
        }
    }

    /// <summary>Puts an element's amount in mg% and its qualifier into slot <paramref name="index"/>.</summary>
    public void SetElement(int index, decimal milligramPercent, MeasurementQualifier qualifier) =>
        SetElement(index, milligramPercent, (double)milligramPercent, qualifier);

    /// <summary>The same, given the amount also as the double <c>(double)milligramPercent</c> gives (<paramref name="amount"/>).</summary>
    public void SetElement(int index, decimal milligramPercent, double amount, MeasurementQualifier qualifier)
    {
        Amounts[index] = milligramPercent;
        Qualifiers[index] = qualifier;
        _levelPairs[index] = 0;
        Elements[index] = qualifier switch
        {
            MeasurementQualifier.Exact => new Reading(true, amount, amount),
            MeasurementQualifier.BelowDetectionLimit => new Reading(true, 0, amount),
            MeasurementQualifier.NotDetected => new Reading(true, 0, 0),
            _ => new Reading(true, amount, double.PositiveInfinity),
        };
    }

    /// <summary>
    /// Sets what the rules read besides values: sex and age (the client context wins over the panel), the sample
    /// treatment (the panel's, else the profile's), the profile's levels and the context.
    /// </summary>
    public void SetPanelFacts(Sex panelSex, int? panelAge, SampleTreatment panelTreatment, Labs.LabProfile? profile, ClientContext? context)
    {
        Context = context;
        Sex = context is { Sex: not Sex.Unknown } ? context.Sex : panelSex;
        AgeYears = context?.AgeYears ?? panelAge;
        Treatment = panelTreatment != SampleTreatment.Unknown
            ? panelTreatment
            : profile?.Treatment ?? SampleTreatment.Unknown;
        if (profile is not null && !ReferenceEquals(profile, _levelsProfile))
        {
            _levels = _rules.LevelsFor(profile);
            _levelsProfile = profile;
        }

        // The levels worked out so far hold for the profile they were worked out with (none since Clear emptied them).
        var levels = profile is not null ? _levels : null;
        if (Levels is not null && !ReferenceEquals(levels, Levels))
        {
            Array.Clear(_levelPairs);
        }

        Levels = levels;
    }

    /// <summary>
    /// The levels of element slot <paramref name="index"/>'s reading against <see cref="Levels"/> (the high end's only
    /// when the reading is a range), when an earlier test of this panel worked them out.
    /// </summary>
    public bool TryGetLevels(int index, out ElementLevel low, out ElementLevel? high)
    {
        var pair = _levelPairs[index];
        low = (ElementLevel)((pair >> 3) - 1);
        high = (pair & 7) == 0 ? null : (ElementLevel)((pair & 7) - 1);
        return pair != 0;
    }

    /// <summary>Keeps what <see cref="TryGetLevels"/> gives for element slot <paramref name="index"/> until the panel or the profile changes.</summary>
    public void SetLevels(int index, ElementLevel low, ElementLevel? high) =>
        _levelPairs[index] = (byte)((((int)low + 1) << 3) | (high is { } h ? (int)h + 1 : 0));

    /// <summary>Sets the oxidation result the rules read (type, lean, degree, four lows).</summary>
    public void SetOxidation(OxidationType type, OxidationType? lean, OxidationDegree degree, bool fourLows)
    {
        HasOxidation = true;
        OxidationType = type;
        OxidationLean = lean;
        OxidationDegree = degree;
        FourLows = fourLows;
    }

    /// <summary>Empties the state so that it holds nothing of the last panel and can be loaded again.</summary>
    public void Clear()
    {
        Input = null!;
        Array.Clear(Elements);
        Array.Clear(Measurements);
        Array.Clear(Amounts);
        Array.Clear(Qualifiers);
        Array.Fill(Ratios, double.NaN);
        Array.Clear(RuleResults);
        Array.Clear(_levelPairs);
        Levels = null;
        Context = null;
        HasOxidation = false;
        OxidationText = null;
        _missing.Clear();
    }

    public RuleInput Input { get; private set; }

    /// <summary>The earlier test of a retest pair (what <c>previous.</c> reads), or <c>null</c> for a single panel.</summary>
    public EvaluationState? Previous { get; }

    /// <summary>Each element's reading by element index; <see cref="Reading.Present"/> is false when the panel has no value.</summary>
    public Reading[] Elements { get; }

    /// <summary>Each reported element's qualifier (exact, below detection, ...), by element index.</summary>
    public MeasurementQualifier[] Qualifiers { get; }

    /// <summary>The measurements by element index, for evidence; <c>null</c> when the state was filled from values only.</summary>

    public Measurement?[] Measurements { get; }

    /// <summary>Each reported element's amount in mg% (as <see cref="Measurement.MilligramPercent"/>), by element index.</summary>
    public decimal[] Amounts { get; }

    /// <summary>The lab profile's levels by element index, or <c>null</c> when there is no profile.</summary>
    public ProfileLevels? Levels { get; private set; }

    /// <summary>Ratio values by index; <see cref="double.NaN"/> when the panel has no value.</summary>
    public double[] Ratios { get; }

    public Sex Sex { get; private set; }

    public int? AgeYears { get; private set; }

    public SampleTreatment Treatment { get; private set; }

    /// <summary>What the client reports, or <c>null</c>.</summary>
    public ClientContext? Context { get; private set; }

    /// <summary>True when an oxidation result was set; the four fields below are then meaningful.</summary>
    public bool HasOxidation { get; private set; }

    public OxidationType OxidationType { get; private set; }

    public OxidationType? OxidationLean { get; private set; }

    public OxidationDegree OxidationDegree { get; private set; }

    public bool FourLows { get; private set; }

    /// <summary>The oxidation result as evidence text, made on first use and shared by the findings of this evaluation.</summary>
    public string? OxidationText { get; set; }

    /// <summary>The result of each rule by its evaluation index (for <c>pattern</c> references).</summary>
    public Truth[] RuleResults { get; }

    public IReadOnlyList<string> Missing => _missing;

    /// <summary>When false, <see cref="Miss"/> records nothing: deciding which rules fire needs no list of what is missing.</summary>
    public bool RecordsMissing { get; set; } = true;

    public void Miss(string what)
    {
        if (!RecordsMissing)
        {
            return;
        }

        if (_owner is not null)
        {
            // What the earlier test lacks is reported with the rule, on the state being evaluated.
            _owner.Miss("previous test: " + what);
            return;
        }

        if (!_missing.Contains(what))
        {
            _missing.Add(what);
        }
    }

    public void ClearMissing() => _missing.Clear();
}
