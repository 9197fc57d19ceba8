using HtmaInterpreter.Batch;
using HtmaInterpreter.Cli.Commands;

namespace HtmaInterpreter.Cli;

/// <summary>
/// What a test may set for one in-process run of <c>htma</c> beyond its arguments and streams; no option or
/// environment variable of the tool sets any of it, so a user has no knob for these.
/// </summary>
internal sealed record RunSettings
{
    /// <summary>The settings of a run from the command line.</summary>
    public static RunSettings Default { get; } = new();

    /// <summary>The batch options of <c>htma batch</c> (tests run it with the fast path on and off).</summary>
    public BatchOptions Batch { get; init; } = new();

    /// <summary>Whether a text report is coloured; <c>null</c>: only on the process's own terminal that wants colour.</summary>
    public bool? ColorOutput { get; init; }

    /// <summary>Commands added to the built-in ones (tests add commands that fail on purpose).</summary>
    public IReadOnlyList<Func<CommandEnvironment, HtmaCommand>> ExtraCommands { get; init; } = [];
}
