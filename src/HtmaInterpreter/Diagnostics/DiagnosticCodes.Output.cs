namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    // HTMA07xx: reports, output files and batch runs.

    /// <summary>The report or results file could not be written (a folder, a missing folder, a full disk, no permission) (error).</summary>
    public const string OutputNotWritable = "HTMA0701";

    /// <summary>The run was interrupted (Ctrl-C) before its output was complete; no partial output is left in place (error).</summary>
    public const string Interrupted = "HTMA0702";
}
