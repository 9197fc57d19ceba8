namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    /// <summary>HTMA0430: the lab or model named in <see cref="InterpreterOptions"/> does not exist.</summary>
    public const string InterpreterUnknownChoice = "HTMA0430";
}
