using System.Buffers;
using HtmaInterpreter.Oxidation;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>Writes a plain row the fast path decided straight into CSV bytes, with the cells of <see cref="BatchRowFormat"/>.</summary>
internal static class FastRowFormat
{
    /// <summary>
    /// Writes an interpreted plain row as a CSV row, exactly as <see cref="BatchRowFormat.WriteCsv(IBufferWriter{byte}, BatchResult, bool)"/>
    /// would write its result: <paramref name="sampleId"/> is printable ASCII without quotes, <paramref name="keyRatios"/>
    /// holds NaN for a ratio that is absent, <paramref name="labCell"/> is the lab profile's id as a cell and
    /// <paramref name="runCells"/> the model, rule set and version cells, each after its comma (see <see cref="BatchRowFormat.TextCell"/>).
    /// </summary>
    public static void WriteCsv(
        IBufferWriter<byte> output,
        int line,
        ReadOnlySpan<byte> sampleId,
        OxidationType type,
        OxidationType? lean,
        OxidationDegree? degree,
        ReadOnlySpan<double> keyRatios,
        IReadOnlyList<string> fired,
        int diagnosticsCount,
        ReadOnlySpan<byte> labCell,
        ReadOnlySpan<byte> runCells)
    {
        var span = output.GetSpan(BatchRowFormat.CsvFixedBound + BatchRowFormat.TextCellBound(sampleId.Length) + BatchRowFormat.FiredRulesBound(fired) + labCell.Length + runCells.Length);
        var at = 0;
        BatchRowFormat.WriteInt(span, ref at, line);
        span[at++] = (byte)',';
        BatchRowFormat.WriteTextCell(span, ref at, sampleId);

        BatchRowFormat.WriteCsvTail(span, ref at, type, lean, degree, keyRatios, fired, diagnosticsCount, hasErrors: false, shortestDoubles: true);
        span[at++] = (byte)',';
        BatchRowFormat.Write(span, ref at, labCell);
        BatchRowFormat.Write(span, ref at, runCells);
        BatchRowFormat.Write(span, ref at, ",\n"u8);
        output.Advance(at);
    }
}
