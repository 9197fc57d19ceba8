using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HtmaInterpreter.Oxidation;

namespace HtmaInterpreter.Batch;

/// <summary>
/// Writes <see cref="BatchResult"/> rows as CSV or JSON Lines, one row per result, as they come. Columns (CSV) and
/// fields (JSON Lines, in camelCase): line, sample id, oxidation type, lean, degree, the key ratios (empty / <c>null</c>
/// when absent), the fired rule ids (separated by <c>;</c> in CSV, an array in JSON), the diagnostics count and the error
/// flag. Numbers use the invariant culture and the shortest text that reads back to the same value. Not thread-safe.
/// </summary>
public sealed class BatchResultWriter : IDisposable
{
    /// <summary>The CSV header row.</summary>
    public const string CsvHeader =
        "line,sample_id,oxidation_type,lean,degree,ca_k,na_mg,na_k,ca_mg,zn_cu,ca_p,fired_rules,diagnostics,has_errors";

    private static readonly string[] JsonRatioNames = ["caK", "naMg", "naK", "caMg", "znCu", "caP"];

    private static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // JSON Lines is data, never embedded in HTML
    };

    private const int BufferSize = 1 << 16;

    // Rows are written as UTF-8 into this buffer and handed on at row boundaries (or when a row fills it): to the
    // stream as they are, or decoded to the text writer.
    private readonly byte[] _buffer = new byte[BufferSize];
    private readonly Decoder _decoder = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false).GetDecoder();
    private readonly TextWriter? _writer;
    private readonly Stream? _stream;
    private readonly bool _leaveOpen;
    private char[]? _chars;
    private int _used;
    private ArrayBufferWriter<byte>? _jsonBuffer;
    private Utf8JsonWriter? _json;
    private bool _headerWritten;

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
            Append(CsvHeader);
            Append((byte)'\n');
            EndRow();
        }

        _headerWritten = true;
    }

    /// <summary>Writes one result as a row.</summary>
    /// <param name="result">The result.</param>
    public void Write(BatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (Format == BatchOutputFormat.Csv)
        {
            WriteHeader();
            WriteCsv(result);
        }
        else
        {
            WriteJson(result);
        }

        EndRow();
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

    internal static string TypeText(OxidationType type) => type switch
    {
        OxidationType.Slow => "slow",
        OxidationType.Fast => "fast",
        OxidationType.Mixed => "mixed",
        _ => "indeterminate",
    };

    internal static string? DegreeText(OxidationDegree? degree) => degree switch
    {
        OxidationDegree.Mild => "mild",
        OxidationDegree.Moderate => "moderate",
        OxidationDegree.Extreme => "extreme",
        _ => null,
    };

    /// <summary><see cref="TypeText"/> as UTF-8.</summary>
    private static ReadOnlySpan<byte> TypeBytes(OxidationType type) => type switch
    {
        OxidationType.Slow => "slow"u8,
        OxidationType.Fast => "fast"u8,
        OxidationType.Mixed => "mixed"u8,
        _ => "indeterminate"u8,
    };

    /// <summary><see cref="DegreeText"/> as UTF-8 (empty for none).</summary>
    private static ReadOnlySpan<byte> DegreeBytes(OxidationDegree? degree) => degree switch
    {
        OxidationDegree.Mild => "mild"u8,
        OxidationDegree.Moderate => "moderate"u8,
        OxidationDegree.Extreme => "extreme"u8,
        _ => default,
    };

    private void WriteCsv(BatchResult result)
    {
        if (result.Line is { } line)
        {
            AppendNumber(line);
        }

        Append((byte)',');
        if (result.SampleId is { } sampleId)
        {
            AppendCsvField(sampleId);
        }

        Append((byte)',');
        if (result.Oxidation is { } type)
        {
            Append(TypeBytes(type));
        }

        Append((byte)',');
        if (result.Lean is { } lean)
        {
            Append(TypeBytes(lean));
        }

        Append((byte)',');
        Append(DegreeBytes(result.Degree));
        for (var i = 0; i < BatchResult.KeyRatioNames.Count; i++)
        {
            Append((byte)',');
            if (result.KeyRatioAt(i) is { } value)
            {
                AppendNumber(value);
            }
        }

        Append((byte)',');
        if (result.FiredRules is FiredRuleList shared)
        {
            Append(shared.CsvText);
        }
        else
        {
            AppendFiredRules(result.FiredRules);
        }

        Append((byte)',');
        AppendNumber(result.DiagnosticsCount);
        Append(result.HasErrors ? ",true\n"u8 : ",false\n"u8);
    }

    private void AppendFiredRules(IReadOnlyList<string> firedRules)
    {
        for (var i = 0; i < firedRules.Count; i++)
        {
            if (i > 0)
            {
                Append((byte)';');
            }

            Append(firedRules[i]); // rule ids are kebab-case: nothing to quote
        }
    }

    private void AppendCsvField(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            Append(value);
            return;
        }

        Append((byte)'"');
        Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        Append((byte)'"');
    }

    private void AppendNumber(double value)
    {
        // Ratios are finite by construction; the guard keeps the CSV free of NaN/Infinity whatever a caller passes.
        if (double.IsFinite(value))
        {
            Reserve(32);
            ShortestDouble.TryWrite(value, _buffer.AsSpan(_used), out var written);
            _used += written;
        }
    }

    private void AppendNumber(int value)
    {
        Reserve(16);
        value.TryFormat(_buffer.AsSpan(_used), out var written, default, CultureInfo.InvariantCulture);
        _used += written;
    }

    private void Append(byte value)
    {
        Reserve(1);
        _buffer[_used++] = value;
    }

    private void Append(string text)
    {
        var most = Encoding.UTF8.GetMaxByteCount(text.Length);
        if (most <= BufferSize)
        {
            Reserve(most);
            _used += Encoding.UTF8.GetBytes(text, _buffer.AsSpan(_used));
            return;
        }

        Append(Encoding.UTF8.GetBytes(text)); // a huge value, encoded by itself
    }

    /// <summary>Appends bytes, handing the buffer on as often as it fills.</summary>
    private void Append(ReadOnlySpan<byte> bytes)
    {
        if (_used + bytes.Length <= _buffer.Length)
        {
            bytes.CopyTo(_buffer.AsSpan(_used)); // the usual case: it fits
            _used += bytes.Length;
            return;
        }

        while (bytes.Length > 0)
        {
            if (_used == _buffer.Length)
            {
                HandOn();
            }

            var part = Math.Min(bytes.Length, _buffer.Length - _used);
            bytes[..part].CopyTo(_buffer.AsSpan(_used));
            _used += part;
            bytes = bytes[part..];
        }
    }

    /// <summary>Makes room for <paramref name="count"/> more bytes (at most the buffer's size), handing the buffer on first if needed.</summary>
    private void Reserve(int count)
    {
        if (_used + count > _buffer.Length)
        {
            HandOn(); // mid-row: the decoder keeps a character split across two hand-ons whole
        }
    }

    /// <summary>Called after each row: hands the buffer on once it is half full.</summary>
    private void EndRow()
    {
        if (_used >= BufferSize / 2)
        {
            HandOn();
        }
    }

    private void HandOn()
    {
        if (_used == 0)
        {
            return;
        }

        if (_stream is not null)
        {
            _stream.Write(_buffer, 0, _used);
        }
        else
        {
            _chars ??= new char[Encoding.UTF8.GetMaxCharCount(BufferSize)];
            var count = _decoder.GetChars(_buffer, 0, _used, _chars, 0, flush: false);
            _writer!.Write(_chars, 0, count);
        }

        _used = 0;
    }

    private void WriteJson(BatchResult result)
    {
        _jsonBuffer ??= new ArrayBufferWriter<byte>(1024);
        _jsonBuffer.ResetWrittenCount();
        if (_json is null)
        {
            _json = new Utf8JsonWriter(_jsonBuffer, JsonOptions);
        }
        else
        {
            _json.Reset(_jsonBuffer);
        }

        var json = _json;
        json.WriteStartObject();
        WriteJsonNumber(json, "line", result.Line);
        WriteJsonString(json, "sampleId", result.SampleId);
        WriteJsonString(json, "oxidationType", result.Oxidation is { } type ? TypeText(type) : null);
        WriteJsonString(json, "lean", result.Lean is { } lean ? TypeText(lean) : null);
        WriteJsonString(json, "degree", DegreeText(result.Degree));
        json.WriteStartObject("ratios");
        for (var i = 0; i < JsonRatioNames.Length; i++)
        {
            var value = i < result.KeyRatios.Count ? result.KeyRatios[i] : null;
            if (value is { } number && double.IsFinite(number))
            {
                json.WriteNumber(JsonRatioNames[i], number);
            }
            else
            {
                json.WriteNull(JsonRatioNames[i]);
            }
        }

        json.WriteEndObject();
        json.WriteStartArray("firedRules");
        foreach (var rule in result.FiredRules)
        {
            json.WriteStringValue(rule);
        }

        json.WriteEndArray();
        json.WriteNumber("diagnostics", result.DiagnosticsCount);
        json.WriteBoolean("hasErrors", result.HasErrors);
        if (!result.IsInterpreted && result.ReadDiagnostics.Count > 0)
        {
            json.WriteStartArray("readDiagnostics");
            foreach (var diagnostic in result.ReadDiagnostics)
            {
                json.WriteStartObject();
                json.WriteString("code", diagnostic.Code);
                json.WriteString("severity", diagnostic.Severity.ToString().ToLowerInvariant());
                json.WriteString("message", diagnostic.Message);
                WriteJsonNumber(json, "line", diagnostic.Location.Line);
                WriteJsonNumber(json, "column", diagnostic.Location.Column);
                WriteJsonString(json, "field", diagnostic.Location.Field);
                json.WriteEndObject();
            }

            json.WriteEndArray();
        }

        json.WriteEndObject();
        json.Flush();
        Append(_jsonBuffer.WrittenSpan);
        Append((byte)'\n');
    }

    private static void WriteJsonNumber(Utf8JsonWriter json, string name, int? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteJsonString(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
