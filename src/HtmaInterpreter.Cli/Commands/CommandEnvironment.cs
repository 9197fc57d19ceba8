using HtmaInterpreter.Cli.Output;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>What every command of one run works with: the standard streams, the interruption and the run's settings.</summary>
/// <param name="Stdout">Standard output.</param>
/// <param name="Stderr">Standard error.</param>
/// <param name="Stdin">Standard input, read when a file argument is <c>-</c>; never closed by a command.</param>
/// <param name="Interruption">Ctrl-C and SIGTERM: the command stops at its next check.</param>
/// <param name="Settings">The run's test hooks.</param>
internal sealed record CommandEnvironment(TextWriter Stdout, TextWriter Stderr, Stream Stdin, Interruption Interruption, RunSettings Settings);
