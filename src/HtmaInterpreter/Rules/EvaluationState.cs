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

/// <summary>The per-panel working data of one evaluation: inputs indexed for fast lookup, rule results and what is missing.</summary>
internal sealed class EvaluationState
{
    private readonly List<string> _missing = new(4);

    private readonly EvaluationState? _owner;

    /// <summary>Creates the state of one panel; <paramref name="previous"/> is the earlier test of a retest pair, or <c>null</c>.</summary>
    public EvaluationState(RuleInput input, CompiledRuleSet rules, RuleInput? previous = null)
        : this(input, rules, owner: null)
    {
        if (previous is not null)
        {
            Previous = new EvaluationState(previous, rules, owner: this);
        }
    }

    private EvaluationState(RuleInput input, CompiledRuleSet rules, EvaluationState? owner)
    {
        _owner = owner;
        Input = input;
        Elements = new Reading[rules.ElementSymbols.Length];
        Measurements = new Measurement?[rules.ElementSymbols.Length];
        Amounts = new decimal[rules.ElementSymbols.Length];
        foreach (var measurement in input.Panel.Measurements)
        {
            if (measurement.Element is not { } element || !rules.ElementIndex.TryGetValue(element.Symbol, out var index) || Measurements[index] is not null)
            {
                continue;
            }

            Measurements[index] = measurement;
            Amounts[index] = measurement.MilligramPercent;
            var amount = (double)Amounts[index];
            Elements[index] = measurement.Qualifier switch
            {
                MeasurementQualifier.Exact => new Reading(true, amount, amount),
                MeasurementQualifier.BelowDetectionLimit => new Reading(true, 0, amount),
                MeasurementQualifier.NotDetected => new Reading(true, 0, 0),
                _ => new Reading(true, amount, double.PositiveInfinity),
            };
        }

        Ratios = new double[rules.RatioNames.Length];
        Array.Fill(Ratios, double.NaN);
        foreach (var ratio in input.Ratios)
        {
            if (rules.RatioIndex.TryGetValue(ratio.Name, out var index) && double.IsFinite(ratio.Value))
            {
                Ratios[index] = ratio.Value;
            }
        }

        var context = input.Context;
        Sex = context is { Sex: not Sex.Unknown } ? context.Sex : input.Panel.Sex;
        AgeYears = context?.AgeYears ?? input.Panel.AgeYears;
        Treatment = input.Panel.Treatment != SampleTreatment.Unknown
            ? input.Panel.Treatment
            : input.LabProfile?.Treatment ?? SampleTreatment.Unknown;
        RuleResults = new Truth[rules.Rules.Length];
        Levels = input.LabProfile is { } profile ? rules.LevelsFor(profile) : null;
    }

    public RuleInput Input { get; }

    /// <summary>The earlier test of a retest pair (what <c>previous.</c> reads), or <c>null</c> for a single panel.</summary>
    public EvaluationState? Previous { get; }

    public Reading[] Elements { get; }

    public Measurement?[] Measurements { get; }

    /// <summary>Each reported element's amount in mg% (as <see cref="Measurement.MilligramPercent"/>), by element index.</summary>
    public decimal[] Amounts { get; }

    /// <summary>The lab profile's levels by element index, or <c>null</c> when there is no profile.</summary>
    public ProfileLevels? Levels { get; }

    /// <summary>Ratio values by index; <see cref="double.NaN"/> when the panel has no value.</summary>
    public double[] Ratios { get; }

    public Sex Sex { get; }

    public int? AgeYears { get; }

    public SampleTreatment Treatment { get; }

    public OxidationResult? Oxidation => Input.Oxidation;

    /// <summary>The oxidation result as evidence text, made on first use and shared by the findings of this evaluation.</summary>
    public string? OxidationText { get; set; }

    /// <summary>The result of each rule by its evaluation index (for <c>pattern</c> references).</summary>
    public Truth[] RuleResults { get; }

    public IReadOnlyList<string> Missing => _missing;

    public void Miss(string what)
    {
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
