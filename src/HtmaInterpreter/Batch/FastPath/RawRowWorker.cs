using System.Buffers;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>Interprets the raw records of the chunks one batch worker takes (not thread-safe: one per worker).</summary>
internal sealed class RawRowWorker(BatchInterpreter batch)
{
    private WideCsvRowInterpreter? _rows;

    /// <summary>
    /// Interprets record <paramref name="index"/> of <paramref name="records"/>. With <paramref name="csv"/>, a row the
    /// fast path decides is written there and added to <paramref name="summary"/>, and null is returned; any other row
    /// comes back as the general path's result, for the caller to write.
    /// </summary>
    public BatchResult? Interpret(RawRecords records, int index, IBufferWriter<byte>? csv, BatchSummaryBuilder? summary)
    {
        if (_rows is null || !ReferenceEquals(_rows.Plan, records.Plan))
        {
            _rows = new WideCsvRowInterpreter(records.Plan!, batch);
        }

        return csv is not null
            ? _rows.InterpretToCsv(records.Bytes, records.Offsets[index], records.Lengths[index], records.Lines[index], csv, summary)
            : _rows.Interpret(records.Bytes, records.Offsets[index], records.Lengths[index], records.Lines[index]);
    }
}
