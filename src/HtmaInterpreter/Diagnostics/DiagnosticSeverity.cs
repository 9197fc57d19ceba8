namespace HtmaInterpreter.Diagnostics;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Something worth knowing; the result is complete.</summary>
    Info,

    /// <summary>A value or choice looks doubtful, but the result was still produced.</summary>
    Warning,

    /// <summary>Part of the input could not be used; the result is incomplete.</summary>
    Error,
}
