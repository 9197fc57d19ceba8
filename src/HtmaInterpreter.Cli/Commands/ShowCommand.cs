using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Cli.Commands;

/// <summary><c>htma show FILE</c>: reads a panel file and prints every panel in canonical units, then the diagnostics.</summary>
internal static class ShowCommand
{
    internal const string Usage =
        """
        usage: htma show FILE

        Reads FILE (CSV long or wide, YAML or JSON; see README.md) and prints, for each panel, its metadata and a
        table of the elements in mg% with the value as the lab reported it, then every diagnostic.

        Exit codes: 0 read without errors (warnings allowed), 1 the input has errors, 2 usage error.
        """;

    /// <summary>Runs the command with the library's <see cref="PanelReader"/>.</summary>
    /// <param name="args">The arguments after <c>show</c>.</param>
    /// <param name="stdout">Where the panels and diagnostics go.</param>
    /// <param name="stderr">Where usage errors go.</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, path => new PanelReader().ReadFile(path));

    /// <summary>Runs the command with a given reader (tests inject one).</summary>
    /// <param name="args">The arguments after <c>show</c>.</param>
    /// <param name="stdout">Where the panels and diagnostics go.</param>
    /// <param name="stderr">Where usage errors go.</param>
    /// <param name="read">Reads the panels of a file.</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    internal static int Run(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        Func<string, ParseResult<IReadOnlyList<Panel>>> read)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(read);

        string? path = null;
        var optionsEnded = false;
        foreach (var arg in args)
        {
            if (!optionsEnded && arg is "--help" or "-h")
            {
                stdout.WriteLine(Usage);
                return ExitCodes.Success;
            }

            if (!optionsEnded && arg == "--")
            {
                optionsEnded = true;
            }
            else if (!optionsEnded && arg.Length > 1 && arg.StartsWith('-'))
            {
                return UsageError(stderr, $"htma show: unknown option '{arg}'.");
            }
            else if (path is null)
            {
                path = arg;
            }
            else
            {
                return UsageError(stderr, "htma show: expected one FILE, got more than one.");
            }
        }

        if (string.IsNullOrWhiteSpace(path))
        {
            return UsageError(stderr, "htma show: no FILE given.");
        }

        var result = read(path);

        PanelPrinter.Print(result, stdout);
        return result.Value is null || result.HasErrors ? ExitCodes.InputError : ExitCodes.Success;
    }

    private static int UsageError(TextWriter stderr, string message)
    {
        stderr.WriteLine(message);
        stderr.WriteLine(Usage);
        return ExitCodes.UsageError;
    }
}
