using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Reads the records of a wide CSV after its header, from one <see cref="CsvSource"/> or several in turn (parts of the
/// same file), counting the rows: a plain record goes to the sink as raw bytes when there is one, a blank record is
/// skipped, any other becomes an item with its panel and diagnostics.
/// </summary>
internal sealed class WideRecords(WideCsvLayout layout, IPlainRecordSink? sink)
{
    private PanelAssembler? _assembler;

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
                else
                {
                    Take(source.RawRecord, source.Line);
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
            yield return layout.ReadRow(source, diagnostics, ref _assembler);
            diagnostics = []; // the item may keep the list even when it is empty
        }
    }

    /// <summary>Hands on the plain records <see cref="ReadAll"/> held.</summary>
    public void Commit(List<(byte[] Raw, int Line)> held)
    {
        foreach (var (raw, line) in held)
        {
            Take(raw, line);
        }
    }

    /// <summary>Hands a plain record to the sink (a blank one is skipped, as the general reader skips it).</summary>
    public void Take(ReadOnlySpan<byte> raw, int line)
    {
        if (!RawWideRecord.IsBlank(raw, layout.Separator))
        {
            Rows++;
            sink!.Take(raw, line);
        }
    }
}
