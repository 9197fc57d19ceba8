using HtmaInterpreter.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

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
            && !(required && YamlNodes.IsNull(value)))
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
