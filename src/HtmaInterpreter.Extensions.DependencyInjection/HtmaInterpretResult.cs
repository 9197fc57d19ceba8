using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Extensions.DependencyInjection;

/// <summary>What <see cref="HtmaInterpretationService"/> made of one input: the interpretation of every panel read, in input order, and the reading's diagnostics.</summary>
/// <param name="Interpretations">One interpretation per panel read (none when nothing could be read).</param>
/// <param name="ReadDiagnostics">The diagnostics of reading the input (each interpretation carries its own as well).</param>
public sealed record HtmaInterpretResult(IReadOnlyList<Interpretation> Interpretations, IReadOnlyList<Diagnostic> ReadDiagnostics)
{
    /// <summary>Whether reading the input gave an error (some panels may still have been read and interpreted).</summary>
    public bool HasErrors => ReadDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
}
