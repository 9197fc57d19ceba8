using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Batch;

/// <summary>
/// The bytes of one result row, CSV or JSON Lines, as <see cref="BatchResultWriter"/> writes them from a
/// <see cref="BatchResult"/>; the fast path writes its plain rows with the same cells (<see cref="FastRowFormat"/>).
/// Stateless; safe on any thread.
/// </summary>
internal static class BatchRowFormat
{
    public static readonly JsonWriterOptions JsonOptions = new()
    {
        Indented = false,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping, // JSON Lines is data, never embedded in HTML
    };

    private static readonly string[] JsonRatioNames = BatchResult.KeyRatioNames.Select(JsonMemberName).ToArray();

    /// <summary>The <c>note</c> cell of the first CSV row: <see cref="Interpretation.NotADiagnosis"/>, quoted.</summary>
    public static readonly byte[] CsvNoteCell = TextCell(Interpretation.NotADiagnosis);

    /// <summary>The <c>note</c> member of the first JSON Lines record, to go before its closing brace: <c>,"note":"Not a diagnosis. ..."</c>.</summary>
    public static readonly byte[] JsonNoteMember = Encoding.UTF8.GetBytes(
        ",\"note\":\"" + JsonEncodedText.Encode(Interpretation.NotADiagnosis, JsonOptions.Encoder).Value + "\"");

    // Room for everything of a CSV row but the text cells and the fired rules: the line, three words, six shortest
    // doubles (at most 24 characters each), the diagnostics count, the flag and the separators.
    internal const int CsvFixedBound = 256;

    /// <summary>
    /// Writes <paramref name="result"/> as a CSV row (with its line break), its <c>note</c> cell empty
    /// (<see cref="BatchResultWriter"/> fills it on the first row). <paramref name="useFastPath"/> false writes the ratios
    /// with <c>double.TryFormat</c> instead of <see cref="ShortestDouble"/> (the same text: see <see cref="BatchOptions.UseFastPath"/>).
    /// </summary>
    public static void WriteCsv(IBufferWriter<byte> output, BatchResult result, bool useFastPath)
    {
        // A control character in an id would act on the terminal of whoever prints the results: shown as \u001B.
        var sampleId = result.SampleId is { } id ? TerminalText.Escape(id) : null;
        var fired = result.FiredRules;
        var span = output.GetSpan(CsvFixedBound
            + StringCellBound(sampleId) + StringCellBound(result.LabProfileId) + StringCellBound(result.ModelId)
            + StringCellBound(result.RuleSetName) + StringCellBound(result.RuleSetVersion)
            + FiredRulesBound(fired));
        var at = 0;
        if (result.Line is { } line)
        {
            WriteInt(span, ref at, line);
        }

        span[at++] = (byte)',';
        WriteStringCell(span, ref at, sampleId);

        Span<double> ratios = stackalloc double[BatchResult.KeyRatioNames.Count];
        result.KeyRatiosInto(ratios);

        WriteCsvTail(span, ref at, result.Oxidation, result.Lean, result.Degree, ratios, fired, result.DiagnosticsCount, result.HasErrors, useFastPath);
        span[at++] = (byte)',';
        WriteStringCell(span, ref at, result.LabProfileId is { } lab ? TerminalText.Escape(lab) : null);
        span[at++] = (byte)',';
        WriteStringCell(span, ref at, result.ModelId is { } model ? TerminalText.Escape(model) : null);
        span[at++] = (byte)',';
        WriteStringCell(span, ref at, result.RuleSetName is { } name ? TerminalText.Escape(name) : null);
        span[at++] = (byte)',';
        WriteStringCell(span, ref at, result.RuleSetVersion is { } version ? TerminalText.Escape(version) : null);
        Write(span, ref at, ",\n"u8);
        output.Advance(at);
    }

    /// <summary>
    /// A text as a whole CSV cell (see <see cref="WriteTextCell"/>), without a separator; control characters shown as
    /// <c>\u001B</c>: the constant cells a batch run writes on every row, made once.
    /// </summary>
    public static byte[] TextCell(string text)
    {
        var escaped = TerminalText.Escape(text);
        var span = new byte[StringCellBound(escaped)];
        var at = 0;
        WriteStringCell(span, ref at, escaped);
        return span[..at];
    }

    /// <summary>The most bytes <see cref="WriteStringCell"/> writes for <paramref name="text"/>.</summary>
    internal static int StringCellBound(string? text) => text is null ? 0 : TextCellBound(Encoding.UTF8.GetMaxByteCount(text.Length));

    /// <summary>Writes a text cell (see <see cref="WriteTextCell"/>) from a string; nothing for <c>null</c>.</summary>
    private static void WriteStringCell(Span<byte> span, ref int at, string? text)
    {
        if (text is null)
        {
            return;
        }

        var length = Encoding.UTF8.GetByteCount(text);
        var rented = length > 256 ? ArrayPool<byte>.Shared.Rent(length) : null;
        Span<byte> utf8 = rented ?? stackalloc byte[256];
        utf8 = utf8[..Encoding.UTF8.GetBytes(text, utf8)];
        WriteTextCell(span, ref at, utf8);
        if (rented is not null)
        {
            ArrayPool<byte>.Shared.Return(rented);
        }
    }

    /// <summary>The most bytes <see cref="WriteTextCell"/> writes for a text of <paramref name="length"/> UTF-8 bytes.</summary>
    internal static int TextCellBound(int length) => (2 * length) + 3;

    /// <summary>
    /// Writes a text cell (UTF-8) the way spreadsheets read it as plain text: a text starting with <c>=</c>, <c>+</c>,
    /// <c>-</c>, <c>@</c>, a tab or a carriage return, which a spreadsheet would run as a formula, gets a leading
    /// <c>'</c> unless it is a number such as <c>-1.5</c> (OWASP's advice against CSV injection); then the cell is quoted,
    /// its quotes doubled, when it holds a comma, a quote or a line break.
    /// </summary>
    internal static void WriteTextCell(Span<byte> span, ref int at, ReadOnlySpan<byte> text)
    {
        var quoted = text.IndexOfAny(",\"\r\n"u8) >= 0;
        if (quoted)
        {
            span[at++] = (byte)'"';
        }

        if (text.Length > 0 && "=+-@\t\r"u8.Contains(text[0]) && !IsNumber(text))
        {
            span[at++] = (byte)'\'';
        }

        if (quoted)
        {
            for (var quote = text.IndexOf((byte)'"'); quote >= 0; quote = text.IndexOf((byte)'"'))
            {
                Write(span, ref at, text[..(quote + 1)]);
                span[at++] = (byte)'"';
                text = text[(quote + 1)..];
            }

            Write(span, ref at, text);
            span[at++] = (byte)'"';
        }
        else
        {
            Write(span, ref at, text);
        }
    }

    /// <summary>True for a decimal number in the invariant culture, such as <c>-1.5</c>, <c>+2</c> or <c>-3e-4</c>: a spreadsheet reads it as that number.</summary>
    private static bool IsNumber(ReadOnlySpan<byte> text)
    {
        var i = text.Length > 0 && (text[0] == (byte)'+' || text[0] == (byte)'-') ? 1 : 0;
        var digits = 0;
        for (; i < text.Length && char.IsAsciiDigit((char)text[i]); i++)
        {
            digits++;
        }

        if (i < text.Length && text[i] == (byte)'.')
        {
            for (i++; i < text.Length && char.IsAsciiDigit((char)text[i]); i++)
            {
                digits++;
            }
        }

        if (digits == 0)
        {
            return false;
        }

        if (i < text.Length && (text[i] == (byte)'e' || text[i] == (byte)'E'))
        {
            i++;
            i += i < text.Length && (text[i] == (byte)'+' || text[i] == (byte)'-') ? 1 : 0;
            var exponent = i;
            while (i < text.Length && char.IsAsciiDigit((char)text[i]))
            {
                i++;
            }

            if (i == exponent)
            {
                return false;
            }
        }

        return i == text.Length;
    }

    /// <summary>Writes <paramref name="result"/> as one line of JSON; <paramref name="json"/> is reset onto <paramref name="output"/>.</summary>
    public static void WriteJson(Utf8JsonWriter json, IBufferWriter<byte> output, BatchResult result)
    {
        json.Reset(output);
        json.WriteStartObject();
        WriteJsonNumber(json, "line", result.Line);
        WriteJsonString(json, "sampleId", result.SampleId);
        WriteJsonString(json, "oxidationType", result.Oxidation is { } type ? OxidationWords.Name(type) : null);
        WriteJsonString(json, "lean", result.Lean is { } lean ? OxidationWords.Name(lean) : null);
        WriteJsonString(json, "degree", result.Degree is { } degree ? OxidationWords.Name(degree) : null);
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
        WriteJsonString(json, "labProfile", result.LabProfileId);
        WriteJsonString(json, "model", result.ModelId);
        if (result.RuleSetName is null)
        {
            json.WriteNull("ruleSet");
        }
        else
        {
            json.WriteStartObject("ruleSet");
            json.WriteString("name", result.RuleSetName);
            WriteJsonString(json, "version", result.RuleSetVersion);
            json.WriteEndObject();
        }

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
        output.GetSpan(1)[0] = (byte)'\n';
        output.Advance(1);
    }

    /// <summary>The CSV column of a key ratio: <c>Ca/K</c> → <c>ca_k</c>.</summary>
    internal static string CsvColumnName(string ratio) => ratio.ToLowerInvariant().Replace('/', '_');

    /// <summary>The JSON Lines member of a key ratio, in camelCase: <c>Ca/K</c> → <c>caK</c>.</summary>
    internal static string JsonMemberName(string ratio) => char.ToLowerInvariant(ratio[0]) + ratio[1..].Replace("/", "", StringComparison.Ordinal);


    internal static int FiredRulesBound(IReadOnlyList<string> fired)
    {
        if (fired is FiredRuleList shared)
        {
            return shared.CsvText.Length;
        }

        var bound = fired.Count;
        for (var i = 0; i < fired.Count; i++)
        {
            bound += Encoding.UTF8.GetMaxByteCount(fired[i].Length);
        }

        return bound;
    }

    /// <summary>Everything after the sample id up to the error flag: oxidation type, lean, degree, key ratios, fired rules, diagnostics count, error flag.</summary>
    internal static void WriteCsvTail(
        Span<byte> span,
        ref int at,
        OxidationType? type,
        OxidationType? lean,
        OxidationDegree? degree,
        ReadOnlySpan<double> keyRatios,
        IReadOnlyList<string> fired,
        int diagnosticsCount,
        bool hasErrors,
        bool shortestDoubles)
    {
        span[at++] = (byte)',';
        if (type is { } oxidation)
        {
            Write(span, ref at, OxidationWords.Utf8(oxidation));
        }

        span[at++] = (byte)',';
        if (lean is { } leaning)
        {
            Write(span, ref at, OxidationWords.Utf8(leaning));
        }

        span[at++] = (byte)',';
        Write(span, ref at, OxidationWords.Utf8(degree));
        foreach (var value in keyRatios)
        {
            span[at++] = (byte)',';

            // Ratios are finite by construction; the guard keeps the CSV free of NaN/Infinity whatever a caller passes.
            if (double.IsFinite(value))
            {
                int written;
                _ = shortestDoubles
                    ? ShortestDouble.TryWrite(value, span[at..], out written)
                    : value.TryFormat(span[at..], out written, default, CultureInfo.InvariantCulture);
                at += written;
            }
        }

        span[at++] = (byte)',';
        if (fired is FiredRuleList shared)
        {
            Write(span, ref at, shared.CsvText);
        }
        else
        {
            for (var i = 0; i < fired.Count; i++)
            {
                if (i > 0)
                {
                    span[at++] = (byte)';';
                }

                at += Encoding.UTF8.GetBytes(fired[i], span[at..]); // rule ids are kebab-case: nothing to quote
            }
        }

        span[at++] = (byte)',';
        WriteInt(span, ref at, diagnosticsCount);
        Write(span, ref at, hasErrors ? ",true"u8 : ",false"u8);
    }

    internal static void Write(Span<byte> span, ref int at, ReadOnlySpan<byte> bytes)
    {
        bytes.CopyTo(span[at..]);
        at += bytes.Length;
    }

    internal static void WriteInt(Span<byte> span, ref int at, int value)
    {
        value.TryFormat(span[at..], out var written, default, CultureInfo.InvariantCulture);
        at += written;
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
