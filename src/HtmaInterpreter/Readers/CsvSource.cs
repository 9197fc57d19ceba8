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
    /// Reads up to the header. Returns <c>null</c> (with an <see cref="DiagnosticCodes.EmptyInput"/> error) when there
    /// is no header line, or with the error of a limit when a line before the records is too long or too wide, or there
    /// are more than <see cref="InputLimits.MaxMetadataLines"/> metadata lines.
    /// </summary>
    /// <remarks>
    /// <paramref name="firstLine"/> is the number of the text's first line in the input: a part of a file read on its
    /// own (the header, then lines from further down) keeps the lines of the whole file. With a
    /// <paramref name="decoding"/>, the first U+FFFD of the text read is located there (not reported: the reader of the
    /// whole input does that once).
    /// </remarks>
    public static CsvSource? Open(TextReader text, string? file, List<Diagnostic> diagnostics, int firstLine = 1, Utf8Decoding? decoding = null)
    {
        var metadata = new List<MetadataLine>();
        var lineNumber = firstLine - 1;
        string? header = null;
        var buffer = new StringBuilder();
        while (true)
        {
            var read = ReadLeadingLine(text, buffer, out var pastLimitAt);
            if (read == LeadingLine.EndOfInput)
            {
                break;
            }

            lineNumber++;
            if (read != LeadingLine.Complete)
            {
                diagnostics.Add(LeadingLineTooLarge(read, file, lineNumber, pastLimitAt));
                return null;
            }

            var line = buffer.ToString();
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            decoding?.Find(line, file, lineNumber);
            if (line.TrimStart().StartsWith('#'))
            {
                var match = MetadataPattern().Match(line.Trim());
                if (match.Success)
                {
                    if (metadata.Count == InputLimits.MaxMetadataLines)
                    {
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.TooManyMetadataLines,
                            string.Create(CultureInfo.InvariantCulture,
                                $"The file has more than {InputLimits.MaxMetadataLines:N0} '# key: value' lines before its header (a lab export has about ten); the file is not read. Check that it is a panel export."),
                            new SourceLocation(file, lineNumber, 1)));
                        return null;
                    }

                    var valueGroup = match.Groups["value"];
                    var column = line.IndexOf(':', StringComparison.Ordinal) + 2;
                    column += valueGroup.Value.Length == 0 ? 0 : line[(column - 1)..].Length - line[(column - 1)..].TrimStart().Length;
                    var key = match.Groups["key"].Value;
                    metadata.Add(new MetadataLine(
                        key,
                        new FieldText(valueGroup.Value, new SourceLocation(file, lineNumber, column, key))));
                }

                continue;
            }

            header = line;
            break;
        }

        if (header is null)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.EmptyInput,
                metadata.Count == 0
                    ? "The file is empty: there is no header line and no data."
                    : "The file has metadata lines but no header line (element,value,unit) and no data.",
                new SourceLocation(file, Math.Max(lineNumber, 1), 1)));
            return null;
        }

        var separator = ChooseSeparator(header);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            CommentPrefix = '#',
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
            IncludeValuesInExceptions = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,

            // The records reach CsvHelper no longer than the limit (BoundedRecordReader); this only bounds its buffer
            // should the two ever find different records (a UTF-16 character is at most 3 bytes of UTF-8).
            MaxRecordSize = 3 * (InputLimits.MaxRecordCharacters + 2),
        };

        CsvSource? source = null;
        options = options with { OnMalformedRecord = record => source?.OnMalformed(record) };
        var records = new BoundedRecordReader(text, separator, lineNumber + 1);
        var csv = CsvReader.Create(new PrefixedTextReader(header + "\n", records), options, leaveOpen: true);
        source = new CsvSource(csv, records, file, lineNumber, header, separator, metadata, decoding);
        return source;
    }

    /// <summary>How <see cref="ReadLeadingLine"/> ended.</summary>
    private enum LeadingLine
    {
        EndOfInput,
        Complete,
        TooLong,
        TooManyColumns,
    }

    /// <summary>
    /// Reads one line before the records (metadata, comment or header) into <paramref name="line"/>, ending as
    /// <see cref="TextReader.ReadLine"/> ends a line, but keeping at most <see cref="InputLimits.MaxRecordCharacters"/>
    /// characters and, outside a <c>#</c> line, stopping as soon as the line has more than
    /// <see cref="InputLimits.MaxColumns"/> columns for any separator: the separator chosen later is the one counted most,
    /// so the header would have too many columns whichever it is. <paramref name="pastLimitAt"/> is then the 1-based
    /// column where reading stopped.
    /// </summary>
    private static LeadingLine ReadLeadingLine(TextReader text, StringBuilder line, out int pastLimitAt)
    {
        line.Clear();
        pastLimitAt = 0;
        var separators = default(SeparatorCount);
        bool any = false, started = false, comment = false;
        while (true)
        {
            var next = text.Read();
            if (next < 0)
            {
                return any ? LeadingLine.Complete : LeadingLine.EndOfInput;
            }

            any = true;
            var c = (char)next;
            if (c == '\n')
            {
                return LeadingLine.Complete;
            }

            if (c == '\r')
            {
                if (text.Peek() == '\n')
                {
                    text.Read();
                }

                return LeadingLine.Complete;
            }

            if (line.Length == InputLimits.MaxRecordCharacters)
            {
                pastLimitAt = line.Length + 1;
                return LeadingLine.TooLong;
            }

            line.Append(c);
            if (!started && c != '\uFEFF' && !char.IsWhiteSpace(c))
            {
                started = true;
                comment = c == '#';
            }

            if (comment)
            {
                continue;
            }

            separators.Add(c);

            // n separators make n + 1 columns.
            if (separators.Most >= InputLimits.MaxColumns)
            {
                pastLimitAt = line.Length + 1;
                return LeadingLine.TooManyColumns;
            }
        }
    }

    private static Diagnostic LeadingLineTooLarge(LeadingLine read, string? file, int line, int column) =>
        read == LeadingLine.TooManyColumns
            ? Diagnostic.Error(
                DiagnosticCodes.TooManyColumns,
                string.Create(CultureInfo.InvariantCulture,
                    $"The CSV header has more than {InputLimits.MaxColumns:N0} columns (a lab export has about 60); the file is not read. Check that it is a panel export and that its separator is right."),
                new SourceLocation(file, line, column))
            : Diagnostic.Error(
                DiagnosticCodes.RecordTooLong,
                string.Create(CultureInfo.InvariantCulture,
                    $"This line, before the CSV's records, is longer than {InputLimits.MaxRecordCharacters:N0} characters; the file is not read. Check that it is a panel export."),
                new SourceLocation(file, line, column));


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

    private static char ChooseSeparator(string header)
    {
        var separators = default(SeparatorCount);
        foreach (var c in header)
        {
            separators.Add(c);
        }

        return separators.Choice;
    }

    /// <summary>Counts the separators a header line uses outside quotes, to choose its separator.</summary>
    private struct SeparatorCount
    {
        private int _commas;
        private int _semicolons;
        private int _tabs;
        private bool _inQuotes;

        /// <summary>The count of the separator used most.</summary>
        public readonly int Most => Math.Max(_commas, Math.Max(_semicolons, _tabs));

        /// <summary>The separator the line uses: <c>;</c> or tab where counted more than commas, else a comma.</summary>
        public readonly char Choice =>
            _semicolons > _commas && _semicolons >= _tabs ? ';' : _tabs > _commas ? '\t' : ',';

        public void Add(char c)
        {
            switch (c)
            {
                case '"':
                    _inQuotes = !_inQuotes;
                    break;
                case ',' when !_inQuotes:
                    _commas++;
                    break;
                case ';' when !_inQuotes:
                    _semicolons++;
                    break;
                case '\t' when !_inQuotes:
                    _tabs++;
                    break;
            }
        }
    }

    private static string[] SplitHeader(string header, char separator)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (c == '"')
            {
                if (inQuotes && i + 1 < header.Length && header[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = !inQuotes;
                }
            }
            else if (c == separator && !inQuotes)
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString().Trim());
        return cells.ToArray();
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
