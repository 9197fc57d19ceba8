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

    private readonly TextWriter _writer;
    private readonly bool _leaveOpen;
    private readonly char[] _number = new char[32];
    private ArrayBufferWriter<byte>? _jsonBuffer;
    private Utf8JsonWriter? _json;
    private bool _headerWritten;

    /// <summary>Creates a writer.</summary>
    /// <param name="writer">Where the rows go.</param>
    /// <param name="format">CSV or JSON Lines.</param>
    /// <param name="leaveOpen">True to leave <paramref name="writer"/> open when this is disposed.</param>
    public BatchResultWriter(TextWriter writer, BatchOutputFormat format, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(writer);
        if (!Enum.IsDefined(format))
        {
            throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown batch output format.");
        }

        _writer = writer;
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
            _writer.Write(CsvHeader);
            _writer.Write('\n');
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
    }

    /// <summary>Flushes the underlying writer.</summary>
    public void Flush() => _writer.Flush();

    /// <summary>Flushes, and disposes the underlying writer unless it was to be left open.</summary>
    public void Dispose()
    {
        _json?.Dispose();
        _writer.Flush();
        if (!_leaveOpen)
        {
            _writer.Dispose();
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

    private void WriteCsv(BatchResult result)
    {
        var w = _writer;
        if (result.Line is { } line)
        {
            WriteNumber(line);
        }

        w.Write(',');
        if (result.SampleId is { } sampleId)
        {
            WriteCsvField(sampleId);
        }

        w.Write(',');
        if (result.Oxidation is { } type)
        {
            w.Write(TypeText(type));
        }

        w.Write(',');
        if (result.Lean is { } lean)
        {
            w.Write(TypeText(lean));
        }

        w.Write(',');
        w.Write(DegreeText(result.Degree));
        for (var i = 0; i < BatchResult.KeyRatioNames.Count; i++)
        {
            w.Write(',');
            if (i < result.KeyRatios.Count && result.KeyRatios[i] is { } value)
            {
                WriteNumber(value);
            }
        }

        w.Write(',');
        for (var i = 0; i < result.FiredRules.Count; i++)
        {
            if (i > 0)
            {
                w.Write(';');
            }

            w.Write(result.FiredRules[i]); // rule ids are kebab-case: nothing to quote
        }

        w.Write(',');
        WriteNumber(result.DiagnosticsCount);
        w.Write(result.HasErrors ? ",true\n" : ",false\n");
    }

    private void WriteCsvField(string value)
    {
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            _writer.Write(value);
            return;
        }

        _writer.Write('"');
        _writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        _writer.Write('"');
    }

    private void WriteNumber(double value)
    {
        // Ratios are finite by construction; the guard keeps the CSV free of NaN/Infinity whatever a caller passes.
        if (double.IsFinite(value) && value.TryFormat(_number, out var written, default, CultureInfo.InvariantCulture))
        {
            _writer.Write(_number, 0, written);
        }
    }

    private void WriteNumber(int value)
    {
        if (value.TryFormat(_number, out var written, default, CultureInfo.InvariantCulture))
        {
            _writer.Write(_number, 0, written);
        }
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
        var bytes = _jsonBuffer.WrittenSpan;
        var chars = ArrayPool<char>.Shared.Rent(Encoding.UTF8.GetMaxCharCount(bytes.Length));
        try
        {
            var count = Encoding.UTF8.GetChars(bytes, chars);
            _writer.Write(chars, 0, count);
            _writer.Write('\n');
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
        }
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
