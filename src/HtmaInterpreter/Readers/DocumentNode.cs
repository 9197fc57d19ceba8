namespace HtmaInterpreter.Readers;

/// <summary>
/// A YAML or JSON node with its position, so one builder turns both formats into panels with the same checks.
/// Lines and columns are 1-based.
/// </summary>
internal abstract record DocumentNode(int Line, int Column);

/// <summary>A scalar: its text, or <c>null</c> for an explicit null (<c>~</c>, <c>null</c>).</summary>
internal sealed record DocumentScalar(string? Text, int Line, int Column) : DocumentNode(Line, Column);

/// <summary>One key of a mapping.</summary>
internal sealed record DocumentEntry(string Key, int Line, int Column, DocumentNode Value);

/// <summary>A mapping (YAML) or object (JSON), keys in input order.</summary>
internal sealed record DocumentMap(IReadOnlyList<DocumentEntry> Entries, int Line, int Column) : DocumentNode(Line, Column);

/// <summary>A sequence (YAML) or array (JSON).</summary>
internal sealed record DocumentList(IReadOnlyList<DocumentNode> Items, int Line, int Column) : DocumentNode(Line, Column);

/// <summary>A node that was rejected (alias, too deep) and already reported.</summary>
internal sealed record DocumentRejected(int Line, int Column) : DocumentNode(Line, Column);
