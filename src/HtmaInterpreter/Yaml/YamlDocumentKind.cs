using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Yaml;

/// <summary>A kind of YAML document, for the codes and messages of <see cref="YamlGuard"/>.</summary>
/// <param name="Name">What the file is, for messages, e.g. <c>rule file</c>.</param>
/// <param name="SyntaxCode">The code of a syntax error in such a file.</param>
/// <param name="Hint">A sentence added to a syntax error's message, or an empty string.</param>
internal sealed record YamlDocumentKind(string Name, string SyntaxCode, string Hint)
{
    /// <summary>A lab panel file (<see cref="Readers.PanelReader"/>).</summary>
    public static YamlDocumentKind Panel { get; } = new(
        "panel file",
        DiagnosticCodes.SyntaxError,
        " Check the indentation, colons, quotes and dashes. (Values starting with > or a quote must be quoted, e.g. value: \">500\".)");

    /// <summary>A client-context file.</summary>
    public static YamlDocumentKind ClientContext { get; } = new("client-context file", DiagnosticCodes.ContextUnreadable, "");

    /// <summary>A rule file.</summary>
    public static YamlDocumentKind Rules { get; } = new("rule file", DiagnosticCodes.RuleFileUnreadable, "");

    /// <summary>A definitions file (ratios, labs, oxidation models).</summary>
    public static YamlDocumentKind Definitions { get; } = new("definitions file", DiagnosticCodes.DefinitionsYamlSyntax, "");

    /// <summary>A report branding file.</summary>
    public static YamlDocumentKind Branding { get; } = new("branding file", DiagnosticCodes.BrandingUnreadable, "");
}
