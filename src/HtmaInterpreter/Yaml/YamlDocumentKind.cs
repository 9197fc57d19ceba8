using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Yaml;

/// <summary>A kind of YAML document, for the codes and messages of <see cref="YamlGuard"/> and <see cref="YamlReader"/>.</summary>
/// <param name="Name">What the file is, for messages, e.g. <c>rule file</c>.</param>
/// <param name="SyntaxCode">The code of a syntax error in such a file.</param>
/// <param name="Hint">A sentence added to a syntax error's message, or an empty string.</param>
internal sealed record YamlDocumentKind(string Name, string SyntaxCode, string Hint)
{
    /// <summary>The code of a value of the wrong shape (a list where text belongs, a key that is not text, ...).</summary>
    public string WrongTypeCode { get; init; } = SyntaxCode;

    /// <summary>The code of a required key that is missing.</summary>
    public string MissingKeyCode { get; init; } = SyntaxCode;

    /// <summary>The code of a key the schema does not know.</summary>
    public string UnknownKeyCode { get; init; } = SyntaxCode;

    /// <summary>
    /// Whether an unknown key is only a warning (its value is ignored and the rest is used) rather than an error; the
    /// message says which.
    /// </summary>
    public bool UnknownKeyIsWarning { get; init; }

    /// <summary>The code of a value outside the allowed ones (a choice, a condition, ...).</summary>
    public string InvalidValueCode { get; init; } = SyntaxCode;

    /// <summary>What becomes of a value in error, as a sentence added to its message (with a leading space), or an empty string.</summary>
    public string ValueInErrorNote { get; init; } = "";

    /// <summary>A lab panel file (<see cref="Readers.PanelReader"/>; read by its own event reader, not <see cref="YamlReader"/>).</summary>
    public static YamlDocumentKind Panel { get; } = new(
        "panel file",
        DiagnosticCodes.SyntaxError,
        " Check the indentation, colons, quotes and dashes. (Values starting with > or a quote must be quoted, e.g. value: \">500\".)");

    /// <summary>A client-context file: an unknown key is a warning and ignored, a value in error is ignored.</summary>
    public static YamlDocumentKind ClientContext { get; } =
        Schema("client-context file", DiagnosticCodes.ContextUnreadable, DiagnosticCodes.InvalidContextValue, DiagnosticCodes.UnknownContextKey, unknownKeyIsWarning: true);

    /// <summary>A rule file: every schema problem is <see cref="DiagnosticCodes.RuleSchema"/> and leaves the rule out.</summary>
    public static YamlDocumentKind Rules { get; } =
        Schema("rule file", DiagnosticCodes.RuleFileUnreadable, DiagnosticCodes.RuleSchema, DiagnosticCodes.RuleSchema, unknownKeyIsWarning: false);

    /// <summary>A definitions file (ratios, labs, oxidation models).</summary>
    public static YamlDocumentKind Definitions { get; } =
        Schema("definitions file", DiagnosticCodes.DefinitionsYamlSyntax, DiagnosticCodes.DefinitionsWrongType, DiagnosticCodes.DefinitionsUnknownKey, unknownKeyIsWarning: false) with
        {
            MissingKeyCode = DiagnosticCodes.DefinitionsMissingKey,
            InvalidValueCode = DiagnosticCodes.DefinitionsInvalidValue,
        };

    /// <summary>A report branding file: an unknown key is a warning and ignored, a value in error is left out.</summary>
    public static YamlDocumentKind Branding { get; } =
        Schema("branding file", DiagnosticCodes.BrandingUnreadable, DiagnosticCodes.InvalidBrandingValue, DiagnosticCodes.UnknownBrandingKey, unknownKeyIsWarning: true) with
        {
            ValueInErrorNote = " It is left out.",
        };

    /// <summary>A kind whose wrong types, missing keys and invalid values share <paramref name="valueCode"/>.</summary>
    private static YamlDocumentKind Schema(string name, string syntaxCode, string valueCode, string unknownKeyCode, bool unknownKeyIsWarning) =>
        new(name, syntaxCode, "")
        {
            WrongTypeCode = valueCode,
            MissingKeyCode = valueCode,
            InvalidValueCode = valueCode,
            UnknownKeyCode = unknownKeyCode,
            UnknownKeyIsWarning = unknownKeyIsWarning,
        };
}
