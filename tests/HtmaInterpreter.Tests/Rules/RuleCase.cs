using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Tests.Rules;

/// <summary>
/// Builds a <see cref="RuleInput"/> by hand: a balanced panel (Wilson ideals, low toxic metals) that fires no default
/// rule, which each test then pushes just over (fires) or just short of (near miss) one rule's condition.
/// </summary>
internal sealed class RuleCase
{
    private static readonly ElementCatalog Catalog = ElementCatalog.Default;

    private readonly Dictionary<string, (decimal Value, MeasurementQualifier Qualifier)> _values = new(StringComparer.Ordinal)
    {
        ["Ca"] = (40m, MeasurementQualifier.Exact),
        ["Mg"] = (6m, MeasurementQualifier.Exact),
        ["Na"] = (25m, MeasurementQualifier.Exact),
        ["K"] = (10m, MeasurementQualifier.Exact),
        ["Cu"] = (2.5m, MeasurementQualifier.Exact),
        ["Zn"] = (16m, MeasurementQualifier.Exact),
        ["P"] = (16m, MeasurementQualifier.Exact),
        ["Fe"] = (1.0m, MeasurementQualifier.Exact),
        ["Mn"] = (0.05m, MeasurementQualifier.Exact),
        ["Pb"] = (0.01m, MeasurementQualifier.Exact),
        ["Hg"] = (0.01m, MeasurementQualifier.Exact),
        ["Cd"] = (0.005m, MeasurementQualifier.Exact),
        ["As"] = (0.005m, MeasurementQualifier.Exact),
        ["Al"] = (0.5m, MeasurementQualifier.Exact),
    };

    /// <summary>TEI-style ranges from the domain notes (mg%), used only as test data.</summary>
    public static LabProfile TestProfile { get; } = new()
    {
        Id = "test-tei",
        Name = "Test profile (TEI ranges)",
        ReportingUnit = ConcentrationUnit.MilligramPercent,
        Treatment = SampleTreatment.Unwashed,
        IdealTradition = "wilson",
        Source = "test data from ../shared/domain/README.md (TEI ranges)",
        ReferenceRanges = new Dictionary<string, ReferenceRange>
        {
            ["Ca"] = new(22m, 97m, ConcentrationUnit.MilligramPercent),
            ["Mg"] = new(2m, 11m, ConcentrationUnit.MilligramPercent),
            ["Na"] = new(4m, 36m, ConcentrationUnit.MilligramPercent),
            ["K"] = new(2m, 24m, ConcentrationUnit.MilligramPercent),
            ["Cu"] = new(0.9m, 3.9m, ConcentrationUnit.MilligramPercent),
            ["Zn"] = new(10m, 21m, ConcentrationUnit.MilligramPercent),
            ["P"] = new(11m, 20m, ConcentrationUnit.MilligramPercent),
            ["Fe"] = new(0.5m, 1.6m, ConcentrationUnit.MilligramPercent),
            ["Mn"] = new(0.010m, 0.130m, ConcentrationUnit.MilligramPercent),
        },
        ToxicLimits = new Dictionary<string, Concentration>
        {
            ["Pb"] = new(0.30m, ConcentrationUnit.MilligramPercent),
            ["Hg"] = new(0.18m, ConcentrationUnit.MilligramPercent),
            ["Cd"] = new(0.014m, ConcentrationUnit.MilligramPercent),
            ["As"] = new(0.020m, ConcentrationUnit.MilligramPercent),
            ["Al"] = new(1.8m, ConcentrationUnit.MilligramPercent),
        },
    };

    public Sex Sex { get; set; } = Sex.Female;

    public int? Age { get; set; } = 40;

    public SampleTreatment Treatment { get; set; } = SampleTreatment.Unwashed;

    public LabProfile? Profile { get; set; } = TestProfile;

    public OxidationResult? Oxidation { get; set; } = Ox(OxidationType.Mixed);

    public ClientContext? Context { get; set; } = new()
    {
        Symptoms = new HashSet<string>(),
        Conditions = new HashSet<string>(),
        Lifestyle = new HashSet<string>(),
        Diet = new HashSet<string>(),
    };

    public static OxidationResult Ox(OxidationType type, OxidationType? lean = null, bool fourLows = false) => new()
    {
        Type = type,
        Lean = lean,
        FourLows = fourLows,
        Degree = type is OxidationType.Slow or OxidationType.Fast ? OxidationDegree.Mild : OxidationDegree.None,
        ModelId = "eck-wilson",
        LabProfileId = "test-tei",
    };

    public RuleCase Set(string symbol, decimal value, MeasurementQualifier qualifier = MeasurementQualifier.Exact)
    {
        _values[symbol] = (value, qualifier);
        return this;
    }

    public RuleCase Without(string symbol)
    {
        _values.Remove(symbol);
        return this;
    }

    public RuleCase Slow() => With(Ox(OxidationType.Slow));

    public RuleCase Fast() => With(Ox(OxidationType.Fast));

    public RuleCase With(OxidationResult? oxidation)
    {
        Oxidation = oxidation;
        return this;
    }

    public RuleCase WithContext(Func<ClientContext, ClientContext> change)
    {
        Context = change(Context ?? ClientContext.Empty);
        return this;
    }

    public Panel BuildPanel() => new(
        "TEST-1",
        [.. _values.Select(pair => new Measurement(pair.Key, Catalog[pair.Key], new Concentration(pair.Value.Value, ConcentrationUnit.MilligramPercent), pair.Value.Qualifier))])
    {
        Sex = Sex,
        AgeYears = Age,
        Treatment = Treatment,
        Lab = "TEI",
    };

    /// <summary>Computes the known ratios from exact values, as the ratio engine would (absent when an input is missing or zero).</summary>
    public IReadOnlyList<RatioValue> BuildRatios()
    {
        var ratios = new List<RatioValue>();
        foreach (var name in RuleLoadOptions.DefaultKnownRatios)
        {
            var parts = name.Split('/');
            if (_values.TryGetValue(parts[0], out var top) && _values.TryGetValue(parts[1], out var bottom)
                && top.Qualifier == MeasurementQualifier.Exact && bottom.Qualifier == MeasurementQualifier.Exact && top.Value > 0 && bottom.Value > 0)
            {
                ratios.Add(new RatioValue { Name = name, Numerator = parts[0], Denominator = parts[1], Value = (double)(top.Value / bottom.Value) });
            }
        }

        return ratios;
    }

    public RuleInput Build() => new(BuildPanel(), Profile, BuildRatios(), Oxidation, Context);
}
