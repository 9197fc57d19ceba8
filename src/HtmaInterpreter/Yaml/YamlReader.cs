using System.Globalization;
using HtmaInterpreter.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

/// <summary>
/// Reads one YAML file into YamlDotNet's representation model and turns every schema problem into a
/// <see cref="Diagnostic"/> with file, line and column. No YamlDotNet exception leaves this class (the text is parsed
/// through <see cref="YamlGuard"/>).
/// Its problems carry the definitions' codes (<see cref="DiagnosticCodes.DefinitionsWrongType"/> and the like): the
/// definitions loader reads ratios, labs and oxidation models through it; the rule, client-context and branding readers
/// have schema messages and codes of their own and read the model's nodes directly, located by <see cref="SourceText"/>.
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
        if (!YamlGuard.TryLoadRoot(text, YamlDocumentKind.Definitions, mark => SourceText.AtMark(File, mark), _diagnostics, out var root))
        {
            return null;
        }

        if (root is null)
        {
            _diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DefinitionsMissingKey, "The file is empty.", new SourceLocation(File, 1, 1)));
        }

        return root;
    }

    /// <summary>The location of a node.</summary>
    /// <param name="node">The node.</param>
    /// <param name="field">The field name, when useful.</param>
    /// <returns>The location.</returns>
    public SourceLocation At(YamlNode node, string? field = null) =>
        SourceText.AtMark(File, node.Start, field);

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
        YamlScalarNode scalar when YamlNodes.IsNull(scalar) => "nothing",
        YamlScalarNode { Style: ScalarStyle.Plain } scalar => $"'{scalar.Value}'",
        YamlScalarNode scalar => $"the quoted text \"{scalar.Value}\"",
        _ => "an alias",
    };
}
