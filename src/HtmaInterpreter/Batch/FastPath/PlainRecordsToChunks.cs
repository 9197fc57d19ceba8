using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// Puts the plain records of a wide CSV into the chunks, with the plan the workers read them by. A plain record is
/// printable ASCII (or the tab separator) on one line, without quotes and without a CSV-layer diagnostic, so that
/// splitting it at the separator (<see cref="RawWideRecord"/>) gives exactly the fields CsvHelper gives. A record whose
/// sample id an earlier row has is handed back to the reader (<see cref="WideRecords.ReadHere"/>), which reports the
/// repeat; while <see cref="Hold"/> is on, records are kept until <see cref="Commit"/>.
/// </summary>
internal sealed class PlainRecordsToChunks(IRawRecordTarget target, FastRun run) : IPlainRecordSink
{
    private WideRecords? _records;
    private WideCsvPlan? _plan;
    private int _sampleIdColumn = -1;
    private RawWideRecord? _repeated;
    private List<(byte[] Raw, int Line)>? _held;

    /// <summary>
    /// The items of a wide CSV that the general reader reads (header and file diagnostics, records that are not plain),
    /// its plain records going to <paramref name="target"/> as raw bytes.
    /// </summary>
    public static IEnumerable<PanelReadItem> Read(PanelReader reader, Stream stream, string fileName, IRawRecordTarget target, FastRun run) =>
        PlainLineScanner.Read(reader, stream, fileName, new PlainRecordsToChunks(target, run));

    public bool Start(WideRecords records)
    {
        _records = records;
        _plan = new WideCsvPlan(records.Layout, run);
        _sampleIdColumn = records.Layout.Columns.FirstOrDefault(c => c is { Kind: WideColumnKind.Metadata, Name: "sample_id" })?.Index ?? -1;
        _repeated = null;
        _held = null;
        return true;
    }

    public bool TryTake(ReadOnlySpan<byte> raw, int line, out PanelReadItem? item)
    {
        item = null;
        if (!RawWideRecord.IsPlain(raw, _records!.Layout.Separator))
        {
            return false;
        }

        if (_held is not null)
        {
            _held.Add((raw.ToArray(), line));
        }
        else
        {
            item = Take(raw, line);
        }

        return true;
    }

    /// <summary>
    /// Puts a plain record into a chunk (a blank one is skipped, as the general reader skips it) and returns null; a
    /// record whose sample id was seen before is read by the general reader instead, which reports the repeat.
    /// </summary>
    public PanelReadItem? Take(ReadOnlySpan<byte> raw, int line)
    {
        var records = _records!;
        if (RawWideRecord.IsBlank(raw, records.Layout.Separator))
        {
            return null;
        }

        if (records.CountTaken(SampleIdOf(raw), line))
        {
            target.Next(out var index).Add(index, raw, line, _plan!);
            target.Added();
            return null;
        }

        _repeated ??= new RawWideRecord(records.Layout.Separator, records.Layout.File);
        var bytes = raw.ToArray();
        _repeated.Reset(bytes, 0, bytes.Length, line);
        return records.ReadHere(_repeated);
    }

    /// <summary>From now on keeps the plain records offered (copied) until <see cref="Commit"/> or <see cref="Drop"/>.</summary>
    public void Hold() => _held = [];

    /// <summary>Forgets the records held (their part is read again).</summary>
    public void Drop() => _held = null;

    /// <summary>
    /// Checks the sample ids of the items read while holding, then hands on the records held; the items returned are
    /// those of records read by the general reader (see <see cref="Take"/>).
    /// </summary>
    public List<PanelReadItem> Commit()
    {
        _records!.CheckDeferredSampleIds();
        var held = _held ?? [];
        _held = null;
        var items = new List<PanelReadItem>();
        foreach (var (raw, line) in held)
        {
            if (Take(raw, line) is { } item)
            {
                items.Add(item);
            }
        }

        return items;
    }

    /// <summary>The sample id field of a plain record (no quotes: split at the separators), without surrounding spaces, as the general reader trims it.</summary>
    private ReadOnlySpan<byte> SampleIdOf(ReadOnlySpan<byte> raw)
    {
        if (_sampleIdColumn < 0)
        {
            return default;
        }

        var separator = (byte)_records!.Layout.Separator;
        for (var column = 0; column < _sampleIdColumn; column++)
        {
            var at = raw.IndexOf(separator);
            if (at < 0)
            {
                return default;
            }

            raw = raw[(at + 1)..];
        }

        var end = raw.IndexOf(separator);
        return (end < 0 ? raw : raw[..end]).Trim((byte)' ');
    }
}
