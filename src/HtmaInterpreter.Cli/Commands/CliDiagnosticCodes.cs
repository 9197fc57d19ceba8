namespace HtmaInterpreter.Cli.Commands;

/// <summary>Diagnostic codes the command-line tool raises itself, before the library is called.</summary>
internal static class CliDiagnosticCodes
{
    /// <summary>
    /// The file named on the command line does not exist. Deliberately the same code and message as the panel
    /// reader's <c>DiagnosticCodes.FileNotReadable</c>, so the output is identical whichever layer notices first.
    /// </summary>
    public const string FileNotFound = "HTMA0114";

    /// <summary>The message that goes with <see cref="FileNotFound"/>.</summary>
    public const string FileNotFoundMessage = "The file does not exist.";
}
