namespace HtmaInterpreter.Diagnostics;

/// <summary>
/// One problem or remark about the input or the interpretation. Diagnostics replace exceptions for bad
/// input: they carry a stable <see cref="Code"/>, a <see cref="Location"/> and a message a practitioner can act on.
/// Messages never repeat a patient's measured value verbatim unless it is the point of the message (e.g. an absurd value).
/// </summary>
/// <param name="Code">A stable code such as <c>HTMA0101</c>; see <see cref="DiagnosticCodes"/>.</param>
/// <param name="Severity">How serious the problem is.</param>
/// <param name="Message">A plain-language message.</param>
/// <param name="Location">Where the problem is.</param>
public sealed record Diagnostic(string Code, DiagnosticSeverity Severity, string Message, SourceLocation Location)
{
    /// <summary>Creates an error diagnostic.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <param name="location">Where the problem is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Error(string code, string message, SourceLocation location) =>
        new(code, DiagnosticSeverity.Error, message, location);

    /// <summary>Creates a warning diagnostic.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <param name="location">Where the problem is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Warning(string code, string message, SourceLocation location) =>
        new(code, DiagnosticSeverity.Warning, message, location);

    /// <summary>Creates an informational diagnostic.</summary>
    /// <param name="code">The stable code.</param>
    /// <param name="message">The message.</param>
    /// <param name="location">Where the problem is.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic Info(string code, string message, SourceLocation location) =>
        new(code, DiagnosticSeverity.Info, message, location);

    /// <summary>
    /// Formats as <c>location: severity CODE: message</c>, the shape compilers use, on one line: control characters
    /// from the input (in a file name, field or quoted value) are written visibly as <c>\uXXXX</c> (<c>\u001B</c> for
    /// ESC), so that printing a diagnostic cannot drive a terminal.
    /// </summary>
    /// <returns>The formatted diagnostic.</returns>
    public override string ToString() =>
        TerminalText.Escape($"{Location}: {Severity.ToString().ToLowerInvariant()} {Code}: {Message}");
}
