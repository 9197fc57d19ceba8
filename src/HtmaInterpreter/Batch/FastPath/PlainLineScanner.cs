using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// Reads a wide CSV for a batch without putting every line through CsvHelper: a line that is a record on its own for
/// any CSV reading (printable ASCII, no quote, not a <c>#</c> comment) is split out of the bytes here and handed to the
/// sink with its line number. Any other line is read by a <see cref="CsvSource"/> over the header and that line alone
/// (numbered as in the file), which gives what reading the whole file would give, unless a quote in it runs past the
/// line, it holds a carriage return, it is longer than <see cref="InputLimits.MaxRecordCharacters"/> bytes or it is the 65th line read alone: from such a line on, the
/// rest of the file is read by one <see cref="CsvSource"/>, as the general reader does.
/// A file that does not start with its header line (metadata, comments or blank lines first), or whose header has a
/// quote or control characters (a carriage return alone, or the zero bytes of UTF-16 text, which the general reader
/// decodes by its byte order mark), is read by the general reader from the start (<paramref name="general"/>).
/// </summary>
internal sealed class PlainLineScanner(Stream stream, string fileName, ElementCatalog catalog, PlainRecordsToChunks sink, Func<Stream, IEnumerable<PanelReadItem>> general)
{
    /// <summary>
    /// The items of a wide CSV as <see cref="PanelReader.ReadWideCsvStream(Stream, string, IPlainRecordSink)"/> gives
    /// them, plain records going to <paramref name="sink"/>, with the lines that are records on their own split out here.
    /// </summary>
    public static IEnumerable<PanelReadItem> Read(PanelReader reader, Stream stream, string fileName, PlainRecordsToChunks sink)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var scanner = new PlainLineScanner(stream, fileName, reader.Options.Catalog, sink, input => reader.ReadWideCsvStream(input, fileName, sink));
        return PanelReader.Guarded(scanner.Read(), fileName);
    }

    private const int InitialBufferSize = 1 << 16;
    private const int MaxLine = InputLimits.MaxRecordCharacters; // bytes: a line longer in characters is longer in bytes too
    private const int MaxLinesReadAlone = 64;
    private byte[] _buffer = new byte[InitialBufferSize];
    private int _start;
    private int _end;
    private bool _endOfInput;
    private int _linesReadAlone;

    // Bytes that are not valid UTF-8 are on lines read as CSV (a plain line is ASCII): counted there, reported at the end.
    private readonly Utf8Decoding _decoding = new();

    public IEnumerable<PanelReadItem> Read()
    {
        // The header: the first line, after a byte order mark.
        var headerEnd = FindLineEnd();
        var bom = _end >= 3 && _buffer[0] == 0xEF && _buffer[1] == 0xBB && _buffer[2] == 0xBF ? 3 : 0;
        var headerText = headerEnd < 0 ? null : Encoding.UTF8.GetString(TrimCarriageReturn(_buffer.AsSpan(bom, headerEnd - bom)));
        // A second byte order mark is one the general reader strips again: that rare file is left to it.
        if (headerText is null || string.IsNullOrWhiteSpace(headerText) || headerText.Contains('"') || headerText.TrimStart().StartsWith('#')
            || headerText.StartsWith('\uFEFF')
            || headerText.AsSpan().IndexOfAnyInRange('\0', '\u0008') >= 0 || headerText.AsSpan().IndexOfAnyInRange('\u000A', '\u001F') >= 0)
        {
            foreach (var item in general(Remaining()))
            {
                yield return item;
            }

            yield break;
        }

        _decoding.Count(_buffer.AsSpan(bom, headerEnd - bom));
        var diagnostics = new List<Diagnostic>();
        using var header = CsvSource.Open(new StringReader(headerText + "\n"), fileName, diagnostics, decoding: _decoding);
        if (header is null)
        {
            yield return new PanelReadItem(null, diagnostics); // too many columns: the file is not read
            yield break;
        }

        if (CsvPanelReader.LayoutOf(header.Headers) != PanelFormat.CsvWide)
        {
            yield return new PanelReadItem(null, [PanelReader.NotWideHeader(header)]);
            yield break;
        }

        var layout = CsvPanelReader.WideLayout(header, fileName, catalog);
        if (layout.HeaderDiagnostics.Count > 0)
        {
            yield return new PanelReadItem(null, layout.HeaderDiagnostics);
        }

        var records = new WideRecords(layout, sink);
        _start = headerEnd + 1;
        var line = 1;
        while (true)
        {
            var end = FindLineEnd();
            if (end == -2)
            {
                // A line longer than the scanner keeps (or lone carriage returns): the rest goes to one CSV reader.
                foreach (var item in ReadRest(headerText, line + 1, records))
                {
                    yield return item;
                }

                break;
            }

            if (end < 0 && _start == _end)
            {
                break; // the end of the input, after a line break
            }

            var lineEnd = end < 0 ? _end : end;
            var text = TrimCarriageReturn(_buffer.AsSpan(_start, lineEnd - _start));
            line++;
            if (text.Length == 0)
            {
                // An empty line: every CSV reading skips it.
            }
            else if (text[0] != (byte)'#' && RawWideRecord.IsPlain(text, layout.Separator) && records.HasSink)
            {
                if (sink.Take(text, line) is { } repeated)
                {
                    yield return repeated; // a sample id seen before: read here, with the warning
                }
            }
            else
            {
                // A line to read as CSV: on its own unless a quote in it runs past it.
                // A carriage return inside the line is a line break to CSV readers, which then number the lines after
                // it differently: the rest goes to one reader too.
                // Reading lines alone costs a CSV reader each: a file with many such lines goes to one reader.
                var runsPast = text.Contains((byte)'\r') || ++_linesReadAlone > MaxLinesReadAlone;
                var alone = runsPast ? [] : ReadAlone(headerText, _buffer.AsSpan(_start, (end < 0 ? _end : end + 1) - _start), line, records, out runsPast);
                if (runsPast)
                {
                    foreach (var item in ReadRest(headerText, line, records))
                    {
                        yield return item;
                    }

                    break;
                }

                foreach (var item in alone)
                {
                    yield return item;
                }
            }

            if (end < 0)
            {
                break; // the last line, without a line break
            }

            _start = end + 1;
        }

        if (records.Rows == 0)
        {
            yield return layout.NoRows();
        }

        if (_decoding.Warning(fileName) is { } invalidText)
        {
            yield return new PanelReadItem(null, [invalidText]); // where the general reader reports it
        }
    }

    /// <summary>
    /// Reads one line as CSV on its own (after the header, numbered <paramref name="line"/>); the items are kept until it
    /// is known that no quote ran past the line (<paramref name="runsPast"/>), and plain records are handed on only then.
    /// </summary>
    private List<PanelReadItem> ReadAlone(string headerText, ReadOnlySpan<byte> lineBytes, int line, WideRecords records, out bool runsPast)
    {
        var diagnostics = new List<Diagnostic>();
        var text = new StringReader(headerText + "\n" + Encoding.UTF8.GetString(lineBytes));
        var (invalidBytes, firstReplacement) = (_decoding.InvalidBytes, _decoding.FirstReplacement);
        using var source = CsvSource.Open(text, fileName, diagnostics, firstLine: line - 1, decoding: _decoding)!;
        sink.Hold();
        var items = records.ReadAll(source, deferSampleIdChecks: true).ToList();
        runsPast = source.QuoteRanPastLine || source.Failed;
        if (runsPast)
        {
            sink.Drop();
            _decoding.Rewind(invalidBytes, firstReplacement); // the line is read again with the rest
        }
        else
        {
            _decoding.Count(lineBytes);
            items.AddRange(sink.Commit());
        }

        return items;
    }

    /// <summary>Reads the rest of the input, from the line at <see cref="_start"/> (numbered <paramref name="line"/>) on, as one CSV.</summary>
    private IEnumerable<PanelReadItem> ReadRest(string headerText, int line, WideRecords records)
    {
        var diagnostics = new List<Diagnostic>();
        using var text = new StreamReader(Remaining(), _decoding.EncodingWithoutPreamble, detectEncodingFromByteOrderMarks: false);
        using var source = CsvSource.Open(new PrefixedTextReader(headerText + "\n", text), fileName, diagnostics, firstLine: line - 1, decoding: _decoding)!;
        foreach (var item in records.ReadAll(source))
        {
            yield return item;
        }
    }

    /// <summary>The input from <see cref="_start"/> on: the bytes still buffered, then the rest of the stream.</summary>
    private ReplayStream Remaining() => new(_buffer.AsSpan(_start, _end - _start).ToArray(), stream);

    /// <summary>
    /// The index of the next line feed at or after <see cref="_start"/>, reading more input as needed; -1 at the end of
    /// the input, -2 for a line longer than the scanner keeps.
    /// </summary>
    private int FindLineEnd()
    {
        var searched = _start;
        while (true)
        {
            var at = _buffer.AsSpan(searched, _end - searched).IndexOf((byte)'\n');
            if (at >= 0)
            {
                return searched + at;
            }

            if (_endOfInput)
            {
                return -1;
            }

            // Keep what is not yet read at the front, make room, and read more.
            if (_start > 0)
            {
                _buffer.AsSpan(_start, _end - _start).CopyTo(_buffer);
                _end -= _start;
                _start = 0;
            }

            searched = _end;
            if (_end == _buffer.Length)
            {
                if (_buffer.Length >= MaxLine)
                {
                    return -2;
                }

                Array.Resize(ref _buffer, _buffer.Length * 2); // a line longer than the buffer
            }

            var read = stream.Read(_buffer, _end, _buffer.Length - _end);
            if (read == 0)
            {
                _endOfInput = true;
            }

            _end += read;
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;
}
