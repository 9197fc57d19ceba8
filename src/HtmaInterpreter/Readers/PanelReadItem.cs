using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>
/// One step of a streamed read (<see cref="PanelReader.ReadWideCsvStream(Stream, string)"/>): the panel of one row with
/// that row's diagnostics, or, with <see cref="Panel"/> <c>null</c>, diagnostics that belong to no row (the header,
/// a file with no rows, a record that could not be read).
/// </summary>
/// <param name="Panel">The panel read from one row, or <c>null</c>.</param>
/// <param name="Diagnostics">The diagnostics of this step, in input order.</param>
public sealed record PanelReadItem(Panel? Panel, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>True when any diagnostic of this step is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
