namespace HtmaInterpreter.Cli.Commands;

/// <summary>The process exit codes of <c>htma</c>; documented in the README and relied on by <c>.ci/run</c>.</summary>
internal static class ExitCodes
{
    /// <summary>The command did its work; warnings may have been printed.</summary>
    public const int Success = 0;

    /// <summary>The input has errors (or could not be read); the diagnostics say where.</summary>
    public const int InputError = 1;

    /// <summary>The command line was wrong; the usage text is on stderr.</summary>
    public const int UsageError = 2;

    /// <summary>A bug in htma itself (an unexpected exception); never caused by bad input.</summary>
    public const int InternalError = 3;

    /// <summary>
    /// The run was stopped by Ctrl-C (SIGINT) or SIGTERM (128 + 2, the shell's code for SIGINT); an output file that
    /// was not complete was not left in place.
    /// </summary>
    public const int Interrupted = 130;
}
