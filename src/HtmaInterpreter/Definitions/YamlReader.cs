using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Definitions;

/// <summary>
/// Reads one YAML file into YamlDotNet's representation model and turns every schema problem into a
/// <see cref="Diagnostic"/> with file, line and column. No YamlDotNet exception leaves this class (the text is parsed
/// through <see cref="YamlGuard"/>).
/// Reusable by any loader of YAML definitions (ratios, labs, oxidation models, rules).
/// </summary>
internal sealed class YamlReader
{
    private readonly ICollection<Diagnostic> _diagnostics;

    /// <summary>Creates a reader for one file.</summary>
    /// <param name="file">The file name shown in diagnostics.</param>
    /// <param name="diagnostics">Where diagnostics go.</param>
    public YamlReader(string file, ICollection<Diagnostic> diagnostics)
    {
        File = file;
        _diagnostics = diagnostics;
    }

    /// <summary>The file name shown in diagnostics.</summary>
    public string File { get; }

    /// <summary>Parses the text and returns the root node of its only document, or <c>null</c> (with a diagnostic) when it is not valid YAML or empty.</summary>
    /// <param name="text">The YAML text.</param>
    /// <returns>The root node.</returns>
    public YamlNode? Parse(string text)
    {
        var stream = YamlGuard.LoadStream(text, YamlDocumentKind.Definitions, mark => new SourceLocation(File, ToInt(mark.Line), ToInt(mark.Column)), _diagnostics);
        if (stream is null)
        {
            return null;
        }

        if (stream.Documents.Count == 0)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DefinitionsMissingKey, "The file is empty.", new SourceLocation(File, 1, 1)));
            return null;
        }

        return stream.Documents[0].RootNode;
    }

    /// <summary>The location of a node.</summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name, when useful.</param>
    /// <returns>The location.</returns>
    public SourceLocation At(YamlNode node, string? field = null) =>
        new(File, ToInt(node.Start.Line), ToInt(node.Start.Column), field);

    /// <summary>Adds an error at a node.</summary>
    /// <param name="code">The diagnostic code.</param>
    /// <param name="message">The message.</param>
    /// <param name="node">The node the problem concerns.</param>
    /// <param name="field">The field name, when useful.</param>
    public void Error(string code, string message, YamlNode node, string? field = null) =>
        _diagnostics.Add(Diagnostic.Error(code, message, At(node, field)));

    /// <summary>Views a node as a mapping with a fixed set of allowed keys; reports a wrong type or unknown keys.</summary>
    /// <param name="node">The node.</param>
    /// <param name="what">What the mapping describes, for messages (e.g. <c>ratio</c>).</param>
    /// <param name="allowedKeys">The keys the schema allows.</param>
    /// <returns>The mapping, or <c>null</c> when the node is not a mapping.</returns>
    public YamlMap? Map(YamlNode node, string what, params string[] allowedKeys)
    {
        if (node is not YamlMappingNode mapping)
        {
            Error(DiagnosticCodes.DefinitionsWrongType, $"Expected a mapping (key: value pairs) for the {what}, found {Describe(node)}.", node);
            return null;
        }

        var map = new YamlMap(this, mapping, what);
        foreach (var (key, _) in map.Entries())
        {
            if (!allowedKeys.Contains(key.Value, StringComparer.Ordinal))
            {
                Error(
                    DiagnosticCodes.DefinitionsUnknownKey,
                    $"Unknown key '{key.Value}' in the {what}; allowed keys: {string.Join(", ", allowedKeys)}.",
                    key,
                    key.Value);
            }
        }

        return map;
    }

    /// <summary>Reads a scalar as text; reports a wrong type for lists and mappings.</summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    public string? Text(YamlNode node, string field)
    {
        if (node is YamlScalarNode { Value: { } value })
        {
            return value;
        }

        Error(DiagnosticCodes.DefinitionsWrongType, $"Expected text for '{field}', found {Describe(node)}.", node, field);
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

        Error(DiagnosticCodes.DefinitionsWrongType, $"Expected a number for '{field}', found {Describe(node)}.", node, field);
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

        Error(DiagnosticCodes.DefinitionsWrongType, $"Expected a list for '{field}', found {Describe(node)}.", node, field);
        return [];
    }

    /// <summary>A short description of a node's kind for messages.</summary>
    /// <param name="node">The node.</param>
    /// <returns>The description.</returns>
    public static string Describe(YamlNode node) => node switch
    {
        YamlMappingNode => "a mapping",
        YamlSequenceNode => "a list",
        YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => $"'{scalar.Value}'",
        YamlScalarNode scalar => $"the quoted text \"{scalar.Value}\"",
        _ => "an alias",
    };

    private static int ToInt(long value) => value > int.MaxValue ? int.MaxValue : (int)value;
}

/// <summary>A YAML mapping read through a <see cref="YamlReader"/>: typed access to keys, each problem a diagnostic.</summary>
internal sealed class YamlMap
{
    private readonly YamlReader _reader;
    private readonly YamlMappingNode _node;
    private readonly string _what;

    /// <summary>Wraps a mapping.</summary>
    /// <param name="reader">The reader that reports problems.</param>
    /// <param name="node">The mapping node.</param>
    /// <param name="what">What the mapping describes.</param>
    public YamlMap(YamlReader reader, YamlMappingNode node, string what)
    {
        _reader = reader;
        _node = node;
        _what = what;
    }

    /// <summary>The mapping node.</summary>
    public YamlMappingNode Node => _node;

    /// <summary>The reader.</summary>
    public YamlReader Reader => _reader;

    /// <summary>The entries with scalar keys, in file order; a non-scalar key is reported as a wrong type.</summary>
    /// <returns>The entries.</returns>
    public IEnumerable<(YamlScalarNode Key, YamlNode Value)> Entries()
    {
        foreach (var (key, value) in _node.Children)
        {
            if (key is YamlScalarNode { Value: not null } scalar)
            {
                yield return (scalar, value);
            }
            else
            {
                _reader.Error(DiagnosticCodes.DefinitionsWrongType, $"Keys in the {_what} must be plain text.", key);
            }
        }
    }

    /// <summary>The node under a key, or <c>null</c>; reports a missing key when <paramref name="required"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <returns>The node.</returns>
    public YamlNode? Get(string key, bool required)
    {
        if (_node.Children.TryGetValue(new YamlScalarNode(key), out var value)
            && !(value is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" } && required))
        {
            return value;
        }

        if (required)
        {
            _reader.Error(DiagnosticCodes.DefinitionsMissingKey, $"The {_what} needs a '{key}' key.", _node, key);
        }

        return null;
    }

    /// <summary>Reads text under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    public string? Text(string key, bool required = true) =>
        Get(key, required) is { } node ? _reader.Text(node, key) : null;

    /// <summary>Reads a number under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <returns>The number, or <c>null</c>.</returns>
    public decimal? Number(string key, bool required = true) =>
        Get(key, required) is { } node ? _reader.Number(node, key) : null;

    /// <summary>Reads a list under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <returns>The items (empty when absent).</returns>
    public IReadOnlyList<YamlNode> Sequence(string key, bool required = true) =>
        Get(key, required) is { } node ? _reader.Sequence(node, key) : [];

    /// <summary>Reads a list of texts under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <returns>The texts (empty when absent).</returns>
    public IReadOnlyList<string> TextList(string key, bool required = false) =>
        [.. Sequence(key, required).Select(item => _reader.Text(item, key)).OfType<string>()];

    /// <summary>Reads a nested mapping under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <param name="allowedKeys">The keys the nested mapping allows.</param>
    /// <returns>The mapping, or <c>null</c>.</returns>
    public YamlMap? Map(string key, bool required, params string[] allowedKeys) =>
        Get(key, required) is { } node ? _reader.Map(node, key, allowedKeys) : null;

    /// <summary>Reads a nested mapping whose keys are free (e.g. element symbols), without checking its keys.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <returns>The mapping, or <c>null</c>.</returns>
    public YamlMap? Dictionary(string key, bool required = false)
    {
        if (Get(key, required) is not { } node)
        {
            return null;
        }

        if (node is YamlMappingNode mapping)
        {
            return new YamlMap(_reader, mapping, key);
        }

        _reader.Error(DiagnosticCodes.DefinitionsWrongType, $"Expected a mapping for '{key}', found {YamlReader.Describe(node)}.", node, key);
        return null;
    }
}
