using System.Globalization;
using HtmaInterpreter.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

/// <summary>
/// Reads one YAML file into YamlDotNet's representation model and turns every schema problem into a located
/// <see cref="Diagnostic"/>: the one set of value readers (mappings with their allowed keys, required and optional
/// text, numbers, lists, lists of texts, choices) the definitions, rule, client-context and branding readers share.
/// The codes come from the file's <see cref="YamlDocumentKind"/>, so each kind keeps its own; the messages are the same
/// for every kind. No YamlDotNet exception leaves this class (the text is parsed through <see cref="YamlGuard"/>).
/// </summary>
internal sealed class YamlReader
{
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly Func<Mark, string?, SourceLocation> _locate;

    private YamlReader(YamlDocumentKind kind, Func<Mark, string?, SourceLocation> locate, ICollection<Diagnostic> diagnostics)
    {
        Kind = kind;
        _locate = locate;
        _diagnostics = diagnostics;
    }

    /// <summary>Creates a reader for a definitions file, located by the line and column YamlDotNet counts (<see cref="SourceText.AtMark"/>).</summary>
    /// <param name="file">The file name shown in diagnostics.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    public YamlReader(string file, ICollection<Diagnostic> diagnostics)
        : this(YamlDocumentKind.Definitions, (mark, field) => SourceText.AtMark(file, mark, field), diagnostics)
    {
    }

    /// <summary>Creates a reader for a text located through <paramref name="source"/> (rule, client-context and branding files).</summary>
    /// <param name="source">The text, which locates positions.</param>
    /// <param name="kind">The kind of file, for codes and messages.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    public YamlReader(SourceText source, YamlDocumentKind kind, ICollection<Diagnostic> diagnostics)
        : this(kind, (mark, field) => source.Locate((int)mark.Index, field), diagnostics)
    {
    }

    /// <summary>The kind of file, whose codes the problems carry.</summary>
    public YamlDocumentKind Kind { get; }

    /// <summary>How many errors this reader has reported.</summary>
    public int Errors { get; private set; }

    /// <summary>Parses the text and returns the root node of its first document, or <c>null</c> (with a diagnostic) when it is not valid YAML or empty.</summary>
    /// <param name="text">The YAML text.</param>
    /// <returns>The root node.</returns>
    public YamlNode? Parse(string text)
    {
        var root = Parse(text, out var readable);
        if (readable && root is null)
        {
            Errors++;
            _diagnostics.Add(Diagnostic.Error(Kind.MissingKeyCode, "The file is empty.", _locate(Mark.Empty, null) with { Line = 1, Column = 1 }));
        }

        return root;
    }

    /// <summary>
    /// Parses the text and returns the root node of its first document; <c>null</c> when the text holds no document, or
    /// (with a diagnostic) when it is not valid YAML. <paramref name="readable"/> tells the two apart.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="readable"><c>false</c> when the text could not be read (the error is reported).</param>
    /// <returns>The root node.</returns>
    public YamlNode? Parse(string text, out bool readable)
    {
        readable = YamlGuard.TryLoadRoot(text, Kind, mark => _locate(mark, null), _diagnostics, out var root);
        return root;
    }

    /// <summary>The location of a node.</summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name, when useful.</param>
    /// <returns>The location.</returns>
    public SourceLocation At(YamlNode node, string? field = null) => _locate(node.Start, field);

    /// <summary>Adds an error at a node.</summary>
    /// <param name="code">The diagnostic code.</param>
    /// <param name="message">The message.</param>
    /// <param name="node">The node the problem concerns.</param>
    /// <param name="field">The field name, when useful.</param>
    public void Error(string code, string message, YamlNode node, string? field = null)
    {
        Errors++;
        _diagnostics.Add(Diagnostic.Error(code, message, At(node, field)));
    }

    /// <summary>Adds an error of the kind's wrong-type code, with the kind's note on what becomes of the value.</summary>
    /// <param name="expected">What was expected, e.g. <c>text</c>.</param>
    /// <param name="field">The field name.</param>
    /// <param name="node">The node found.</param>
    public void WrongType(string expected, string field, YamlNode node) =>
        Error(Kind.WrongTypeCode, $"Expected {expected} for '{field}', found {Describe(node)}.{Kind.ValueInErrorNote}", node, field);

    /// <summary>
    /// Views a node as a mapping; reports a wrong type, and keys outside <paramref name="allowedKeys"/> (an error, or
    /// a warning saying the key is ignored, as the kind has it).
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="what">What the mapping describes, for messages (e.g. <c>ratio</c>).</param>
    /// <param name="allowedKeys">The keys the schema allows; <c>null</c> for free keys (e.g. element symbols), not checked.</param>
    /// <returns>The mapping, or <c>null</c> when the node is not a mapping.</returns>
    public YamlMap? Map(YamlNode node, string what, IReadOnlyList<string>? allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(Kind.WrongTypeCode, $"Expected a mapping (key: value pairs) for the {what}, found {Describe(node)}.", node);
            return null;
        }

        var map = new YamlMap(this, mapping, what);
        if (allowedKeys is null)
        {
            return map;
        }

        foreach (var (key, _) in map.Entries())
        {
            if (allowedKeys.Contains(key.Value, StringComparer.Ordinal))
            {
                continue;
            }

            var list = string.Join(", ", allowedKeys);
            if (Kind.UnknownKeyIsWarning)
            {
                _diagnostics.Add(Diagnostic.Warning(Kind.UnknownKeyCode, $"'{key.Value}' is not a {what} key (they are {list}); it is ignored.", At(key, key.Value)));
            }
            else
            {
                Error(Kind.UnknownKeyCode, $"Unknown key '{key.Value}' in the {what}; allowed keys: {list}.", key, key.Value);
            }
        }

        return map;
    }

    /// <inheritdoc cref="Map(YamlNode, string, IReadOnlyList{string}?)"/>
    public YamlMap? Map(YamlNode node, string what, params string[] allowedKeys) => Map(node, what, (IReadOnlyList<string>)allowedKeys);

    /// <summary>Reads a scalar as text; reports a wrong type for lists and mappings (and, with <paramref name="nonEmpty"/>, for an empty text).</summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name.</param>
    /// <param name="nonEmpty">Whether an empty text is a wrong type too.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    public string? Text(YamlNode node, string field, bool nonEmpty = false)
    {
        if (node is YamlScalarNode { Value: { } value } && !(nonEmpty && value.Length == 0))
        {
            return value;
        }

        WrongType(nonEmpty ? "a non-empty text" : "text", field, node);
        return null;
    }

    /// <summary>Reads a plain (unquoted) scalar as a finite number; reports a wrong type otherwise.</summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name.</param>
    /// <returns>The number, or <c>null</c>.</returns>
    public decimal? Number(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Style: ScalarStyle.Plain, Value: { } value }
            && decimal.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
        {
            return number;
        }

        WrongType("a number", field, node);
        return null;
    }

    /// <summary>Reads a sequence; reports a wrong type otherwise.</summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name.</param>
    /// <returns>The items, or an empty list.</returns>
    public IReadOnlyList<YamlNode> Sequence(YamlNode node, string field)
    {
        if (node is YamlSequenceNode sequence)
        {
            return [.. sequence.Children];
        }

        WrongType("a list", field, node);
        return [];
    }

    /// <summary>
    /// Reads a list of texts, or (with <paramref name="singleAllowed"/>) one text as a list of one; YAML's null is an
    /// empty list. An entry that is not text is reported and left out.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name.</param>
    /// <param name="singleAllowed">Whether one text stands for a list of one.</param>
    /// <returns>The text nodes, or <c>null</c> (reported) when the node is neither a list nor, where allowed, a text.</returns>
    public IReadOnlyList<YamlScalarNode>? Scalars(YamlNode node, string field, bool singleAllowed)
    {
        switch (node)
        {
            case YamlScalarNode scalar when YamlNodes.IsNull(scalar):
                return [];
            case YamlScalarNode single when singleAllowed:
                return [single];
            case YamlSequenceNode sequence:
                var items = new List<YamlScalarNode>(sequence.Children.Count);
                foreach (var item in sequence.Children)
                {
                    if (item is YamlScalarNode { Value: not null } scalar)
                    {
                        items.Add(scalar);
                    }
                    else
                    {
                        Error(Kind.WrongTypeCode, $"Expected text for each entry of '{field}', found {Describe(item)}.{Kind.ValueInErrorNote}", item, field);
                    }
                }

                return items;
            default:
                WrongType(singleAllowed ? "text or a list of texts" : "a list", field, node);
                return null;
        }
    }

    /// <summary>A short description of a node's kind for messages.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The description.</returns>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode scalar when YamlNodes.IsNull(scalar) => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => $"'{scalar.Value}'",
        YamlScalarNode scalar => $"the quoted text \"{scalar.Value}\"",
        _ => "an alias",
    };
}
