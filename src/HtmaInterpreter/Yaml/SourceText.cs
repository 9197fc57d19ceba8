using HtmaInterpreter.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

/// <summary>
/// The raw text of one YAML (or YAML-read JSON) file, able to turn a character index into a 1-based line and column;
/// the rule, client-context and branding readers locate through it (<see cref="YamlReader(SourceText, YamlDocumentKind, ICollection{Diagnostic})"/>).
/// </summary>
internal sealed class SourceText
{
    private readonly int[] _lineStarts;

    public SourceText(string text, string? fileName)
    {
        Text = text;
        FileName = fileName;
        var starts = new List<int> { 0 };
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '\n')
            {
                starts.Add(i + 1);
            }
        }

        _lineStarts = [.. starts];
    }

    public string Text { get; }

    public string? FileName { get; }

    public SourceLocation Locate(int index, string? field = null)
    {
        index = Math.Clamp(index, 0, Text.Length);
        var line = Array.BinarySearch(_lineStarts, index);
        if (line < 0)
        {
            line = ~line - 1;
        }

        return new SourceLocation(FileName, line + 1, index - _lineStarts[line] + 1, field);
    }

    /// <summary>
    /// Where a YamlDotNet position stands by the line and column YamlDotNet counted, which takes a lone CR for a line
    /// break too (<see cref="Locate(int, string?)"/> counts only LF); the definitions and panel readers locate this way.
    /// </summary>
    public static SourceLocation AtMark(string? file, Mark mark, string? field = null) =>
        new(file, ToInt(mark.Line), ToInt(mark.Column), field);

    public SourceLocation Locate(YamlNode node, string? field = null) => Locate((int)node.Start.Index, field);

    private static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
}
