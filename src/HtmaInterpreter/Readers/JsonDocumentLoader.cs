using System.Text;
using System.Text.Json;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Loads JSON with <see cref="Utf8JsonReader"/> into <see cref="DocumentNode"/>s, computing each token's line and column
/// from its byte offset. Comments are skipped (so sample files can explain themselves); nesting deeper than
/// <see cref="YamlDocumentLoader.MaxDepth"/> is rejected.
/// </summary>
internal static class JsonDocumentLoader
{
    public static IReadOnlyList<DocumentNode> Load(byte[] utf8, string? file, List<Diagnostic> diagnostics)
    {
        var start = utf8.AsSpan().StartsWith(Encoding.UTF8.Preamble) ? Encoding.UTF8.Preamble.Length : 0;
        var data = utf8.AsMemory(start);
        var lines = new LineIndex(data.Span);
        var reader = new Utf8JsonReader(data.Span, new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = 256,
        });

        try
        {
            if (!reader.Read())
            {
                return [];
            }

            var root = ReadNode(ref reader, 1, lines, file, diagnostics);
            if (reader.Read())
            {
                var (line, column) = lines.Position(reader.TokenStartIndex);
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.SyntaxError,
                    "More JSON follows the end of the document; write several panels as a list [ ... ] instead.",
                    new SourceLocation(file, line, column)));
            }

            return [root];
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

    private static DocumentNode ReadNode(ref Utf8JsonReader reader, int depth, LineIndex lines, string? file, List<Diagnostic> diagnostics)
    {
        var (line, column) = lines.Position(reader.TokenStartIndex);
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray when depth > YamlDocumentLoader.MaxDepth:
                diagnostics.Add(Diagnostic.Error(
                    DiagnosticCodes.NestingTooDeep,
                    $"The JSON is nested more than {YamlDocumentLoader.MaxDepth} levels deep, which no panel file needs; this part is skipped.",
                    new SourceLocation(file, line, column)));
                reader.Skip();
                return new DocumentRejected(line, column);
            case JsonTokenType.StartObject:
            {
                var entries = new List<DocumentEntry>();
                while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                {
                    var (keyLine, keyColumn) = lines.Position(reader.TokenStartIndex);
                    var key = reader.GetString()!;
                    reader.Read();
                    entries.Add(new DocumentEntry(key, keyLine, keyColumn, ReadNode(ref reader, depth + 1, lines, file, diagnostics)));
                }

                return new DocumentMap(entries, line, column);
            }

            case JsonTokenType.StartArray:
            {
                var items = new List<DocumentNode>();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    items.Add(ReadNode(ref reader, depth + 1, lines, file, diagnostics));
                }

                return new DocumentList(items, line, column);
            }

            case JsonTokenType.String:
                return new DocumentScalar(reader.GetString(), line, column);
            case JsonTokenType.Number:
                return new DocumentScalar(Encoding.UTF8.GetString(reader.ValueSpan), line, column);
            case JsonTokenType.True or JsonTokenType.False:
                return new DocumentScalar(reader.TokenType == JsonTokenType.True ? "true" : "false", line, column);
            default:
                return new DocumentScalar(null, line, column);
        }
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
