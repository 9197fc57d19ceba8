using System.CommandLine;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>
/// A command of <c>htma</c>: a System.CommandLine command whose help is its hand-written <see cref="Usage"/> text
/// (synopsis, what it does, every option, the exit codes) rather than a generated option table.
/// </summary>
internal sealed class HtmaCommand : Command
{
    private readonly Func<string> _usage;

    /// <summary>Creates a command.</summary>
    /// <param name="name">The word typed after <c>htma</c>.</param>
    /// <param name="summary">One line for the command list of <c>htma --help</c>.</param>
    /// <param name="usage">What <c>htma NAME --help</c> prints (made when asked: it lists the embedded definitions' ids).</param>
    public HtmaCommand(string name, string summary, Func<string> usage)
        : base(name, summary)
    {
        _usage = usage;
    }

    /// <summary>The command's help text.</summary>
    public string Usage => _usage();
}
