using System.Diagnostics.CodeAnalysis;
using System.Text;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Labs;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// Interprets raw wide CSV records for a batch on one worker thread, without building a <see cref="Panel"/>: the
/// values go straight into arrays, the ratios, the oxidation decision and the rules are computed from them, and only
/// what a batch row holds is kept (the properties below, until the next record). A record it cannot read exactly as the
/// general reader would without any diagnostic (a quote, white space around a value, an unknown word, an implausible
/// value, ...) is read by <see cref="WideCsvLayout.ReadRow"/> instead and handed back for the general path to interpret,
/// so the results are the same either way. Not thread-safe: each worker has its own.
/// </summary>
internal sealed class WideCsvRowInterpreter
{
    private readonly WideCsvPlan _plan;
    private readonly MaskRuleOrder? _masks;
    private readonly RuleOrder _order;
    private readonly RawWideRecord _record;
    private readonly EvaluationState _state;
    private readonly decimal[] _amounts;
    private readonly double[] _approximately;
    private readonly ulong[] _mantissas;
    private readonly int[] _scales;
    private readonly MeasurementQualifier[] _qualifiers;
    private readonly bool[] _present;
    private readonly bool[] _positive;
    private readonly double[] _ratios;
    private readonly List<(string RuleId, string? Subject)> _fired = new(16);
    private readonly List<Diagnostic> _labDiagnostics = [];
    private readonly ClientContext? _context;
    private readonly double[] _keyRatios;
    private PanelAssembler? _assembler;
    private byte[] _labText = [];
    private LabProfile? _lab;
    private int _labDiagnosticsCount;

    // What the fast path decided for the last row it took (see TryDecideFast).
    private int _sampleIdColumn;
    private OxidationType _type;
    private OxidationType? _lean;
    private OxidationDegree? _degree;
    private IReadOnlyList<string> _firedRules = [];
    private int _diagnosticsCount;

    public WideCsvRowInterpreter(WideCsvPlan plan)
    {
        _plan = plan;
        _masks = plan.Run.Masks;
        _order = plan.Run.Order;
        _context = plan.Run.Context;
        _record = new RawWideRecord(plan.Layout.Separator, plan.Layout.File);
        _state = plan.Interpreter.Rules.CreateState();
        _amounts = new decimal[plan.Symbols.Length];
        _approximately = new double[plan.Symbols.Length];
        _mantissas = new ulong[plan.Symbols.Length];
        _scales = new int[plan.Symbols.Length];
        _qualifiers = new MeasurementQualifier[plan.Symbols.Length];
        _present = new bool[plan.Symbols.Length];
        _positive = new bool[plan.Symbols.Length];
        _ratios = new double[plan.Interpreter.Definitions.Ratios.Count];
        _keyRatios = new double[plan.KeyRatio.Length];
    }

    /// <summary>How many records this reader interpreted itself.</summary>
    public int FastRows { get; private set; }

    /// <summary>How many records it left to the general reader.</summary>
    public int GeneralRows { get; private set; }

    /// <summary>The plan this reader was made for.</summary>
    public WideCsvPlan Plan => _plan;

    /// <summary>The line of the record last decided.</summary>
    public int Line => _record.Line;

    /// <summary>The sample id of the record last decided (printable ASCII, no quotes, not empty).</summary>
    public ReadOnlySpan<byte> SampleId => _record.Span(_sampleIdColumn);

    /// <summary>The oxidation type of the record last decided.</summary>
    public OxidationType Type => _type;

    /// <summary>Its lean, if any.</summary>
    public OxidationType? Lean => _lean;

    /// <summary>Its degree, if any.</summary>
    public OxidationDegree? Degree => _degree;

    /// <summary>Its key ratios in the order of <see cref="FastRun.KeyRatioNames"/>, NaN for an absent one.</summary>
    public ReadOnlySpan<double> KeyRatios => _keyRatios;

    /// <summary>Its fired rules, in the order of the findings.</summary>
    public IReadOnlyList<string> FiredRules => _firedRules;

    /// <summary>How many diagnostics the general path would give it.</summary>
    public int DiagnosticsCount => _diagnosticsCount;

    /// <summary>Its lab profile.</summary>
    public LabProfile Lab => _lab!;

    /// <summary>
    /// Decides the record of <paramref name="length"/> bytes at <paramref name="offset"/> of <paramref name="buffer"/>,
    /// starting on <paramref name="line"/>, into the properties above; or, when the fast path cannot take it, returns
    /// false with the item the general reader reads from it, for the general path to interpret.
    /// </summary>
    public bool TryDecide(byte[] buffer, int offset, int length, int line, [NotNullWhen(false)] out PanelReadItem? general)
    {
        _record.Reset(buffer, offset, length, line);
        if (_plan.IsUsable && TryDecideFast())
        {
            FastRows++;
            general = null;
            return true;
        }

        GeneralRows++;
        general = _plan.Layout.ReadRow(_record, [], ref _assembler);
        return false;
    }

    /// <summary>Reads the record as the general reader would and decides it (see the fields above), or returns false when the general path must take it.</summary>
    private bool TryDecideFast()
    {
        var record = _record;
        var plan = _plan;
        if (record.FieldCount != plan.Layout.HeaderCount)
        {
            return false;
        }

        Array.Clear(_present);
        var sampleIdColumn = -1;
        ReadOnlySpan<byte> lab = default;
        var sex = Sex.Unknown;
        int? age = null;
        var treatment = SampleTreatment.Unknown;
        var columns = plan.Columns;
        for (var c = 0; c < columns.Length; c++)
        {
            var kind = columns[c];
            if (kind == FastColumn.Ignored)
            {
                continue;
            }

            var field = record.Span(c);
            if (field.IsEmpty)
            {
                continue;
            }

            if (field[0] <= (byte)' ' || field[^1] <= (byte)' ')
            {
                return false; // the general reader trims; not worth doing here
            }

            switch (kind)
            {
                case FastColumn.SampleId:
                    sampleIdColumn = c;
                    break;
                case FastColumn.Lab:
                    lab = FieldRules.IsNoValue(field) ? default : field;
                    break;
                case FastColumn.Sex:
                    sex = FieldRules.ParseSex(field);
                    if (sex == Sex.Unknown)
                    {
                        return false;
                    }

                    break;
                case FastColumn.Age:
                    if (field.Length > FieldRules.MaxAgeDigits || !FieldRules.TryDigits(field, out var years) || !FieldRules.IsAge(years))
                    {
                        return false;
                    }

                    age = years;
                    break;
                case FastColumn.Collected:
                    if (!FieldRules.IsDate(field))
                    {
                        return false;
                    }

                    break;
                case FastColumn.Treatment:
                    treatment = FieldRules.ParseTreatment(field);
                    if (treatment == SampleTreatment.Unknown)
                    {
                        return false;
                    }

                    break;
                case FastColumn.Measurement:
                    if (!TryReadValue(c, field))
                    {
                        return false;
                    }

                    break;
            }
        }

        if (sampleIdColumn < 0)
        {
            return false; // a missing sample_id is an error the general reader reports
        }

        _sampleIdColumn = sampleIdColumn;
        Decide(lab, sex, age, treatment);
        return true;
    }

    private bool TryReadValue(int column, ReadOnlySpan<byte> field)
    {
        var qualifier = MeasurementQualifier.Exact;
        decimal amount;
        var wholeDigits = 0;
        var approximately = 0d;
        ulong mantissa = 0;
        var scale = -1; // the mantissa and scale of a value read in mg%, for exact ratios without decimal division
        if (ValueText.IsNotDetected(field))
        {
            qualifier = MeasurementQualifier.NotDetected;
            amount = 0m;
        }
        else
        {
            qualifier = ValueText.LimitQualifier(field[0]);
            if (qualifier != MeasurementQualifier.Exact)
            {
                field = field[1..];
            }

            if (!ValueText.TryParsePlain(field, out mantissa, out scale, out wholeDigits))
            {
                return false;
            }

            if (wholeDigits <= FieldRules.WholeDigitsBelowAbsurd && !_plan.ValueUsed[_plan.ValueSlot[column]] && _plan.Units[column] == ConcentrationUnit.MilligramPercent)
            {
                return true; // read as the general reader would (below 10,000 mg%: not absurd), and not needed
            }

            amount = ValueText.ToDecimal(mantissa, scale);
            approximately = DecimalParts.ToDouble(mantissa, scale);
        }

        var unit = _plan.Units[column];
        var milligramPercent = amount;
        if (unit != ConcentrationUnit.MilligramPercent)
        {
            milligramPercent = Units.Convert(amount, unit, ConcentrationUnit.MilligramPercent);
            approximately = (double)milligramPercent;
            scale = -1;
            wholeDigits = int.MaxValue; // unknown after conversion: compare below
        }

        // Up to WholeDigitsBelowAbsurd digits before the point is below the bound: the decimal comparison is only needed beyond that.
        if (wholeDigits > FieldRules.WholeDigitsBelowAbsurd && FieldRules.IsAbsurd(qualifier, milligramPercent))
        {
            return false; // warned about by the general reader
        }

        var slot = _plan.ValueSlot[column];
        _present[slot] = true;
        _amounts[slot] = milligramPercent;
        _approximately[slot] = approximately; // exactly (double)milligramPercent
        _mantissas[slot] = mantissa;
        _scales[slot] = scale;
        // Never negative here: the plain form has no sign. Read in mg%, the mantissa tells without comparing decimals
        // (which, at different scales, is a slow call).
        _positive[slot] = scale >= 0 ? mantissa != 0 : milligramPercent != 0m;
        _qualifiers[slot] = qualifier;
        return true;
    }

    /// <summary>Works out the ratios, the oxidation type and the fired rules of the values read, into the fields above.</summary>
    private void Decide(ReadOnlySpan<byte> labText, Sex sex, int? age, SampleTreatment panelTreatment)
    {
        var plan = _plan;
        var interpreter = plan.Interpreter;
        var diagnostics = ResolveLab(labText, out var lab);

        // Ratios, as RatioCalculator computes them; a ratio that cannot be computed counts its diagnostics.
        var ratios = _ratios;
        var needed = plan.RatioNeeded;
        for (var r = 0; r < ratios.Length; r++)
        {
            var (n, d) = (plan.RatioNumerator[r], plan.RatioDenominator[r]);
            var usable = Usable(n, ref diagnostics) & Usable(d, ref diagnostics); // both counted
            var value = usable && needed[r] ? Divide(n, d) : double.NaN;
            ratios[r] = RatioCalculator.IsRatioValue(value) ? value : double.NaN;
        }

        // Oxidation, as OxidationClassifier decides it.
        var model = plan.Model;
        var fourLows = false;
        if (model.FourLows is { } fourLowsDefinition)
        {
            var slots = plan.FourLowsSlot!;
            Span<double> amounts = slots.Length <= 16 ? stackalloc double[slots.Length] : new double[slots.Length];
            for (var i = 0; i < slots.Length; i++)
            {
                amounts[i] = slots[i] >= 0 && _present[slots[i]] ? _approximately[slots[i]] : double.NaN;
            }

            fourLows = OxidationClassifier.MatchesFourLows(fourLowsDefinition, amounts, out var missingElement);
            diagnostics += missingElement >= 0 ? 1 : 0; // four lows not checked: an element is missing
        }

        var deciding = plan.DecidingRatio;
        Span<double> values = stackalloc double[deciding.Length];
        Span<OxidationType> indicates = stackalloc OxidationType[deciding.Length];
        for (var i = 0; i < deciding.Length; i++)
        {
            values[i] = deciding[i] >= 0 ? ratios[deciding[i]] : double.NaN;
        }

        diagnostics += OxidationClassifier.CannotDecide(values) ? 1 : 0; // the type cannot be decided
        var degreeValue = plan.DegreeRatio >= 0 ? ratios[plan.DegreeRatio] : double.NaN;
        var (type, lean, degree) = OxidationClassifier.Decide(model, values, degreeValue, fourLows, indicates);
        diagnostics += OxidationClassifier.IsWashed(panelTreatment, lab) ? 1 : 0; // the model is calibrated for unwashed hair

        // Rules, on the state filled from the arrays.
        var state = _state;
        state.Clear();
        var ruleSlots = plan.RuleSlot;
        for (var s = 0; s < ruleSlots.Length; s++)
        {
            if (_present[s] && ruleSlots[s] >= 0)
            {
                state.SetElement(ruleSlots[s], _amounts[s], _approximately[s], _qualifiers[s]);
            }
        }

        var ratioSlots = plan.RatioRuleSlot;
        for (var r = 0; r < ratios.Length; r++)
        {
            if (ratioSlots[r] >= 0)
            {
                state.Ratios[ratioSlots[r]] = ratios[r];
            }
        }

        state.SetPanelFacts(sex, age, panelTreatment, lab, _context);
        state.SetOxidation(type, lean, degree, fourLows);

        // With up to 64 rules the fired ones come back as a mask, with no list to fill.
        IReadOnlyList<string> firedRules;
        if (_masks is not null)
        {
            firedRules = _masks.FiredRuleIds(interpreter.Rules.FiredRuleMask(state));
        }
        else
        {
            _fired.Clear();
            interpreter.Rules.FiredRules(state, _fired);
            firedRules = _order.FiredRuleIds(_fired);
        }

        for (var k = 0; k < _keyRatios.Length; k++)
        {
            var r = plan.KeyRatio[k];
            _keyRatios[k] = r >= 0 ? ratios[r] : double.NaN;
        }

        _type = type;
        _lean = lean;
        _degree = degree;
        _firedRules = firedRules;
        _diagnosticsCount = diagnostics;
    }

    /// <summary>The lab profile for the row's lab text and how many diagnostics choosing it gives (kept from the last row with the same text).</summary>
    private int ResolveLab(ReadOnlySpan<byte> labText, out LabProfile lab)
    {
        if (_lab is null || !labText.SequenceEqual(_labText))
        {
            _labDiagnostics.Clear();
            var text = labText.IsEmpty ? null : Encoding.ASCII.GetString(labText);
            _lab = LabResolver.Resolve(_plan.Interpreter.Definitions, text, null, _plan.Interpreter.Options.LabId, _labDiagnostics);
            _labText = labText.ToArray();
            _labDiagnosticsCount = _labDiagnostics.Count;
        }

        lab = _lab;
        return _labDiagnosticsCount;
    }

    /// <summary>True when a ratio can use value slot <paramref name="slot"/> (<see cref="RatioCalculator.IsUsable"/>); otherwise counts the one diagnostic RatioCalculator gives.</summary>
    private bool Usable(int slot, ref int diagnostics)
    {
        if (slot >= 0 && _present[slot] && RatioCalculator.IsUsable(_qualifiers[slot], _positive[slot]))
        {
            return true;
        }

        diagnostics++;
        return false;
    }

    /// <summary>The ratio of two usable slots, as <see cref="RatioCalculator.Divide"/> gives it.</summary>
    private double Divide(int numerator, int denominator) =>
        _scales[numerator] >= 0 && _scales[denominator] >= 0
        && DecimalQuotient.TryDivide(_mantissas[numerator], _scales[numerator], _mantissas[denominator], _scales[denominator], out var value)
            ? value
            : RatioCalculator.Divide(_amounts[numerator], _amounts[denominator]);
}
