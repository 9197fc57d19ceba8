using HtmaInterpreter.Diagnostics;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

/// <summary>
/// A YAML mapping read through a <see cref="YamlReader"/>: typed access to keys, each problem a diagnostic with the
/// code of the reader's <see cref="YamlDocumentKind"/>.
/// </summary>
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
                _reader.Error(_reader.Kind.WrongTypeCode, $"Keys in the {_what} must be plain text.", key);
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
            _reader.Error(_reader.Kind.MissingKeyCode, $"The {_what} needs the key '{key}'.", _node, key);
        }

        return null;
    }

    /// <summary>Reads text under a key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    /// <param name="nonEmpty">Whether an empty text is an error too.</param>
    public string? Text(string key, bool required = true, bool nonEmpty = false) =>
        Get(key, required) is { } node ? _reader.Text(node, key, nonEmpty) : null;

    /// <summary>Reads optional text under a key; a key that is absent or YAML's null gives <c>null</c> without a word.</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text, or <c>null</c>.</returns>
    public string? OptionalText(string key) =>
        Get(key, false) is { } node && !YamlNodes.IsNull(node) ? _reader.Text(node, key) : null;

    /// <summary>Whether the mapping has the key (whatever its value).</summary>
    /// <param name="key">The key.</param>
    /// <returns><c>true</c> when the key is there.</returns>
    public bool Has(string key) => _node.Children.ContainsKey(new YamlScalarNode(key));

    /// <summary>Reads one of a fixed set of texts under a key; reports a text outside the set, listing the set.</summary>
    /// <typeparam name="T">What each text stands for.</typeparam>
    /// <param name="key">The key.</param>
    /// <param name="required">Whether the key is required.</param>
    /// <param name="choices">The allowed texts and what each stands for.</param>
    /// <returns>The value chosen, or <c>null</c> when absent or not allowed.</returns>
    public T? Choice<T>(string key, bool required, params (string Text, T Value)[] choices)
        where T : struct
    {
        if (Get(key, required) is not { } node || _reader.Text(node, key) is not { } text)
        {
            return null;
        }

        foreach (var (choiceText, value) in choices)
        {
            if (string.Equals(choiceText, text, StringComparison.Ordinal))
            {
                return value;
            }
        }

        _reader.Error(_reader.Kind.InvalidValueCode, $"'{text}' is not allowed for '{key}'; use one of: {string.Join(", ", choices.Select(c => c.Text))}.{_reader.Kind.ValueInErrorNote}", node, key);
        return null;
    }

    /// <summary>Reads a list of texts, or one text as a list of one, under a key (see <see cref="YamlReader.Scalars"/>).</summary>
    /// <param name="key">The key.</param>
    /// <returns>The text nodes (empty when absent or not a list).</returns>
    public IReadOnlyList<YamlScalarNode> Scalars(string key) =>
        Get(key, false) is { } node ? _reader.Scalars(node, key, singleAllowed: true) ?? [] : [];

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
        Get(key, required) is { } node ? [.. (_reader.Scalars(node, key, singleAllowed: false) ?? []).Select(item => item.Value!)] : [];

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

        _reader.WrongType("a mapping", key, node);
        return null;
    }
}
