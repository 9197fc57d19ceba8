using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using CsvHelper;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>A <c># key: value</c> line before a CSV header.</summary>
internal sealed record MetadataLine(string Key, FieldText Value);

/// <summary>
/// A CSV input positioned on its header: the leading <c># key: value</c> metadata lines and <c>#</c> comments are read
/// here, the separator is chosen from the header (<c>;</c> means decimal commas), and the records are read with
/// CsvHelper one at a time, with each record's real line number and each field's column.
/// </summary>
internal sealed partial class CsvSource : IDisposable, IWideRecord
{
    private readonly CsvReader _csv;
    private readonly BoundedRecordReader _records;
    private readonly List<Diagnostic> _pending = [];
    private readonly string? _file;
    private readonly int _lineOffset;
    private bool _fieldStartsKnown;
    private int[] _fieldLineDeltas = new int[32];
    private int[] _fieldColumns = new int[32];
    private int _fieldStartCount;
    private bool _failed;
    private List<(int LineDelta, int Column)>? _headerStarts;
    private readonly Utf8Decoding? _decoding;

    private CsvSource(CsvReader csv, BoundedRecordReader records, string? file, int headerLine, string headerText, char separator, IReadOnlyList<MetadataLine> metadata, Utf8Decoding? decoding)
    {
        _csv = csv;
        _decoding = decoding;
        _records = records;
        _file = file;
        _lineOffset = headerLine - 1;
        HeaderLine = headerLine;
        HeaderText = headerText;
        Separator = separator;
        Metadata = metadata;
        Headers = SplitHeader(headerText, separator);
    }

    public IReadOnlyList<MetadataLine> Metadata { get; }

    public string[] Headers { get; }

    public int HeaderLine { get; }

    public string HeaderText { get; }

    public char Separator { get; }

    /// <summary>True when the separator is <c>;</c>: European exports then write decimal commas.</summary>
    public bool DecimalComma => Separator == ';';

    /// <summary>The real 1-based line where the current record starts.</summary>
    public int Line { get; private set; }

    public int FieldCount => _csv.FieldCount;

    /// <summary>The current record as it appears in the input (UTF-8), without the line break; valid until the next read.</summary>
    public ReadOnlySpan<byte> RawRecord => _csv.RawRecord;

    [GeneratedRegex(@"^#\s*(?<key>[A-Za-z_][A-Za-z0-9_]*)\s*:\s*(?<value>.*?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex MetadataPattern();

    /// <summary>
    /// Moves to the next record. Errors of the CSV layer become diagnostics in <paramref name="diagnostics"/>; those of
    /// records skipped before it as too long go to <paramref name="skipped"/> when given (they belong to no record).
    /// </summary>
    public bool Read(List<Diagnostic> diagnostics, List<Diagnostic>? skipped = null)
    {
        skipped ??= diagnostics;
        if (_failed)
        {
            return false;
        }

        bool more;
        try
        {
            more = _csv.Read();
        }
        catch (CsvFormatException exception)
        {
            _failed = true;
            AddTooLong(skipped, int.MaxValue);
            diagnostics.AddRange(_pending);
            _pending.Clear();
            var line = exception.LineNumber > 0 ? (int)exception.LineNumber + _lineOffset : (int?)null;
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.MalformedQuoting,
                "The CSV cannot be read past this point (a record is malformed or too large); the rest of the file is skipped.",
                new SourceLocation(_file, line)));
            return false;
        }

        var recordLine = more ? (int)_csv.LineNumber + _lineOffset : int.MaxValue;
        AddTooLong(skipped, recordLine);
        diagnostics.AddRange(_pending);
        _pending.Clear();
        if (!more)
        {
            return false;
        }

        _fieldStartsKnown = false;
        Line = recordLine;
        if (_decoding is { FirstReplacement: null } && _csv.RawRecord.IndexOf("\uFFFD"u8) >= 0)
        {
            LocateReplacement(_decoding);
        }

        return true;
    }

    /// <summary>Locates the first U+FFFD of the input in the current record: the field holding it, else the record.</summary>
    private void LocateReplacement(Utf8Decoding decoding)
    {
        for (var i = 0; i < FieldCount; i++)
        {
            if (Get(i) is { } text && text.Contains('\uFFFD', StringComparison.Ordinal))
            {
                decoding.Found(FieldLocation(i, i < Headers.Length ? Headers[i] : null));
                return;
            }
        }

        decoding.Found(new SourceLocation(_file, Line));
    }

    /// <summary>Reports the records dropped as too long that started before <paramref name="line"/>.</summary>
    private void AddTooLong(List<Diagnostic> diagnostics, int line)
    {
        while (_records.TooLong.TryPeek(out var record) && record.Line < line)
        {
            _records.TooLong.Dequeue();
            var field = record.FieldIndex >= 0 && record.FieldIndex < Headers.Length ? Headers[record.FieldIndex] : null;
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.RecordTooLong,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"This record is longer than {InputLimits.MaxRecordCharacters:N0} characters, usually because a quote opened here is never closed. ") +
                "It is skipped; reading goes on at the next line.",
                new SourceLocation(_file, record.Line, record.Column, field)));
        }
    }

    /// <summary>The text of field <paramref name="index"/>, or <c>null</c> when empty or missing.</summary>
    public string? Get(int index)
    {
        if (index < 0 || index >= _csv.FieldCount)
        {
            return null;
        }

        var value = _csv.GetString(index);
        return string.IsNullOrEmpty(value) ? null : value;
    }

    /// <summary>The location of field <paramref name="index"/> of the current record (columns computed once per record).</summary>
    public SourceLocation FieldLocation(int index, string? field)
    {
        if (!_fieldStartsKnown)
        {
            ComputeFieldStarts();
        }

        var at = index < _fieldStartCount ? index : _fieldStartCount - 1;
        return new SourceLocation(_file, Line + _fieldLineDeltas[at], _fieldColumns[at], field);
    }

    /// <summary>
    /// Fills the field starts of the current record. An ASCII record (the usual case) is scanned as bytes, into arrays
    /// kept from record to record; any other goes through the general <see cref="FieldStarts"/> on the decoded text.
    /// </summary>
    private void ComputeFieldStarts()
    {
        _fieldStartsKnown = true;
        ReadOnlySpan<byte> raw = _csv.RawRecord;
        if (System.Text.Ascii.IsValid(raw))
        {
            _fieldStartCount = 0;
            AddFieldStart(0, 1);
            int lineDelta = 0, column = 1;
            var inQuotes = false;
            var separator = (byte)Separator;
            foreach (var b in raw)
            {
                column++;
                if (b == (byte)'"')
                {
                    inQuotes = !inQuotes;
                }
                else if (b == separator && !inQuotes)
                {
                    AddFieldStart(lineDelta, column);
                }
                else if (b == (byte)'\n')
                {
                    lineDelta++;
                    column = 1;
                }
            }

            return;
        }

        var starts = FieldStarts(Encoding.UTF8.GetString(raw), Separator);
        _fieldStartCount = 0;
        foreach (var (lineDelta, column) in starts)
        {
            AddFieldStart(lineDelta, column);
        }
    }

    private void AddFieldStart(int lineDelta, int column)
    {
        if (_fieldStartCount == _fieldColumns.Length)
        {
            Array.Resize(ref _fieldColumns, _fieldColumns.Length * 2);
            Array.Resize(ref _fieldLineDeltas, _fieldLineDeltas.Length * 2);
        }

        _fieldLineDeltas[_fieldStartCount] = lineDelta;
        _fieldColumns[_fieldStartCount] = column;
        _fieldStartCount++;
    }

    /// <summary>The field of the current record at <paramref name="index"/> with its location.</summary>
    public FieldText Field(int index, string? fieldName) => new(Get(index), FieldLocation(index, fieldName));

    /// <summary>The location of a header cell.</summary>
    public SourceLocation HeaderLocation(int index, string? field)
    {
        var starts = _headerStarts ??= FieldStarts(HeaderText, Separator); // once: a header may have thousands of columns
        var (_, column) = index < starts.Count ? starts[index] : starts[^1];
        return new SourceLocation(_file, HeaderLine, column, field);
    }

    public void Dispose() => _csv.Dispose();

    /// <summary>The line offset (0 for the first line) and 1-based column where each field starts.</summary>
    internal static List<(int LineDelta, int Column)> FieldStarts(string raw, char separator)
    {
        var starts = new List<(int, int)> { (0, 1) };
        int lineDelta = 0, column = 1;
        var inQuotes = false;
        foreach (var c in raw)
        {
            column++;
            if (c == '"')
            {
                inQuotes = !inQuotes;
            }
            else if (c == separator && !inQuotes)
            {
                starts.Add((lineDelta, column));
            }
            else if (c == '\n')
            {
                lineDelta++;
                column = 1;
            }
        }

        return starts;
    }

    /// <summary>True once a quoted field ran to a line break or to the end of the text: the record spans more than its line.</summary>
    public bool QuoteRanPastLine { get; private set; }

    /// <summary>True once the CSV layer gave up on the input (the rest is skipped).</summary>
    public bool Failed => _failed;

    private void OnMalformed(CsvMalformedRecord record)
    {
        QuoteRanPastLine |= record.Reason is CsvMalformedReason.UnterminatedQuote or CsvMalformedReason.LineBreakInQuotes
            || record.RawRecord.AsSpan().IndexOfAny('\n', '\r') >= 0;
        var line = record.LineNumber > 0 ? (int)record.LineNumber + _lineOffset : (int?)null;
        var what = record.Reason switch
        {
            CsvMalformedReason.UnterminatedQuote =>
                "A quoted field is never closed, so everything after the opening quote up to the end of the file was read as one value.",
            CsvMalformedReason.StrayQuote => "A quote appears inside an unquoted field.",
            CsvMalformedReason.TextAfterClosingQuote => "Text follows the closing quote of a quoted field.",
            CsvMalformedReason.LineBreakInQuotes => "A line break appears inside a quoted field.",
            _ => "The quoting of this record is broken.",
        };
        _pending.Add(Diagnostic.Error(
            DiagnosticCodes.MalformedQuoting,
            what + " Check the quotes on this line.",
            new SourceLocation(_file, line, Column: null)));
    }
}
