using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Reads the records of a wide CSV after its header, from one <see cref="CsvSource"/> or several in turn (parts of the
/// same file), counting the rows and checking that no sample id repeats: a record the sink takes is read elsewhere, a
/// blank record is skipped, any other becomes an item with its panel and diagnostics.
/// </summary>
internal sealed class WideRecords
{
    private readonly SampleIds _sampleIds = new();
    private readonly IPlainRecordSink? _sink;
    private PanelAssembler? _assembler;

    // The sample ids of the items read with their checks deferred: checked by CheckDeferredSampleIds.
    private readonly List<(FieldText Id, List<Diagnostic> Diagnostics)> _deferred = [];

    /// <summary>Reads by <paramref name="layout"/>, offering records to <paramref name="sink"/> when there is one and it starts.</summary>
    public WideRecords(WideCsvLayout layout, IPlainRecordSink? sink)
    {
        Layout = layout;
        _sink = sink is not null && sink.Start(this) ? sink : null;
    }

    /// <summary>The layout the records are read by.</summary>
    public WideCsvLayout Layout { get; }

    /// <summary>How many non-blank records were read or taken so far.</summary>
    public int Rows { get; private set; }

    /// <summary>True when a sink takes records.</summary>
    public bool HasSink => _sink is not null;

    /// <summary>
    /// The items of every record of <paramref name="source"/> to its end, with the CSV layer's diagnostics. With
    /// <paramref name="deferSampleIdChecks"/>, the sample ids of the items are checked only by
    /// <see cref="CheckDeferredSampleIds"/> (for a part that may be read again, whose ids must not count twice).
    /// </summary>
    public IEnumerable<PanelReadItem> ReadAll(CsvSource source, bool deferSampleIdChecks = false)
    {
        var diagnostics = new List<Diagnostic>(); // handed on with the item it belongs to, else reused (most records have none)
        _deferred.Clear();
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

            if (_sink is not null && diagnostics.Count == 0 && _sink.TryTake(source.RawRecord, source.Line, out var readHere))
            {
                if (readHere is not null)
                {
                    yield return readHere;
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
            var item = Layout.ReadRow(source, diagnostics, ref _assembler);
            if (!deferSampleIdChecks)
            {
                CheckSampleId(diagnostics);
            }
            else if (_assembler is { SampleId: { } id })
            {
                _deferred.Add((id, diagnostics));
            }

            yield return item;
            diagnostics = []; // the item may keep the list even when it is empty
        }
    }

    /// <summary>Checks the sample ids of the items the last <see cref="ReadAll"/> read with its checks deferred.</summary>
    public void CheckDeferredSampleIds()
    {
        foreach (var (id, diagnostics) in _deferred)
        {
            _sampleIds.Check(id.Text!, id.Location, diagnostics);
        }

        _deferred.Clear();
    }

    /// <summary>
    /// Counts a non-blank record the sink takes, on <paramref name="line"/>, and remembers its sample id (ASCII bytes,
    /// trimmed; empty for none). False when an earlier row has that id: the sink then hands the record back to
    /// <see cref="ReadHere"/>, which reports the repeat.
    /// </summary>
    public bool CountTaken(ReadOnlySpan<byte> sampleId, int line)
    {
        Rows++;
        return sampleId.IsEmpty || !_sampleIds.SeenOrAdd(sampleId, line);
    }

    /// <summary>Reads a record the sink handed back (already counted by <see cref="CountTaken"/>) as any other, with its sample id checked.</summary>
    public PanelReadItem ReadHere(IWideRecord record)
    {
        var diagnostics = new List<Diagnostic>();
        var item = Layout.ReadRow(record, diagnostics, ref _assembler);
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
}
