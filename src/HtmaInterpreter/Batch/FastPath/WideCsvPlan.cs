using HtmaInterpreter.Definitions;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>What a wide CSV column means to the batch's fast row reader.</summary>
internal enum FastColumn : byte
{
    /// <summary>Not read by the interpretation (subject_id, columns the reader does not know).</summary>
    Ignored,
    SampleId,
    Lab,
    Sex,
    Age,
    Collected,
    Treatment,
    Measurement,
}

/// <summary>
/// Everything the batch's fast row reader (<see cref="WideCsvRowInterpreter"/>) needs to know about one file and one
/// interpreter, worked out once from the header: what each column holds, which element slot of the rules and which
/// ratio each value feeds. Immutable; shared by the workers of a run.
/// </summary>
/// <remarks>
/// The fast reader only takes rows it can read exactly as <see cref="WideCsvLayout.ReadRow"/> would without any
/// diagnostic; <see cref="IsUsable"/> is false when the header itself rules that out (a row-level default unit column,
/// an element column without a known unit), and every row then takes the general path. A repeated element or field
/// column is no obstacle: the layout keeps it as a column of its own that is not read.
/// </remarks>
internal sealed class WideCsvPlan
{
    public WideCsvPlan(WideCsvLayout layout, FastRun run)
    {
        Layout = layout;
        Run = run;
        var interpreter = run.Interpreter;
        Interpreter = interpreter;
        var definitions = interpreter.Definitions;
        var compiled = interpreter.Rules.Compiled;
        Columns = new FastColumn[layout.HeaderCount];
        Units = new ConcentrationUnit[layout.HeaderCount];
        ValueSlot = new int[layout.HeaderCount];
        var symbols = new List<string>();
        var usable = true;
        var fields = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var column in layout.Columns)
        {
            if (column.Kind == WideColumnKind.Metadata)
            {
                if (!fields.Add(column.Name.Trim()))
                {
                    usable = false; // reported by the assembler as a duplicate field
                }

                Columns[column.Index] = column.Name switch
                {
                    "sample_id" => FastColumn.SampleId,
                    "lab" => FastColumn.Lab,
                    "sex" => FastColumn.Sex,
                    "age" => FastColumn.Age,
                    "collected" => FastColumn.Collected,
                    "treatment" => FastColumn.Treatment,
                    _ => FastColumn.Ignored,
                };
                usable &= column.Name != "unit"; // a row-level default unit: the general reader resolves it
                continue;
            }

            if (column.Unit is null || !Panels.Units.TryParse(column.Unit, out var unit)
                || !layout.Catalog.TryFind(column.Name.Trim(), out var element) || symbols.Contains(element.Symbol))
            {
                usable = false;
                continue;
            }

            Columns[column.Index] = FastColumn.Measurement;
            Units[column.Index] = unit;
            ValueSlot[column.Index] = symbols.Count;
            symbols.Add(element.Symbol);
        }

        Symbols = symbols.ToArray();
        RuleSlot = symbols.Select(s => compiled.ElementIndex.TryGetValue(s, out var slot) ? slot : -1).ToArray();

        var ratios = definitions.Ratios;
        RatioNumerator = ratios.Select(r => symbols.IndexOf(r.Numerator)).ToArray();
        RatioDenominator = ratios.Select(r => symbols.IndexOf(r.Denominator)).ToArray();
        RatioRuleSlot = ratios.Select(r => compiled.RatioIndex.TryGetValue(r.Name, out var slot) ? slot : -1).ToArray();
        KeyRatio = run.KeyRatioNames.Select(name => IndexOfRatio(ratios, name)).ToArray();

        usable &= run.Model is not null; // an unknown model is an error the general path reports
        Model = run.Model ?? definitions.DefaultModel;
        DecidingRatio = Model.DecidingRatios.Select(d => IndexOfRatio(ratios, d.Ratio)).ToArray();
        DegreeRatio = Model.Degree is { } degree ? IndexOfRatio(ratios, degree.Ratio) : -1;
        FourLowsSlot = Model.FourLows is { } fourLows ? fourLows.Conditions.Keys.Select(symbol => symbols.IndexOf(symbol)).ToArray() : null;

        // A ratio's value is only worked out when something reads it (a rule, the model or the result); the others
        // still count their diagnostics.
        RatioNeeded = new bool[ratios.Count];
        for (var r = 0; r < ratios.Count; r++)
        {
            RatioNeeded[r] = (RatioRuleSlot[r] >= 0 && RatioRuleSlot[r] < compiled.RatiosRead.Length && compiled.RatiosRead[RatioRuleSlot[r]])
                || KeyRatio.Contains(r) || DecidingRatio.Contains(r) || DegreeRatio == r;
        }

        // A value nothing reads (no rule, ratio or four-lows test) still has to be read, to know that the general
        // reader would take it without a diagnostic, but is not kept.
        ValueUsed = new bool[Symbols.Length];
        for (var slot = 0; slot < Symbols.Length; slot++)
        {
            ValueUsed[slot] = RuleSlot[slot] >= 0 || RatioNumerator.Contains(slot) || RatioDenominator.Contains(slot)
                || (FourLowsSlot?.Contains(slot) ?? false);
        }

        IsUsable = usable && Columns.Contains(FastColumn.SampleId);
    }

    public WideCsvLayout Layout { get; }

    public Interpreter Interpreter { get; }

    /// <summary>What the batch handed the fast path for the run.</summary>
    public FastRun Run { get; }

    /// <summary>False when every row must take the general path.</summary>
    public bool IsUsable { get; }

    /// <summary>What each column (by index) holds.</summary>
    public FastColumn[] Columns { get; }

    /// <summary>The unit of each measurement column.</summary>
    public ConcentrationUnit[] Units { get; }

    /// <summary>The value slot (index of <see cref="Symbols"/>) of each measurement column.</summary>
    public int[] ValueSlot { get; }

    /// <summary>The element of each value slot.</summary>
    public string[] Symbols { get; }

    /// <summary>By value slot: whether a rule, a ratio or the four-lows test reads the value.</summary>
    public bool[] ValueUsed { get; }

    /// <summary>The rules' element slot of each value slot, or -1 when no rule reads the element.</summary>
    public int[] RuleSlot { get; }

    /// <summary>By ratio definition: the value slot of the numerator, or -1 when the file has no column for it.</summary>
    public int[] RatioNumerator { get; }

    /// <summary>By ratio definition: the value slot of the denominator, or -1.</summary>
    public int[] RatioDenominator { get; }

    /// <summary>By ratio definition: the rules' ratio slot, or -1.</summary>
    public int[] RatioRuleSlot { get; }

    /// <summary>By ratio definition: whether the ratio's value is read (by a rule condition, the oxidation model or the result).</summary>
    public bool[] RatioNeeded { get; }

    /// <summary>The ratio definition of each of <see cref="FastRun.KeyRatioNames"/>, or -1.</summary>
    public int[] KeyRatio { get; }

    /// <summary>The oxidation model.</summary>
    public OxidationModel Model { get; }

    /// <summary>The ratio definition of each of the model's deciding ratios, or -1.</summary>
    public int[] DecidingRatio { get; }

    /// <summary>The ratio definition of the model's degree ratio, or -1.</summary>
    public int DegreeRatio { get; }

    /// <summary>The value slot of the element of each of the model's four-lows conditions, in their order (-1 when the file has no column), or <c>null</c> when the model has none.</summary>
    public int[]? FourLowsSlot { get; }

    private static int IndexOfRatio(IReadOnlyList<RatioDefinition> ratios, string name)
    {
        for (var i = 0; i < ratios.Count; i++)
        {
            if (string.Equals(ratios[i].Name, name, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }
}
