using System.Reflection;
using System.Text;
using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Cli.Output;

namespace HtmaInterpreter.Cli;

/// <summary>
/// The <c>htma</c> command-line tool. <see cref="CommandLine"/> builds the command line (System.CommandLine), one class
/// per command under <c>Commands/</c> does the work; this runs it and turns what escapes a command into an exit code.
/// </summary>
internal static class Program
{
    private static int Main(string[] args)
    {
        Console.OutputEncoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
        Console.SetOut(new StreamWriter(new GuardedStream(Console.OpenStandardOutput(), StandardOutput), Console.OutputEncoding) { AutoFlush = true });
        using var interruption = Interruption.ListenToProcess(Console.Error);
        using var stdin = Console.OpenStandardInput();
        return Run(args, Console.Out, Console.Error, stdin, RunSettings.Default, interruption);
    }

    /// <summary>Runs <c>htma</c>; the testable entry point.</summary>
    /// <param name="args">The command-line arguments.</param>
    /// <param name="stdout">Standard output.</param>
    /// <param name="stderr">Standard error.</param>
    /// <param name="stdin">Standard input, read for a FILE argument <c>-</c>; empty when <c>null</c>. Left open.</param>
    /// <param name="settings">The run's test hooks; <see cref="RunSettings.Default"/> when <c>null</c>.</param>
    /// <param name="interruption">Ctrl-C and SIGTERM (tests signal it); when <c>null</c>, nothing interrupts the run.</param>
    /// <returns>The exit code, see <see cref="ExitCodes"/>.</returns>
    internal static int Run(
        IReadOnlyList<string> args,
        TextWriter stdout,
        TextWriter stderr,
        Stream? stdin = null,
        RunSettings? settings = null,
        Interruption? interruption = null)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(stdout);
        ArgumentNullException.ThrowIfNull(stderr);

        using var quiet = interruption is null ? new Interruption(stderr, _ => { }, Timeout.InfiniteTimeSpan) : null;
        var environment = new CommandEnvironment(stdout, stderr, stdin ?? Stream.Null, interruption ?? quiet!, settings ?? RunSettings.Default);
        try
        {
            return CommandLine.Invoke(args, environment);
        }
        catch (OperationCanceledException) when (environment.Interruption.IsRequested)
        {
            return environment.Interruption.Report();
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
            var command = args.FirstOrDefault(a => !a.StartsWith('-') && !a.StartsWith('[')) ?? "htma";
            stderr.WriteLine($"htma: internal error in '{command}' (this is a bug in htma, not a problem with the input): {Describe(exception)}");
            return ExitCodes.InternalError;
        }
    }

    /// <summary>
    /// An unexpected exception for the internal-error line: its type and stack, and its message only when our own code
    /// threw it. A library's message (a JSON or FHIR parser's, say) can quote the input, and patient values never go
    /// into an error line; inner exceptions are described the same way.
    /// </summary>
    internal static string Describe(Exception exception)
    {
        var fromUs = exception.TargetSite?.DeclaringType?.Assembly.GetName().Name is { } assembly
            && (assembly.StartsWith("HtmaInterpreter", StringComparison.Ordinal) || assembly == "htma");
        var text = fromUs ? $"{exception.GetType().FullName}: {exception.Message}" : $"{exception.GetType().FullName} (its message is not shown: it may quote the input)";
        if (exception.StackTrace is { } stack)
        {
            text += Environment.NewLine + stack;
        }

        return exception.InnerException is { } inner ? text + Environment.NewLine + " ---> " + Describe(inner) : text;
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
}
