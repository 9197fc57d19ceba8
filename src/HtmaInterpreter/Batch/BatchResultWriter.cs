using System.Buffers;
using System.Text;
using System.Text.Json;

namespace HtmaInterpreter.Batch;

/// <summary>
/// Writes <see cref="BatchResult"/> rows as CSV or JSON Lines, one row per result, as they come. Columns (CSV) and
/// fields (JSON Lines, in camelCase): line, sample id, oxidation type, lean, degree, the key ratios (empty / <c>null</c>
/// when absent), the fired rule ids (separated by <c>;</c> in CSV, an array in JSON), the diagnostics count, the error
/// flag, then what produced the row: the lab profile id (<c>lab_profile</c>, per row: each panel's own lab unless the run
/// chose one), the oxidation model id (<c>model</c>) and the rule set's name and version (<c>rule_set</c>,
/// <c>rule_set_version</c>; in JSON a <c>ruleSet</c> object with <c>name</c> and <c>version</c>), and last a
/// <c>note</c>: <see cref="Interpretation.NotADiagnosis"/> on the first row written, empty (CSV) or absent (JSON Lines)
/// on the others, so that the file reads in a spreadsheet or a data frame as one header line and one row per panel
/// and still carries the statement once. Numbers use the invariant culture and the shortest text that reads back to
/// the same value. In CSV, a text a spreadsheet would run as a formula (starting with <c>=</c>, <c>+</c>, <c>-</c>,
/// <c>@</c>, a tab or a carriage return, and not a number) gets a leading <c>'</c>; JSON Lines keeps it as it is. Not
/// thread-safe.
/// </summary>
public sealed class BatchResultWriter : IDisposable
{
    /// <summary>
    /// The CSV header row: <c>line,sample_id,oxidation_type,lean,degree,ca_k,na_mg,na_k,ca_mg,zn_cu,ca_p,fired_rules,diagnostics,has_errors,lab_profile,model,rule_set,rule_set_version,note</c>
    /// (the ratio columns made from <see cref="BatchResult.KeyRatioNames"/>).
    /// </summary>
    public static string CsvHeader { get; } =
        "line,sample_id,oxidation_type,lean,degree," + string.Join(',', BatchResult.KeyRatioNames.Select(BatchRowFormat.CsvColumnName)) +
        ",fired_rules,diagnostics,has_errors,lab_profile,model,rule_set,rule_set_version,note";

    // Rows are formatted as UTF-8 into this buffer and handed on at row boundaries once it holds HandOnSize bytes: to
    // the stream as they are, or decoded to the text writer.
    private const int HandOnSize = 1 << 15;

    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private readonly TextWriter? _writer;
    private readonly Stream? _stream;
    private readonly bool _leaveOpen;
    private ArrayBufferWriter<byte> _pending = new(2 * HandOnSize);
    private char[]? _chars;
    private Utf8JsonWriter? _json;
    private bool _headerWritten;
    private bool _noteWritten;

    /// <summary>
    /// False writes every row's ratios the general way (<c>double.TryFormat</c>) instead of with the fast path's
    /// formatter: the same text (see <see cref="BatchOptions.UseFastPath"/>; the both-ways tests set it).
    /// </summary>
    internal bool UseFastPath { get; init; } = true;

    /// <summary>Creates a writer to a text writer.</summary>
    /// <param name="writer">Where the rows go.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="leaveOpen">True to leave <paramref name="writer"/> open when this is disposed.</param>
    public BatchResultWriter(TextWriter writer, BatchOutputFormat format, bool leaveOpen = false)
        : this(format, leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(writer);
        _writer = writer;
    }

    /// <summary>Creates a writer that writes UTF-8 (without a byte order mark) straight to a stream: the fast way to a file.</summary>
    /// <param name="stream">Where the rows go.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="leaveOpen">True to leave <paramref name="stream"/> open when this is disposed.</param>
    public BatchResultWriter(Stream stream, BatchOutputFormat format, bool leaveOpen = false)
        : this(format, leaveOpen)
    {
        ArgumentNullException.ThrowIfNull(stream);
        _stream = stream;
    }

    private BatchResultWriter(BatchOutputFormat format, bool leaveOpen)
    {
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown batch output format.");
        }

        Format = format;
        _leaveOpen = leaveOpen;
    }

    /// <summary>The format written.</summary>
    public BatchOutputFormat Format { get; }

    /// <summary>The format a file name asks for: <c>.jsonl</c>/<c>.ndjson</c> for JSON Lines, <c>.csv</c> for CSV.</summary>
    /// <param name="fileName">The file name or path.</param>
    /// <returns>The format, or <c>null</c> for another extension.</returns>
    public static BatchOutputFormat? FormatFromFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" => BatchOutputFormat.Csv,
            ".jsonl" or ".ndjson" => BatchOutputFormat.JsonLines,
            _ => null,
        };
    }

    /// <summary>Writes the CSV header now (it is otherwise written before the first row); does nothing for JSON Lines.</summary>
    public void WriteHeader()
    {
        if (Format == BatchOutputFormat.Csv && !_headerWritten)
        {
            var header = _pending.GetSpan(CsvHeader.Length + 1);
            Encoding.ASCII.GetBytes(CsvHeader, header);
            header[CsvHeader.Length] = (byte)'\n';
            _pending.Advance(CsvHeader.Length + 1);
        }

        _headerWritten = true;
    }

    /// <summary>Writes one result as a row.</summary>
    /// <param name="result">The result.</param>
    public void Write(BatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!_noteWritten)
        {
            // The first row gets the note: formatted on its own, then written like a worker's rows.
            var first = new ArrayBufferWriter<byte>(512);
            FormatRow(first, result);
            WriteFormatted(first.WrittenSpan);
            return;
        }

        FormatRow(_pending, result);
        if (_pending.WrittenCount >= HandOnSize)
        {
            HandOn();
        }
    }

    /// <summary>
    /// Writes rows already formatted in this writer's format (whole rows, UTF-8, each ending with its only line break:
    /// text cells and JSON strings hold none), after the header; the first row written gets the note.
    /// </summary>
    internal void WriteFormatted(ReadOnlySpan<byte> rows)
    {
        WriteHeader();
        if (!_noteWritten && rows.IndexOf((byte)'\n') is var end and >= 0)
        {
            // A CSV row ends with its empty note cell, a JSON record with its closing brace: the note goes in before.
            var (at, note) = Format == BatchOutputFormat.Csv ? (end, BatchRowFormat.CsvNoteCell) : (end - 1, BatchRowFormat.JsonNoteMember);
            Append(rows[..at]);
            Append(note);
            rows = rows[at..];
            _noteWritten = true;
        }

        if (rows.Length >= HandOnSize || _pending.WrittenCount + rows.Length > 2 * HandOnSize)
        {
            HandOn();
            if (rows.Length >= HandOnSize)
            {
                HandOn(rows); // a batch chunk's rows: handed on as they are, not copied first
                return;
            }
        }

        Append(rows);
        if (_pending.WrittenCount >= HandOnSize)
        {
            HandOn();
        }
    }

    /// <summary>Writes out what is buffered and flushes the underlying writer or stream.</summary>
    public void Flush()
    {
        HandOn();
        if (_stream is not null)
        {
            _stream.Flush();
        }
        else
        {
            _writer!.Flush();
        }
    }

    /// <summary>Flushes, and disposes the underlying writer or stream unless it was to be left open.</summary>
    public void Dispose()
    {
        _json?.Dispose();
        Flush();
        if (!_leaveOpen)
        {
            if (_stream is not null)
            {
                _stream.Dispose();
            }
            else
            {
                _writer!.Dispose();
            }
        }
    }

    private void FormatRow(IBufferWriter<byte> output, BatchResult result)
    {
        if (Format == BatchOutputFormat.Csv)
        {
            WriteHeader();
            BatchRowFormat.WriteCsv(output, result, UseFastPath);
        }
        else
        {
            BatchRowFormat.WriteJson(_json ??= new Utf8JsonWriter(output, BatchRowFormat.JsonOptions), output, result);
        }
    }

    private void Append(ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(_pending.GetSpan(bytes.Length));
        _pending.Advance(bytes.Length);
    }

    private void HandOn()
    {
        if (_pending.WrittenCount == 0)
        {
            return;
        }

        HandOn(_pending.WrittenSpan);
        if (_pending.Capacity > 1 << 20)
        {
            _pending = new ArrayBufferWriter<byte>(2 * HandOnSize); // a huge row grew it: do not keep it for the rest of the run
        }
        else
        {
            _pending.ResetWrittenCount();
        }
    }

    private void HandOn(ReadOnlySpan<byte> bytes)
    {
        if (_stream is not null)
        {
            _stream.Write(bytes);
            return;
        }

        var most = Encoding.UTF8.GetMaxCharCount(bytes.Length);
        if (_chars is null || _chars.Length < most)
        {
            _chars = new char[Math.Max(most, Encoding.UTF8.GetMaxCharCount(2 * HandOnSize))];
        }

        var count = _decoder.GetChars(bytes, _chars, flush: false);
        _writer!.Write(_chars, 0, count);
        if (_chars.Length > 1 << 20)
        {
            _chars = null; // a huge row grew it: do not keep it for the rest of the run
        }
    }
}
