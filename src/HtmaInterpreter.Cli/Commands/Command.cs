using HtmaInterpreter.Cli.Output;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>
/// One <c>htma</c> sub-command: its name, a one-line summary for <c>htma --help</c>, and the method that runs it.
/// A command receives the arguments after its name, standard output and error, and the run's <see cref="Interruption"/>
/// (Ctrl-C), and returns an exit code from <see cref="ExitCodes"/>.
/// </summary>
/// <param name="Name">The word typed after <c>htma</c>, e.g. <c>show</c>.</param>
/// <param name="Summary">One line for the command list.</param>
/// <param name="Run">Runs the command: arguments after the name, standard output, standard error, interruption → exit code.</param>
internal sealed record Command(
    string Name,
    string Summary,
    Func<IReadOnlyList<string>, TextWriter, TextWriter, Interruption, int> Run);
