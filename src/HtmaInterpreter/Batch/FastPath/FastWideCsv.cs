using System.Buffers;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// The one way <see cref="BatchInterpreter"/> reaches the fast path: starting the rule set's compiled mask, reading a
/// wide CSV with its plain records going to the chunks as raw bytes, and (an instance per chunk) holding those records
/// and interpreting them. A chunk is worked by one worker at a time, so an instance is not thread-safe.
/// </summary>
internal sealed class FastWideCsv(int size)
{
    private readonly RawRecords _records = new(size);
    private WideCsvRowInterpreter? _rows;

    /// <summary>
    /// Starts compiling <paramref name="rules"/> into one mask method on the thread pool (see <see cref="FiredMaskCompiler"/>),
    /// so that it is ready by the time the rows come.
    /// </summary>
    public static void StartMaskCompiler(RuleSet rules) => FiredMaskCompiler.Start(rules);

    /// <summary>
    /// The items of a wide CSV that the general reader reads (header and file diagnostics, records that are not plain),
    /// its plain records going to <paramref name="target"/>'s chunks as raw bytes, with the header's plan.
    /// </summary>
    public static IEnumerable<PanelReadItem> Read(PanelReader reader, Stream stream, string fileName, IRawRecordTarget target, Interpreter interpreter) =>
        PlainRecordsToChunks.Read(reader, stream, fileName, target, interpreter);

    /// <summary>Copies a record in as the chunk's item <paramref name="index"/>.</summary>
    internal void Add(int index, ReadOnlySpan<byte> raw, int line, WideCsvPlan plan) => _records.Add(index, raw, line, plan);

    /// <summary>
    /// Interprets raw record <paramref name="index"/>. With <paramref name="csv"/>, a row the fast path decides is
    /// written there and added to <paramref name="summary"/>, and null is returned; any other row comes back as the
    /// general path's result, for the caller to write.
    /// </summary>
    public BatchResult? Interpret(int index, BatchInterpreter batch, IBufferWriter<byte>? csv, BatchSummaryBuilder? summary)
    {
        var records = _records;
        if (_rows is null || !ReferenceEquals(_rows.Plan, records.Plan))
        {
            _rows = new WideCsvRowInterpreter(records.Plan!, batch);
        }

        return csv is not null
            ? _rows.InterpretToCsv(records.Bytes, records.Offsets[index], records.Lengths[index], records.Lines[index], csv, summary)
            : _rows.Interpret(records.Bytes, records.Offsets[index], records.Lengths[index], records.Lines[index]);
    }

    /// <summary>Empties the records for the chunk's next use (the row interpreter is kept for the same plan).</summary>
    public void Recycle() => _records.Recycle();
}
