using System.Globalization;
using System.Text;
using System.Text.Json;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Loads JSON with <see cref="Utf8JsonReader"/> into <see cref="DocumentNode"/>s, computing each token's line and column
/// from its byte offset. Comments are skipped (so sample files can explain themselves); parts nested deeper than
/// <see cref="YamlDocumentLoader.MaxDepth"/> are skipped, and a file nested deeper than
/// <see cref="InputLimits.MaxDefinitionNesting"/> is not read, as in YAML.
/// </summary>
internal static class JsonDocumentLoader
{
    public static IReadOnlyList<DocumentNode> Load(byte[] utf8, string? file, List<Diagnostic> diagnostics)
    {
        var start = utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var data = utf8.AsMemory(start);
        var context = new Context(new LineIndex(data.Span), file, diagnostics);
        var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,

            // One more than the limit, so the reader lets the skipping below meet the list or map past it and say where.
            MaxDepth = InputLimits.MaxDefinitionNesting + 1,
        });

        try
        {
            if (!reader.Read())
            {
                return [];
            }

            var root = ReadNode(ref reader, 1, context);
            if (reader.Read())
            {
                var (line, column) = context.Lines.Position(reader.TokenStartIndex);
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.SyntaxError,
                    "More JSON follows the end of the document; write several panels as a list [ ... ] instead.",
                    new SourceLocation(file, line, column)));
            }

            return [root];
        }
        catch (JsonException) when (context.TooDeepAt is var (line, column))
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.NestingTooDeep,
                $"The JSON is nested more than {InputLimits.MaxDefinitionNesting} levels deep here, which no panel file needs; the file is not used.",
                new SourceLocation(file, line, column)));
            return [];
        }
        catch (JsonException exception)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.SyntaxError,
                "The JSON is not well formed here, so the file cannot be read; check for a missing comma, quote, " +
                "colon or bracket.",
                new SourceLocation(
                    file,
                    exception.LineNumber is { } line ? (int)line + 1 : null,
                    exception.BytePositionInLine is { } position ? (int)position + 1 : null)));
            return [];
        }
    }

    private static DocumentNode ReadNode(ref Utf8JsonReader reader, int depth, Context context)
    {
        var (line, column) = context.Lines.Position(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray when depth > YamlDocumentLoader.MaxDepth:
                context.Diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.NestingTooDeep,
                    $"The JSON is nested more than {YamlDocumentLoader.MaxDepth} levels deep, which no panel file needs; this part is skipped.",
                    new SourceLocation(context.File, line, column)));
                Skip(ref reader, context);
                return new DocumentRejected(line, column);
            case JsonTokenType.StartObject:
            {
                var entries = new List<DocumentEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = context.Lines.Position(reader.TokenStartIndex);
                    var key = Text(ref reader, keyLine, keyColumn, context);
                    reader.Read();
                    entries.Add(new DocumentEntry(key, keyLine, keyColumn, ReadNode(ref reader, depth + 1, context)));
                }

                return new DocumentMap(entries, line, column);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<DocumentNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadNode(ref reader, depth + 1, context));
                }

                return new DocumentList(items, line, column);
            }

            case JsonTokenType.String:
                return new DocumentScalar(Text(ref reader, line, column, context), line, column);
            case JsonTokenType.Number:
                return new DocumentScalar(Encoding.UTF8.GetString(reader.ValueSpan), line, column);
            case JsonTokenType.True or JsonTokenType.False:
                return new DocumentScalar(reader.TokenType == JsonTokenType.True ? "true" : "false", line, column);
            default:
                return new DocumentScalar(null, line, column);
        }
    }

    /// <summary>
    /// Skips the list or map the reader is on; a list or map inside it deeper than
    /// <see cref="InputLimits.MaxDefinitionNesting"/> ends the reading (<see cref="Context.TooDeepAt"/>).
    /// </summary>
    private static void Skip(ref Utf8JsonReader reader, Context context)
    {
        var level = reader.CurrentDepth;
        while (reader.Read() && reader.CurrentDepth > level)
        {
            // CurrentDepth counts the lists and maps around a token; the limit counts the one it starts too.
            if (reader.TokenType is JsonTokenType.StartObject or JsonTokenType.StartArray
                && reader.CurrentDepth + 1 > InputLimits.MaxDefinitionNesting)
            {
                context.TooDeepAt = context.Lines.Position(reader.TokenStartIndex);
                throw new JsonException("The nesting is too deep.");
            }
        }
    }

    /// <summary>
    /// A string token's text. A <c>\u</c> escape of half a surrogate pair (<c>\ud800</c>), which is no character and which
    /// <see cref="Utf8JsonReader.GetString"/> refuses, is reported and read as U+FFFD, the rest of the text kept.
    /// </summary>
    private static string Text(ref Utf8JsonReader reader, int line, int column, Context context)
    {
        try
        {
            return reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            context.Diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.SyntaxError,
                "This text has a \\u escape of half a character pair (such as \\ud800), which is not a character; it is read as U+FFFD, the replacement character.",
                new SourceLocation(context.File, line, column)));
            return Unescape(Encoding.UTF8.GetString(reader.ValueSpan));
        }
    }

    /// <summary>Resolves the escapes of a JSON string the reader has checked, turning an unpaired surrogate into U+FFFD.</summary>
    private static string Unescape(string escaped)
    {
        var text = new StringBuilder(escaped.Length);
        for (var i = 0; i < escaped.Length; i++)
        {
            var c = escaped[i];
            if (c != '\\')
            {
                text.Append(c);
                continue;
            }

            c = escaped[++i];
            text.Append(c switch
            {
                'b' => '\b',
                'f' => '\f',
                'n' => '\n',
                'r' => '\r',
                't' => '\t',
                'u' => (char)int.Parse(escaped.AsSpan(i + 1, 4), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture),
                _ => c,
            });
            if (c == 'u')
            {
                i += 4;
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
            }
            else if (char.IsSurrogate(text[i]))
            {
                text[i] = '\uFFFD';
            }
        }

        return text.ToString();
    }

    /// <summary>What the reading of one document shares.</summary>
    private sealed class Context(LineIndex lines, string? file, List<Diagnostic> diagnostics)
    {
        public LineIndex Lines { get; } = lines;

        public string? File { get; } = file;

        public List<Diagnostic> Diagnostics { get; } = diagnostics;

        /// <summary>Where the list or map one level past <see cref="InputLimits.MaxDefinitionNesting"/> starts, once met.</summary>
        public (int Line, int Column)? TooDeepAt { get; set; }
    }

    /// <summary>Maps byte offsets to 1-based lines and character columns.</summary>
    private sealed class LineIndex
    {
        private readonly byte[] _data;
        private readonly List<int> _starts = [0];

        public LineIndex(ReadOnlySpan<byte> data)
        {
            _data = data.ToArray();
            for (var i = 0; i < data.Length; i++)
            {
                if (data[i] == (byte)'\n')
                {
                    _starts.Add(i + 1);
                }
            }
        }

        public (int Line, int Column) Position(long offset)
        {
            var index = _starts.BinarySearch((int)offset);
            var line = index >= 0 ? index : ~index - 1;
            var start = _starts[line];
            var column = Encoding.UTF8.GetCharCount(_data, start, (int)offset - start) + 1;
            return (line + 1, column);
        }
    }
}
