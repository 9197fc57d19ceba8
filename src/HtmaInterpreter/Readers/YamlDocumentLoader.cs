using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Yaml;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Loads YAML with YamlDotNet's low-level parser into <see cref="DocumentNode"/>s with their positions. Anchors and
/// aliases are rejected (panel files need neither, and aliases allow "billion laughs" expansion); parts nested deeper
/// than <see cref="MaxDepth"/> are skipped, and a file nested deeper than <see cref="InputLimits.MaxDefinitionNesting"/>
/// is not read (<see cref="YamlGuard"/>).
/// </summary>
internal static class YamlDocumentLoader
{
    /// <summary>The deepest nesting read; see <see cref="InputLimits.MaxPanelNesting"/>.</summary>
    public const int MaxDepth = InputLimits.MaxPanelNesting;

    public static IReadOnlyList<DocumentNode> Load(TextReader text, string? file, List<Diagnostic> diagnostics) =>
        YamlGuard.Parse(
            text,
            YamlDocumentKind.Panel,
            mark => SourceText.AtMark(file, mark),
            parser => ReadDocuments(parser, file, diagnostics),
            diagnostics) ?? [];

    private static List<DocumentNode> ReadDocuments(IParser parser, string? file, List<Diagnostic> diagnostics)
    {
        var documents = new List<DocumentNode>();
        while (parser.MoveNext())
        {
            if (parser.Current is DocumentStart)
            {
                parser.MoveNext();
                documents.Add(ReadNode(parser, 1, file, diagnostics));
            }
        }

        return documents;
    }

    /// <summary>Reads the node at the parser's current event and leaves the parser on the event after it.</summary>
    private static DocumentNode ReadNode(IParser parser, int depth, string? file, List<Diagnostic> diagnostics)
    {
        var current = parser.Current!;
        var line = (int)current.Start.Line;
        var column = (int)current.Start.Column;
        if (current is AnchorAlias)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.YamlAnchorOrAlias,
                "YAML aliases (*name) are not allowed in panel files; write the value out instead.",
                new SourceLocation(file, line, column)));
            parser.MoveNext();
            return new DocumentRejected(line, column);
        }

        if (current is NodeEvent { Anchor.IsEmpty: false })
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.YamlAnchorOrAlias,
                "YAML anchors (&name) are not allowed in panel files; write each value out instead.",
                new SourceLocation(file, line, column)));
        }

        if (current is MappingStart or SequenceStart && depth > MaxDepth)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.NestingTooDeep,
                $"The YAML is nested more than {MaxDepth} levels deep, which no panel file needs; this part is skipped.",
                new SourceLocation(file, line, column)));
            parser.SkipThisAndNestedEvents();
            return new DocumentRejected(line, column);
        }

        switch (current)
        {
            case Scalar scalar:
                parser.MoveNext();
                var isNull = YamlNodes.IsNull(scalar.Style, scalar.Value);
                return new DocumentScalar(isNull ? null : scalar.Value, line, column);
            case SequenceStart:
            {
                parser.MoveNext();
                var items = new List<DocumentNode>();
                while (parser.Current is not SequenceEnd)
                {
                    items.Add(ReadNode(parser, depth + 1, file, diagnostics));
                }

                parser.MoveNext();
                return new DocumentList(items, line, column);
            }

            case MappingStart:
            {
                parser.MoveNext();
                var entries = new List<DocumentEntry>();
                while (parser.Current is not MappingEnd)
                {
                    var keyEvent = parser.Current!;
                    var key = ReadNode(parser, depth + 1, file, diagnostics);
                    // YamlDotNet can end a mapping right after a key (a lone ':' on the last line): no value, as null.
                    var value = parser.Current is MappingEnd
                        ? new DocumentScalar(null, (int)parser.Current.Start.Line, (int)parser.Current.Start.Column)
                        : ReadNode(parser, depth + 1, file, diagnostics);
                    if (key is DocumentScalar { Text: { } keyText })
                    {
                        entries.Add(new DocumentEntry(keyText, key.Line, key.Column, value));
                    }
                    else if (key is not DocumentRejected)
                    {
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.UnexpectedStructure,
                            "A key must be a plain name such as sample_id; this entry is not used.",
                            new SourceLocation(file, (int)keyEvent.Start.Line, (int)keyEvent.Start.Column)));
                    }
                }

                parser.MoveNext();
                return new DocumentMap(entries, line, column);
            }

            default:
                parser.MoveNext();
                return new DocumentRejected(line, column);
        }
    }
}
