using System.Buffers;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Labs;

namespace HtmaInterpreter.Batch;

/// <summary>
/// Writes a row the fast path decided (<see cref="WideCsvRowInterpreter"/>) straight into CSV bytes, with the cells of
/// <see cref="BatchRowFormat"/>, and makes its result when one is asked for. Lives in <c>Batch/</c>, not in the fast
/// path, because it is the row format's: the fast path hands out its values and never names the format or the result.
/// The cells every row of a run repeats (the model, the rule set and its version, and each lab profile's id) are made
/// once. Immutable; safe on any thread.
/// </summary>
internal sealed class FastRowFormat
{
    private readonly (LabProfile Lab, byte[] Cell)[] _labCells;
    private readonly byte[] _runCells;
    private readonly string _modelId;
    private readonly string _ruleSetName;
    private readonly string _ruleSetVersion;

    /// <summary>The cells of a run of <paramref name="interpreter"/> with <paramref name="model"/>.</summary>
    public FastRowFormat(Interpreter interpreter, Oxidation.OxidationModel model)
    {
        var rules = interpreter.Rules;
        _modelId = model.Id;
        _ruleSetName = rules.Name;
        _ruleSetVersion = rules.Version;
        _runCells = [.. Cell(model.Id), .. Cell(rules.Name), .. Cell(rules.Version)];
        _labCells = interpreter.Definitions.Labs.Select(lab => (lab, BatchRowFormat.TextCell(lab.Id))).ToArray();
    }

    /// <summary>
    /// Writes a decided row as a CSV row, exactly as <see cref="BatchRowFormat.WriteCsv(IBufferWriter{byte}, BatchResult, bool)"/>
    /// would write its result (<see cref="Result"/>): the sample id of a decided row is printable ASCII without quotes.
    /// </summary>
    public void WriteCsv(IBufferWriter<byte> output, WideCsvRowInterpreter row)
    {
        var sampleId = row.SampleId;
        var fired = row.FiredRules;
        var labCell = LabCell(row.Lab);
        var span = output.GetSpan(BatchRowFormat.CsvFixedBound + BatchRowFormat.TextCellBound(sampleId.Length) + BatchRowFormat.FiredRulesBound(fired) + labCell.Length + _runCells.Length);
        var at = 0;
        BatchRowFormat.WriteInt(span, ref at, row.Line);
        span[at++] = (byte)',';
        BatchRowFormat.WriteTextCell(span, ref at, sampleId);

        BatchRowFormat.WriteCsvTail(span, ref at, row.Type, row.Lean, row.Degree, row.KeyRatios, fired, row.DiagnosticsCount, hasErrors: false, shortestDoubles: true);
        span[at++] = (byte)',';
        BatchRowFormat.Write(span, ref at, labCell);
        BatchRowFormat.Write(span, ref at, _runCells);
        BatchRowFormat.Write(span, ref at, ",\n"u8);
        output.Advance(at);
    }

    /// <summary>The result of a decided row, as the general path would give it.</summary>
    public BatchResult Result(WideCsvRowInterpreter row)
    {
        var keyRatios = new double?[row.KeyRatios.Length];
        for (var k = 0; k < keyRatios.Length; k++)
        {
            keyRatios[k] = double.IsNaN(row.KeyRatios[k]) ? null : row.KeyRatios[k];
        }

        return new BatchResult
        {
            Line = row.Line,
            SampleId = System.Text.Encoding.ASCII.GetString(row.SampleId),
            Oxidation = row.Type,
            Lean = row.Lean,
            Degree = row.Degree,
            KeyRatios = keyRatios,
            FiredRules = row.FiredRules,
            DiagnosticsCount = row.DiagnosticsCount,
            HasErrors = false,
            ReadDiagnostics = [],
            LabProfileId = row.Lab.Id,
            ModelId = _modelId,
            RuleSetName = _ruleSetName,
            RuleSetVersion = _ruleSetVersion,
        };
    }

    private byte[] LabCell(LabProfile lab)
    {
        foreach (var (known, cell) in _labCells)
        {
            if (ReferenceEquals(known, lab))
            {
                return cell;
            }
        }

        return BatchRowFormat.TextCell(lab.Id); // not one of the definitions' profiles: cannot happen, but stays right
    }

    private static byte[] Cell(string text) => [(byte)',', .. BatchRowFormat.TextCell(text)];
}
