using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Reads lab panels from CSV (long or wide), YAML or JSON. Never throws for bad input: every problem becomes a
/// located <see cref="Diagnostic"/>, and every value read is kept. Instances are immutable and thread-safe.
/// </summary>
public sealed class PanelReader
{
    /// <summary>Creates a reader.</summary>
    /// <param name="options">Reader options; <c>null</c> for the defaults.</param>
    public PanelReader(PanelReaderOptions? options = null) => Options = options ?? new PanelReaderOptions();

    /// <summary>The options in use.</summary>
    public PanelReaderOptions Options { get; }

    /// <summary>Reads every panel in a file.</summary>
    /// <param name="path">The file path.</param>
    /// <returns>The panels read and the diagnostics.</returns>
    public ParseResult<IReadOnlyList<Panel>> ReadFile(string path) => throw new NotImplementedException();
}
