using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Reads the records of a wide CSV after its header, from one <see cref="CsvSource"/> or several in turn (parts of the
/// same file), counting the rows: a plain record goes to the sink as raw bytes when there is one, a blank record is
/// skipped, any other becomes an item with its panel and diagnostics.
/// </summary>
internal sealed class WideRecords(WideCsvLayout layout, IPlainRecordSink? sink)
{
    private readonly SampleIds _sampleIds = new();
    private readonly int _sampleIdColumn = layout.Columns.FirstOrDefault(c => c is { Kind: WideColumnKind.Metadata, Name: "sample_id" })?.Index ?? -1;
    private PanelAssembler? _assembler;
    private RawWideRecord? _repeated;

    // The sample ids of the items read while plain records are held: checked only once they are committed.
    private readonly List<(FieldText Id, List<Diagnostic> Diagnostics)> _uncommitted = [];

    /// <summary>How many non-blank records were read or taken so far.</summary>
    public int Rows { get; private set; }

    /// <summary>True when plain records go to a sink.</summary>
    public bool TakesPlain => sink is not null;

    /// <summary>
    /// The items of every record of <paramref name="source"/> to its end, with the CSV layer's diagnostics. With
    /// <paramref name="held"/>, plain records are kept there (copied) for <see cref="Commit"/> instead of going to the sink.
    /// </summary>
    public IEnumerable<PanelReadItem> ReadAll(CsvSource source, List<(byte[] Raw, int Line)>? held = null)
    {
        var diagnostics = new List<Diagnostic>(); // handed on with the item it belongs to, else reused (most records have none)
        _uncommitted.Clear();
        var skipped = new List<Diagnostic>();
        while (true)
        {
            if (diagnostics.Count > 0)
            {
                diagnostics = [];
            }

            var more = source.Read(diagnostics, skipped);
            if (skipped.Count > 0)
            {
                // Records skipped as too long: an item of their own, before the record read after them.
                yield return new PanelReadItem(null, skipped);
                skipped = [];
            }

            if (!more)
            {
                if (diagnostics.Count > 0)
                {
                    yield return new PanelReadItem(null, diagnostics);
                }

                yield break;
            }

            if (sink is not null && diagnostics.Count == 0 && RawWideRecord.IsPlain(source.RawRecord, layout.Separator))
            {
                if (held is not null)
                {
                    held.Add((source.RawRecord.ToArray(), source.Line));
                }
                else if (Take(source.RawRecord, source.Line) is { } repeated)
                {
                    yield return repeated;
                }

                continue;
            }

            if (CsvPanelReader.IsBlankRecord(source))
            {
                if (diagnostics.Count > 0)
                {
                    yield return new PanelReadItem(null, diagnostics);
                }

                continue;
            }

            Rows++;
            var item = layout.ReadRow(source, diagnostics, ref _assembler);
            if (held is null)
            {
                CheckSampleId(diagnostics);
            }
            else if (_assembler is { SampleId: { } id })
            {
                _uncommitted.Add((id, diagnostics));
            }

            yield return item;
            diagnostics = []; // the item may keep the list even when it is empty
        }
    }

    /// <summary>
    /// Hands on the plain records <see cref="ReadAll"/> held, and checks the sample ids of the items it gave; the items
    /// returned are those of records read here (see <see cref="Take"/>).
    /// </summary>
    public List<PanelReadItem> Commit(List<(byte[] Raw, int Line)> held)
    {
        foreach (var (id, diagnostics) in _uncommitted)
        {
            _sampleIds.Check(id.Text!, id.Location, diagnostics);
        }

        _uncommitted.Clear();
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

    /// <summary>
    /// Hands a plain record to the sink (a blank one is skipped, as the general reader skips it) and returns null; a
    /// record whose sample id was seen before is read here instead, by the general reader, which reports the repeat.
    /// </summary>
    public PanelReadItem? Take(ReadOnlySpan<byte> raw, int line)
    {
        if (RawWideRecord.IsBlank(raw, layout.Separator))
        {
            return null;
        }

        Rows++;
        var id = SampleIdOf(raw);
        if (id.IsEmpty || !_sampleIds.SeenOrAdd(id, line))
        {
            sink!.Take(raw, line);
            return null;
        }

        _repeated ??= new RawWideRecord(layout.Separator, layout.File);
        var bytes = raw.ToArray();
        _repeated.Reset(bytes, 0, bytes.Length, line);
        var diagnostics = new List<Diagnostic>();
        var item = layout.ReadRow(_repeated, diagnostics, ref _assembler);
        CheckSampleId(diagnostics);
        return item;
    }

    /// <summary>Reports the sample id of the row just read when an earlier row has it too (<see cref="SampleIds"/>).</summary>
    private void CheckSampleId(List<Diagnostic> diagnostics)
    {
        if (_assembler is { HasSampleId: true, SampleId: { } id })
        {
            _sampleIds.Check(id.Text!, id.Location, diagnostics);
        }
    }

    /// <summary>The sample id field of a plain record (no quotes: split at the separators), without surrounding spaces, as the general reader trims it.</summary>
    private ReadOnlySpan<byte> SampleIdOf(ReadOnlySpan<byte> raw)
    {
        if (_sampleIdColumn < 0)
        {
            return default;
        }

        var separator = (byte)layout.Separator;
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
