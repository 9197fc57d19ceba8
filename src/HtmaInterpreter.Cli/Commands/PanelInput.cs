using System.Text.Json;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Fhir;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>The formats <c>--input-format</c> names; <see cref="Auto"/>: told from the file name and the content.</summary>
internal enum InputFormat
{
    /// <summary>From the file name's extension, else the content (a JSON object with <c>resourceType</c> is FHIR).</summary>
    Auto,

    /// <summary>CSV, a row per element or a row per sample (the header tells).</summary>
    Csv,

    /// <summary>A YAML panel document.</summary>
    Yaml,

    /// <summary>A JSON panel document.</summary>
    Json,

    /// <summary>FHIR R4 JSON: a Bundle, an Observation or a list of Observations.</summary>
    Fhir,
}

/// <summary>
/// Reads the panels of a command's FILE argument: a file, or standard input for <c>-</c>, in the format
/// <c>--input-format</c> names or told from the name and content, including FHIR R4 JSON. Every problem is a
/// diagnostic; standard input is named <see cref="StandardInputName"/> in them and read within the same limits as a
/// file (<see cref="InputLimits"/>).
/// </summary>
internal static class PanelInput
{
    /// <summary>What diagnostics call standard input.</summary>
    public const string StandardInputName = "<stdin>";

    /// <summary>How much of a JSON input is looked at to tell FHIR from a panel document: all of it, up to the size limit.</summary>
    private const int SniffBytes = InputLimits.MaxDocumentBytes + 1;

    /// <summary>The <c>--input-format</c> names, in help order.</summary>
    public static IReadOnlyList<string> Names { get; } = ["csv", "yaml", "json", "fhir"];

    /// <summary>The names for a synopsis: <c>csv|yaml|json|fhir</c>.</summary>
    public static string Choices => string.Join('|', Names);

    /// <summary>The format an <c>--input-format</c> name names, or <c>null</c>.</summary>
    public static InputFormat? ParseFormat(string name) => name.ToLowerInvariant() switch
    {
        "csv" => InputFormat.Csv,
        "yaml" or "yml" => InputFormat.Yaml,
        "json" => InputFormat.Json,
        "fhir" => InputFormat.Fhir,
        _ => null,
    };

    /// <summary>The name diagnostics give an argument: <see cref="StandardInputName"/> for <c>-</c>, else the path as given.</summary>
    public static string DisplayName(string argument) => argument == CommandOptions.StandardInput ? StandardInputName : argument;

    /// <summary>Reads the panels of <paramref name="argument"/> (a path, or <c>-</c> for <paramref name="stdin"/>).</summary>
    public static ParseResult<IReadOnlyList<Panel>> Read(string argument, InputFormat format, Stream stdin)
    {
        ArgumentNullException.ThrowIfNull(argument);
        ArgumentNullException.ThrowIfNull(stdin);
        if (argument == CommandOptions.StandardInput)
        {
            return Read(stdin, StandardInputName, format);
        }

        // A file whose name says CSV or YAML is read as before, without looking for FHIR in it.
        if (format == InputFormat.Auto && PanelReader.FormatFromExtension(argument) is not (PanelFormat.Json or PanelFormat.Auto))
        {
            return new PanelReader().ReadFile(argument);
        }

        FileStream stream;
        try
        {
            stream = new FileStream(argument, FileMode.Open, FileAccess.Read, FileShare.Read, PanelReader.BufferSize, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            // The core's reader gives the same located diagnostic for a file it cannot open.
            return new PanelReader().ReadFile(argument);
        }

        using (stream)
        {
            return Read(stream, argument, format);
        }
    }

    private static ParseResult<IReadOnlyList<Panel>> Read(Stream stream, string name, InputFormat format)
    {
        try
        {
            switch (format)
            {
                case InputFormat.Fhir:
                    return FhirImporter.Read(stream, name);
                case InputFormat.Csv:
                    return new PanelReader().Read(stream, name, PanelReader.CsvByHeader);
                case InputFormat.Yaml:
                    return new PanelReader().Read(stream, name, PanelFormat.Yaml);
                case InputFormat.Json:
                    return new PanelReader().Read(stream, name, PanelFormat.Json);
            }

            var (head, complete) = Head(stream);
            using var rest = complete ? new MemoryStream(head, writable: false) : (Stream)new ReplayStream(head, stream);
            return complete && IsFhir(head)
                ? FhirImporter.Read(rest, name)
                : new PanelReader().Read(rest, name, PanelFormat.Auto);
        }
        catch (IOException)
        {
            return new ParseResult<IReadOnlyList<Panel>>([], [Diagnostic.Error(DiagnosticCodes.FileNotReadable, "The input could not be read.", new SourceLocation(name))]);
        }
    }

    /// <summary>
    /// The start of the input: all of it when it is JSON (up to the size limit; a larger one is reported as too large by
    /// the reader it goes to), else the first block, enough for the reader to tell CSV from YAML as it reads on.
    /// </summary>
    private static (byte[] Head, bool Complete) Head(Stream stream)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[PanelReader.BufferSize];
        var json = (bool?)null;
        while (buffer.Length < SniffBytes)
        {
            var read = stream.Read(chunk, 0, (int)Math.Min(chunk.Length, SniffBytes - buffer.Length));
            if (read == 0)
            {
                return (buffer.ToArray(), true);
            }

            buffer.Write(chunk, 0, read);
            json ??= FirstSignificant(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) switch
            {
                null => null,
                (byte)'{' or (byte)'[' => true,
                _ => false,
            };
            if (json == false)
            {
                return (buffer.ToArray(), false);
            }
        }

        return (buffer.ToArray(), false);
    }

    /// <summary>The first byte that is not white space after a UTF-8 byte-order mark, or <c>null</c> while undecided.</summary>
    internal static byte? FirstSignificant(ReadOnlySpan<byte> bytes)
    {
        ReadOnlySpan<byte> bom = [0xEF, 0xBB, 0xBF];
        if (bytes.Length < bom.Length && bom.StartsWith(bytes))
        {
            // A pipe's first read may end inside the mark: wait for the rest before deciding.
            return null;
        }

        if (bytes.StartsWith(bom))
        {
            bytes = bytes[3..];
        }

        var at = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return at < 0 ? null : bytes[at];
    }

    /// <summary>
    /// True when the JSON is a FHIR resource (an object with a <c>resourceType</c> member) or a list whose first item is
    /// one. A panel document has no such member; JSON that does not parse is left to the panel reader, which locates the error.
    /// </summary>
    internal static bool IsFhir(ReadOnlySpan<byte> utf8)
    {
        if (utf8.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            utf8 = utf8[3..];
        }

        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = InputLimits.MaxDefinitionNesting, CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            if (!reader.Read())
            {
                return false;
            }

            var objectDepth = 1;
            if (reader.TokenType == JsonTokenType.StartArray)
            {
                if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
                {
                    return false;
                }

                objectDepth = 2;
            }
            else if (reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read())
            {
                if (reader.CurrentDepth < objectDepth)
                {
                    return false;
                }

                if (reader.TokenType == JsonTokenType.PropertyName && reader.CurrentDepth == objectDepth && reader.ValueTextEquals("resourceType"u8))
                {
                    return true;
                }
            }
        }
        catch (JsonException)
        {
            return false;
        }

        return false;
    }
}
