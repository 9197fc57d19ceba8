using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Where a CSV record longer than the limit started: its line, and the column and index of the quoted field that runs
/// past that line or is still open on it, or else the column just past the limit and the index of its field.
/// </summary>
internal readonly record struct TooLongRecord(int Line, int Column, int FieldIndex);

/// <summary>
/// Passes CSV text on record by record, each record at most <see cref="InputLimits.MaxRecordCharacters"/> long, so that
/// the CSV reader behind it never holds more. Records are found as CsvHelper finds them (a quote opens a quoted field
/// only as a field's first character, <c>""</c> inside one is a quote, text after its closing quote is plain text, a
/// <c>#</c> line between records is a comment, and a line break is <c>\n</c>, <c>\r\n</c> or <c>\r</c>). A longer record
/// — usually a quote never closed — is not passed on: its first line becomes an empty line (which the CSV reader skips,
/// so the lines keep their numbers; a comment line too long is dropped so without being listed) and reading resumes at its second line, as a new record; it is listed in
/// <see cref="TooLong"/>. Holds one record at most, whatever the input.
/// </summary>
internal sealed class BoundedRecordReader : TextReader
{
    private const int ReadSize = 1 << 14;

    private readonly TextReader _text;
    private readonly char _separator;
    private readonly int _limit;
    private readonly Queue<TooLongRecord> _tooLong = new();
    private char[] _buffer = new char[2 * ReadSize];
    private int _out;          // the next character to hand out; the ones before _recordStart are whole records
    private int _recordStart;  // where the record being scanned starts
    private int _scan;         // the next character to scan
    private int _end;          // the end of the characters read
    private bool _endOfInput;
    private State _state = State.RecordStart;
    private bool _afterCarriageReturn;
    private bool _skippingLine;
    private int _line;          // the line of the character at _scan
    private int _recordLine;
    private int _firstLineEnd = -1; // just after the record's first line break; -1 while the record is on its first line
    private int _field;
    private int _openColumn;    // where the last quoted field opened, when it is on the record's first line
    private int _openField;
    private int _spanColumn;    // where the quoted field that runs past the record's first line opened
    private int _spanField;

    /// <param name="text">The CSV text after the header.</param>
    /// <param name="separator">The field separator.</param>
    /// <param name="firstLine">The number of the text's first line in the file.</param>
    /// <param name="limit">The longest record, in characters (without its line break).</param>
    public BoundedRecordReader(TextReader text, char separator, int firstLine, int limit = InputLimits.MaxRecordCharacters)
    {
        _text = text;
        _separator = separator;
        _line = firstLine;
        _recordLine = firstLine;
        _limit = limit;
    }

    private enum State
    {
        RecordStart,
        FieldStart,
        Unquoted,
        Quoted,
        QuoteInQuoted,
        AfterClosingQuote,
        Comment,
    }

    /// <summary>The records found too long so far and not yet taken, in file order.</summary>
    public Queue<TooLongRecord> TooLong => _tooLong;

    public override int Peek() => Fill() ? _buffer[_out] : -1;

    public override int Read()
    {
        if (!Fill())
        {
            return -1;
        }

        return _buffer[_out++];
    }

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (buffer.IsEmpty || !Fill())
        {
            return 0;
        }

        var count = Math.Min(buffer.Length, _recordStart - _out);
        _buffer.AsSpan(_out, count).CopyTo(buffer);
        _out += count;
        return count;
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        new(Read(buffer.Span));

    public override Task<int> ReadAsync(char[] buffer, int index, int count) => Task.FromResult(Read(buffer, index, count));

    /// <summary>Scans until there are whole records to hand out; false at the end of the input.</summary>
    private bool Fill()
    {
        while (_out == _recordStart)
        {
            if (_scan < _end && Scan())
            {
                continue;
            }

            if (_endOfInput)
            {
                // The last record, without a line break: whole as it is.
                _recordStart = _scan = _end;
                return _out < _end;
            }

            ReadMore();
        }

        return true;
    }

    /// <summary>Reads more of the input after what is buffered, first moving what is not handed out to the front.</summary>
    private void ReadMore()
    {
        if (_out > 0)
        {
            var keep = _end - _out;
            _buffer.AsSpan(_out, keep).CopyTo(_buffer);
            _recordStart -= _out;
            _scan -= _out;
            if (_firstLineEnd >= 0)
            {
                _firstLineEnd -= _out;
            }

            _end = keep;
            _out = 0;
        }

        if (_buffer.Length - _end < ReadSize)
        {
            Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _end + ReadSize));
        }

        var read = _text.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfInput = true;
        }

        _end += read;
    }

    /// <summary>
    /// Scans the characters read; returns true when a record ended (or a too long one was dropped) and scanning can go
    /// on, false when more input is needed first.
    /// </summary>
    private bool Scan()
    {
        if (_skippingLine)
        {
            return SkipLine();
        }

        while (_scan < _end)
        {
            var c = _buffer[_scan];
            var lineBreak = c is '\n' or '\r';
            if (lineBreak && _state is not State.Quoted)
            {
                if (c == '\r' && _scan + 1 == _end && !_endOfInput)
                {
                    return false; // a \r\n may be split between reads
                }

                _scan += c == '\r' && _scan + 1 < _end && _buffer[_scan + 1] == '\n' ? 2 : 1;
                StartRecord();
                return true;
            }

            if (_scan - _recordStart >= _limit)
            {
                DropRecord();
                return true;
            }

            switch (_state)
            {
                case State.RecordStart when c == '#':
                    _state = State.Comment;
                    break;
                case State.RecordStart or State.FieldStart:
                    if (c == '"')
                    {
                        _state = State.Quoted;
                        (_openColumn, _openField) = (_scan - _recordStart + 1, _field);
                    }
                    else if (c == _separator)
                    {
                        _state = State.FieldStart;
                        _field++;
                    }
                    else
                    {
                        _state = State.Unquoted;
                    }

                    break;
                case State.Unquoted or State.AfterClosingQuote:
                    if (c == _separator)
                    {
                        _state = State.FieldStart;
                        _field++;
                    }

                    break;
                case State.Quoted:
                    if (c == '"')
                    {
                        _state = State.QuoteInQuoted;
                    }
                    else if (lineBreak)
                    {
                        // A line break inside the quoted field: \r\n counts once.
                        if (!(c == '\n' && _afterCarriageReturn))
                        {
                            _line++;
                        }

                        if (_firstLineEnd < 0)
                        {
                            // The quoted field that takes the record past its first line: where a record too long is located.
                            (_spanColumn, _spanField) = (_openColumn, _openField);
                        }

                        if (_firstLineEnd < 0 || _firstLineEnd == _scan)
                        {
                            _firstLineEnd = _scan + 1;
                        }
                    }

                    break;
                case State.QuoteInQuoted:
                    if (c == '"')
                    {
                        _state = State.Quoted;
                    }
                    else if (c == _separator)
                    {
                        _state = State.FieldStart;
                        _field++;
                    }
                    else
                    {
                        _state = State.AfterClosingQuote;
                    }

                    break;
            }

            _afterCarriageReturn = c == '\r';
            _scan++;
        }

        return false;
    }

    /// <summary>Starts a new record at <see cref="_scan"/>, on the line after the one that ended.</summary>
    private void StartRecord()
    {
        _recordStart = _scan;
        _line++;
        _recordLine = _line;
        _state = State.RecordStart;
        _afterCarriageReturn = false;
        _firstLineEnd = -1;
        _field = 0;
    }

    /// <summary>
    /// Drops the record being scanned, now longer than the limit: its first line becomes an empty line and scanning
    /// resumes at the second, or (when the first line alone is too long) after the rest of the first line is skipped.
    /// </summary>
    private void DropRecord()
    {
        if (_state != State.Comment)
        {
            var (column, field) = _firstLineEnd >= 0 ? (_spanColumn, _spanField)
                : _state is State.Quoted or State.QuoteInQuoted ? (_openColumn, _openField)
                : (_limit + 1, _field);
            _tooLong.Enqueue(new TooLongRecord(_recordLine, column, field));
        }

        if (_firstLineEnd < 0)
        {
            // The first line alone is too long: what is scanned of it goes, and the rest is skipped as it comes.
            var unscanned = _end - _scan;
            _buffer.AsSpan(_scan, unscanned).CopyTo(_buffer.AsSpan(_recordStart));
            _end = _recordStart + unscanned;
            _scan = _recordStart;
            _skippingLine = true;
            return;
        }

        ReplaceWithLineBreak(_firstLineEnd);
    }

    /// <summary>
    /// Replaces the characters from <see cref="_recordStart"/> to <paramref name="end"/> with one line break to hand out
    /// and starts a new record after it, on the line after the record's first. The break is <c>\r\n</c>, which neither
    /// a <c>\r</c> before it nor a <c>\n</c> after it can join into one line break.
    /// </summary>
    private void ReplaceWithLineBreak(int end)
    {
        var rest = _end - end;
        if (_recordStart + 2 + rest > _buffer.Length)
        {
            Array.Resize(ref _buffer, _buffer.Length + ReadSize);
        }

        _buffer.AsSpan(end, rest).CopyTo(_buffer.AsSpan(_recordStart + 2));
        _buffer[_recordStart] = '\r';
        _buffer[_recordStart + 1] = '\n';
        _end = _recordStart + 2 + rest;
        _scan = _recordStart + 2;
        _skippingLine = false;
        _line = _recordLine;
        StartRecord();
    }

    /// <summary>Skips characters up to the next line break, which ends the dropped line; true once it is found.</summary>
    private bool SkipLine()
    {
        var at = _buffer.AsSpan(_scan, _end - _scan).IndexOfAny('\n', '\r');
        if (at < 0)
        {
            _end = _scan; // nothing of the line is kept
            return false;
        }

        at += _scan;
        if (_buffer[at] == '\r' && at + 1 == _end && !_endOfInput)
        {
            _buffer[_scan] = '\r';
            _end = _scan + 1;
            return false; // a \r\n may be split between reads
        }

        ReplaceWithLineBreak(at + (_buffer[at] == '\r' && at + 1 < _end && _buffer[at + 1] == '\n' ? 2 : 1));
        return true;
    }
}
