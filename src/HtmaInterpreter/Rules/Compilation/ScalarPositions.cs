using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Yaml;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Rules;

/// <summary>
/// Maps an offset inside a YAML scalar's value back to a line and column of the YAML file, undoing quoting, escapes,
/// block-scalar indentation and line folding. Exact for single-line plain, single- and double-quoted scalars and for
/// literal/folded block scalars; multi-line flow scalars are mapped line by line (each fold counts one character).
/// </summary>
internal static class ScalarPositions
{
    public static SourceLocation Locate(SourceText source, YamlScalarNode scalar, int offset, string? field = null) =>
        Locate(source, scalar, Build(source.Text, scalar), offset, field);

    /// <summary>Like <see cref="Locate(SourceText, YamlScalarNode, int, string?)"/> with the scalar's map already built by <see cref="Build"/>.</summary>
    internal static SourceLocation Locate(SourceText source, YamlScalarNode scalar, List<int> map, int offset, string? field = null)
    {
        var index = map.Count == 0
            ? (int)scalar.Start.Index
            : offset < map.Count ? map[offset] : map[^1] + 1;
        return source.Locate(index, field);
    }

    /// <summary>For each character of the scalar's value, the index of the raw character it came from.</summary>
    internal static List<int> Build(string text, YamlScalarNode scalar)
    {
        var start = (int)scalar.Start.Index;
        var end = Math.Min((int)scalar.End.Index, text.Length);
        var map = new List<int>(end - start);
        switch (scalar.Style)
        {
            case ScalarStyle.Literal or ScalarStyle.Folded:
                MapBlock(text, start, end, map);
                break;
            case ScalarStyle.SingleQuoted:
                MapFlow(text, start + 1, end - 1, map, quote: '\'');
                break;
            case ScalarStyle.DoubleQuoted:
                MapFlow(text, start + 1, end - 1, map, quote: '"');
                break;
            default:
                MapFlow(text, start, end, map, quote: null);
                break;
        }

        return map;
    }

    private static void MapFlow(string text, int start, int end, List<int> map, char? quote)
    {
        var i = start;
        while (i < end)
        {
            var c = text[i];
            if (c is '\r' or '\n')
            {
                // A line break folds to one space (or a newline after blank lines); leading blanks of the next line vanish.
                map.Add(i);
                i = SkipBreakAndIndent(text, i, end);
                continue;
            }

            if (quote == '\'' && c == '\'' && i + 1 < end && text[i + 1] == '\'')
            {
                map.Add(i);
                i += 2;
                continue;
            }

            if (quote == '"' && c == '\\' && i + 1 < end)
            {
                var escape = text[i + 1];
                if (escape is '\r' or '\n')
                {
                    i = SkipBreakAndIndent(text, i + 1, end);
                    continue;
                }

                map.Add(i);
                i += escape switch
                {
                    'x' => 4,
                    'u' => 6,
                    'U' => 10,
                    _ => 2,
                };
                continue;
            }

            map.Add(i);
            i++;
        }
    }

    private static int SkipBreakAndIndent(string text, int i, int end)
    {
        if (text[i] == '\r' && i + 1 < end && text[i + 1] == '\n')
        {
            i++;
        }

        i++;
        while (i < end && text[i] is ' ' or '\t')
        {
            i++;
        }

        return i;
    }

    private static void MapBlock(string text, int start, int end, List<int> map)
    {
        // Skip the header line (| or > with optional indicators and a comment).
        var i = text.IndexOf('\n', start);
        if (i < 0)
        {
            return;
        }

        i++;
        int? indent = null;
        while (i < end)
        {
            var lineEnd = text.IndexOf('\n', i);
            if (lineEnd < 0 || lineEnd > end)
            {
                lineEnd = end;
            }

            var blanks = 0;
            while (i + blanks < lineEnd && text[i + blanks] == ' ')
            {
                blanks++;
            }

            var contentEnd = lineEnd > i && text[lineEnd - 1] == '\r' ? lineEnd - 1 : lineEnd;
            if (i + blanks < contentEnd)
            {
                indent ??= blanks;
                for (var j = i + Math.Min(indent.Value, blanks); j < contentEnd; j++)
                {
                    map.Add(j);
                }
            }

            if (lineEnd < end)
            {
                map.Add(lineEnd);
            }

            i = lineEnd + 1;
        }
    }
}

/// <summary>Locates offsets in one scalar of a file, building the scalar's position map once, on first use.</summary>
internal sealed class ScalarLocator(SourceText source, YamlScalarNode scalar)
{
    private List<int>? _map;

    public SourceLocation Locate(int offset, string? field = null) =>
        ScalarPositions.Locate(source, scalar, _map ??= ScalarPositions.Build(source.Text, scalar), offset, field);
}
