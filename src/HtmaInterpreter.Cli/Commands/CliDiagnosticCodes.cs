namespace HtmaInterpreter.Cli.Commands;

/// <summary>Diagnostic codes raised by the command-line tool itself, before the library is called (range HTMA07xx).</summary>
internal static class CliDiagnosticCodes
{
    /// <summary>The file named on the command line does not exist (or is a directory).</summary>
    public const string FileNotFound = "HTMA0701";
}
