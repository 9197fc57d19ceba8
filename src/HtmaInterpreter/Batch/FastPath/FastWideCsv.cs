using System.Diagnostics.CodeAnalysis;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// The one way <c>BatchInterpreter</c> reaches the fast path: starting the rule set's compiled mask, reading a
/// wide CSV with its plain records going to the chunks as raw bytes, and (an instance per chunk) holding those records
/// and deciding them. It never calls back into the batch: what it needs comes in a <see cref="FastRun"/>, a row it
/// decides is handed out as its values (<see cref="WideCsvRowInterpreter"/>), and a row it cannot take as the item the
/// general reader read, for the batch to interpret. A chunk is worked by one worker at a time, so an instance is not
/// thread-safe.
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
    public static IEnumerable<PanelReadItem> Read(PanelReader reader, Stream stream, string fileName, IRawRecordTarget target, FastRun run) =>
        PlainRecordsToChunks.Read(reader, stream, fileName, target, run);

    /// <summary>Copies a record in as the chunk's item <paramref name="index"/>.</summary>
    internal void Add(int index, ReadOnlySpan<byte> raw, int line, WideCsvPlan plan) => _records.Add(index, raw, line, plan);

    /// <summary>
    /// Decides raw record <paramref name="index"/>: true with the decided row (valid until the next call), or false with
    /// the item the general reader read from it, for the general path.
    /// </summary>
    public bool TryDecide(int index, [NotNullWhen(true)] out WideCsvRowInterpreter? row, [NotNullWhen(false)] out PanelReadItem? general)
    {
        var records = _records;
        if (_rows is null || !ReferenceEquals(_rows.Plan, records.Plan))
        {
            _rows = new WideCsvRowInterpreter(records.Plan!);
        }

        row = _rows;
        return _rows.TryDecide(records.Bytes, records.Offsets[index], records.Lengths[index], records.Lines[index], out general);
    }

    /// <summary>Empties the records for the chunk's next use (the row interpreter is kept for the same plan).</summary>
    public void Recycle() => _records.Recycle();
}
