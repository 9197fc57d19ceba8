using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Definitions;

/// <summary>One definitions file to load: its path relative to the <c>ratios/</c> folder, the name shown in diagnostics and its text.</summary>
/// <param name="RelativePath">The path relative to <c>ratios/</c> with <c>/</c> separators, e.g. <c>labs/arl.yaml</c>.</param>
/// <param name="DisplayName">The file name shown in diagnostics.</param>
/// <param name="Text">The text, or <c>null</c> when it could not be read.</param>
internal sealed record DefinitionsFile(string RelativePath, string DisplayName, string? Text)
{
    /// <summary>Why <see cref="Text"/> is <c>null</c> when the reason is not that the file is missing or unreadable (e.g. it is too large).</summary>
    public Diagnostic? Problem { get; init; }

    /// <summary>What reading the text found that does not stop it being used (bytes that are not valid UTF-8).</summary>
    public IReadOnlyList<Diagnostic> Warnings { get; init; } = [];
}
