using System.Reflection;
using System.Text;
using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Cli.Output;

namespace HtmaInterpreter.Cli;

/// <summary>
/// The <c>htma</c> command-line tool: a small dispatcher from the first argument to one class per command
/// under <c>Commands/</c>. Adding a command is one file there plus one line in <see cref="Commands"/>.
/// </summary>
internal static class Program
{
    /// <summary>Every command, in the order <c>htma --help</c> lists them.</summary>
    internal static IReadOnlyList<Command> Commands { get; } =
    [
        new("show", "Print the panels read from a file, in canonical units (mg%), with diagnostics.", (args, stdout, stderr, _) => ShowCommand.Run(args, stdout, stderr)),
        new("interpret", "Interpret the panels of a file: ratios, oxidation type and findings (text, JSON, Markdown or HTML).", InterpretCommand.Run),
        new("compare", "Compare two or more tests of one person: changes toward/away from the ideal, trends, retest findings.", CompareCommand.Run),
        new("batch", "Interpret a wide CSV of many panels on all cores: one result row per panel, cohort statistics.", BatchCommand.Run),
        new("rules", "List the rules, or check a rule folder for errors (with file, line and column).", (args, stdout, stderr, _) => RulesCommand.Run(args, stdout, stderr)),
    ];

    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.SetOut(new StreamWriter(new GuardedStream(Console.OpenStandardOutput(), StandardOutput), Console.OutputEncoding) { AutoFlush = true });
        using var interruption = Interruption.ListenToProcess(Console.Error);
        return Run(args, Console.Out, Console.Error, Commands, interruption);
    }

    /// <summary>Runs <c>htma</c> with the given arguments and no signal handling; the testable entry point.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr) =>
        Run(args, stdout, stderr, Commands);

    /// <summary>Runs <c>htma</c> against a given command table (tests use it to inject commands).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="commands">The commands to dispatch to.</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IReadOnlyList<Command> commands)
    {
        using var interruption = new Interruption(stderr, _ => { }, Timeout.InfiniteTimeSpan);
        return Run(args, stdout, stderr, commands, interruption);
    }

    /// <summary>Runs <c>htma</c> against a given command table, stopped by a given interruption (tests signal it).</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="commands">The commands to dispatch to.</param>
    /// <param name="interruption">Ctrl-C and SIGTERM: the command stops at its next check and this reports it (exit 130).</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, IReadOnlyList<Command> commands, Interruption interruption)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(interruption);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);
        ArgumentNullException.ThrowIfNull(commands);

        if (args.Count == 0)
        {
            stderr.WriteLine("htma: no command given.");
            WriteUsage(stderr, commands);
            return ExitCodes.UsageError;
        }

        var first = args[0];
        switch (first)
        {
            case "--help" or "-h" or "help":
                WriteUsage(stdout, commands);
                return ExitCodes.Success;
            case "--version":
                stdout.WriteLine($"htma {Version}");
                return ExitCodes.Success;
        }

        var command = commands.FirstOrDefault(c => string.Equals(c.Name, first, StringComparison.Ordinal));
        if (command is null)
        {
            stderr.WriteLine(first.StartsWith('-') ? $"htma: unknown option '{first}'." : $"htma: unknown command '{first}'.");
            WriteUsage(stderr, commands);
            return ExitCodes.UsageError;
        }

        try
        {
            return command.Run(args.Skip(1).ToList(), stdout, stderr, interruption);
        }
        catch (OperationCanceledException) when (interruption.IsRequested)
        {
            return interruption.Report();
        }
        catch (OutputWriteException exception)
        {
            OutputFile.ReportNotWritable(stderr, exception.Target, exception);
            return ExitCodes.InputError;
        }
#pragma warning disable CA1031 // The last line of defence: a bug must end in a clear message and exit code, not a crash dump.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            stderr.WriteLine($"htma: internal error in '{command.Name}' (this is a bug in htma, not a problem with the input): {exception}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>What messages call standard output.</summary>
    internal const string StandardOutput = "standard output";

    /// <summary>The tool's version, e.g. <c>0.1.0</c>, without any source-revision suffix.</summary>
    internal static string Version
    {
        get
        {
            var assembly = typeof(Program).Assembly;
            var informational = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
                ?? assembly.GetName().Version?.ToString()
                ?? "unknown";
            var plus = informational.IndexOf('+', StringComparison.Ordinal);
            return plus >= 0 ? informational[..plus] : informational;
        }
    }

    private static void WriteUsage(TextWriter writer, IReadOnlyList<Command> commands)
    {
        writer.WriteLine("usage: htma COMMAND [ARGS]");
        writer.WriteLine("       htma --help | --version");
        writer.WriteLine();
        writer.WriteLine("commands:");
        var width = commands.Count == 0 ? 0 : commands.Max(c => c.Name.Length);
        foreach (var command in commands)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}  {command.Summary}");
        }

        writer.WriteLine();
        writer.WriteLine("Run 'htma COMMAND --help' for a command's options.");
        writer.WriteLine("Exit codes: 0 success (warnings allowed), 1 input has errors or the output cannot be written, 2 usage error, 3 internal error, 130 interrupted.");
    }
}
