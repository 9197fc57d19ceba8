using System.CommandLine;
using System.CommandLine.Help;
using System.CommandLine.Invocation;
using System.CommandLine.Parsing;
using HtmaInterpreter.Cli.Output;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>
/// The one place the <c>htma</c> command line is built (System.CommandLine) and run: the commands, <c>-h</c>/<c>-?</c>/
/// <c>--help</c> printing each command's usage text, <c>--version</c>, response files (<c>@FILE</c>), the
/// <c>[suggest]</c> directive for tab completion, and usage errors (exit 2, message and "did you mean" on standard
/// error, nothing on standard output). Adding a command is one file under <c>Commands/</c> plus one line in
/// <see cref="Commands"/>.
/// </summary>
internal static class CommandLine
{
    /// <summary>Every command, in the order <c>htma --help</c> lists them.</summary>
    internal static IReadOnlyList<Func<CommandEnvironment, HtmaCommand>> Commands { get; } =
    [
        ShowCommand.Create,
        InterpretCommand.Create,
        CompareCommand.Create,
        BatchCommand.Create,
        RulesCommand.Create,
    ];

    /// <summary>The line that tells where a command's usage is.</summary>
    internal static string HelpPointer(string command) => $"Run 'htma {command} --help' for its usage.";

    /// <summary>Builds the root command with every command of <see cref="Commands"/> and the run's extra commands.</summary>
    internal static RootCommand Build(CommandEnvironment environment)
    {
        var root = new RootCommand("Show, interpret and compare hair tissue mineral analysis panels.");
        foreach (var create in Commands.Concat(environment.Settings.ExtraCommands))
        {
            root.Subcommands.Add(create(environment));
        }

        // 'htma help' as well as 'htma --help', as before.
        var help = new Command("help") { Hidden = true };
        help.SetAction(parse =>
        {
            WriteUsage(parse.InvocationConfiguration.Output, root);
            return ExitCodes.Success;
        });
        root.Subcommands.Add(help);

        foreach (var option in root.Options)
        {
            switch (option)
            {
                case HelpOption helpOption:
                    helpOption.Action = new UsageAction(root);
                    break;
                case VersionOption versionOption:
                    versionOption.Action = new VersionAction();
                    break;
            }
        }

        return root;
    }

    /// <summary>Parses and runs a command line; exceptions of the command propagate to the caller.</summary>
    internal static int Invoke(IReadOnlyList<string> args, CommandEnvironment environment)
    {
        var root = Build(environment);
        if (args.Count == 0)
        {
            environment.Stderr.WriteLine("htma: no command given.");
            WriteUsage(environment.Stderr, root);
            return ExitCodes.UsageError;
        }

        var parsed = root.Parse(args);
        if (parsed.Action is ParseErrorAction || ReferenceEquals(parsed.Action, parsed.CommandResult.Command.Action))
        {
            // An unknown option that was taken for a FILE is the first thing wrong, whatever else is.
            if (OptionsTakenAsArguments(parsed) is { Count: > 0 } unknown)
            {
                return ReportUnknownOptions(parsed, unknown, environment.Stderr);
            }

            if (parsed.Action is ParseErrorAction)
            {
                return ReportUsageErrors(parsed, root, environment.Stderr);
            }
        }

        return parsed.Invoke(new InvocationConfiguration
        {
            Output = environment.Stdout,
            Error = environment.Stderr,
            EnableDefaultExceptionHandler = false, // Program reports a bug with its own message and exit code 3
            ProcessTerminationTimeout = null, // Ctrl-C is the run's Interruption, which cleans up output files
        });
    }

    /// <summary>The names from <c>htma</c> to the parsed command, e.g. <c>rules check</c>; empty for the root.</summary>
    internal static string CommandPath(ParseResult parsed)
    {
        var names = new List<string>();
        for (SymbolResult? result = parsed.CommandResult; result is CommandResult command && command.Command is not RootCommand; result = result.Parent)
        {
            names.Insert(0, command.Command.Name);
        }

        return string.Join(' ', names);
    }

    /// <summary>
    /// Prints every parse error as <c>htma COMMAND: message</c>, then System.CommandLine's "did you mean" for a
    /// misspelled option or command, then where the usage is; all on standard error. Gives the usage-error exit code.
    /// </summary>
    private static int ReportUsageErrors(ParseResult parsed, RootCommand root, TextWriter stderr)
    {
        var path = CommandPath(parsed);
        var prefix = path.Length == 0 ? "htma" : "htma " + path;
        // At the root, "no command was given" says nothing more when an unknown word is the reason.
        var errors = path.Length == 0 && parsed.UnmatchedTokens.Count > 0
            ? parsed.Errors.Where(e => parsed.UnmatchedTokens.Any(t => e.Message.Contains($"'{t}'", StringComparison.Ordinal)))
            : parsed.Errors;
        foreach (var error in errors)
        {
            stderr.WriteLine($"{prefix}: {error.Message}");
        }

        // The typo corrections only: the errors are above, and help on standard output is not what a usage error gives.
        if (parsed.Action is ParseErrorAction errorAction)
        {
            errorAction.ShowHelp = false;
            errorAction.ShowTypoCorrections = true;
            parsed.Invoke(new InvocationConfiguration { Output = stderr, Error = TextWriter.Null, EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null });
        }

        if (path.Length == 0)
        {
            WriteUsage(stderr, root);
        }
        else
        {
            stderr.WriteLine(HelpPointer(path));
        }

        return ExitCodes.UsageError;
    }

    /// <summary>
    /// Words that look like options (<c>--wide</c>) but that System.CommandLine gave to a FILE argument because no option
    /// has that name; after <c>--</c> they are file names.
    /// </summary>
    private static List<string> OptionsTakenAsArguments(ParseResult parsed)
    {
        var doubleDash = parsed.Tokens.ToList().FindIndex(t => t.Type == TokenType.DoubleDash);
        return parsed.CommandResult.Children.OfType<ArgumentResult>()
            .SelectMany(a => a.Tokens)
            .Where(t => t.Value.Length > 1 && t.Value[0] == '-' && (doubleDash < 0 || IndexOf(parsed.Tokens, t) < doubleDash))
            .Select(t => t.Value)
            .ToList();
    }

    private static int IndexOf(IReadOnlyList<Token> tokens, Token token)
    {
        for (var i = 0; i < tokens.Count; i++)
        {
            if (ReferenceEquals(tokens[i], token))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Reports unknown options as System.CommandLine reports them, with the command's nearest option names.</summary>
    private static int ReportUnknownOptions(ParseResult parsed, IReadOnlyList<string> unknown, TextWriter stderr)
    {
        var path = CommandPath(parsed);
        var options = parsed.CommandResult.Command.Options.Concat(parsed.RootCommandResult.Command.Options.Where(o => o.Recursive));
        var names = options.SelectMany(o => o.Aliases.Prepend(o.Name)).Where(n => n.StartsWith("--", StringComparison.Ordinal)).Distinct().ToList();
        foreach (var word in unknown)
        {
            stderr.WriteLine($"htma {path}: Unrecognized command or argument '{word}'.");
            var near = names.Where(n => Distance(n, word) <= Math.Max(2, word.Length / 3)).OrderBy(n => Distance(n, word)).ToList();
            if (near.Count > 0)
            {
                stderr.WriteLine($"'{word}' was not matched. Did you mean one of the following?");
                foreach (var name in near)
                {
                    stderr.WriteLine(name);
                }
            }
        }

        stderr.WriteLine(HelpPointer(path));
        return ExitCodes.UsageError;
    }

    /// <summary>The edit distance of two words (insertions, deletions, substitutions).</summary>
    private static int Distance(string a, string b)
    {
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
            {
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            }

            previous = current;
        }

        return previous[b.Length];
    }

    /// <summary>The usage of <c>htma</c> itself: the synopsis, the commands and the exit codes.</summary>
    internal static void WriteUsage(TextWriter writer, RootCommand root)
    {
        var commands = root.Subcommands.Where(c => !c.Hidden).ToList();
        writer.WriteLine("usage: htma COMMAND [ARGS]");
        writer.WriteLine("       htma --help | --version");
        writer.WriteLine();
        writer.WriteLine("commands:");
        var width = commands.Count == 0 ? 0 : commands.Max(c => c.Name.Length);
        foreach (var command in commands)
        {
            writer.WriteLine($"  {command.Name.PadRight(width)}  {command.Description}");
        }

        writer.WriteLine();
        writer.WriteLine("Run 'htma COMMAND --help' (or -h, -?) for a command's options.");
        writer.WriteLine("A FILE argument of '-' reads standard input. '@FILE' reads further arguments from FILE (a response file).");
        writer.WriteLine("Exit codes: 0 success (warnings allowed), 1 input has errors or the output cannot be written, 2 usage error, 3 internal error, 130 interrupted.");
    }

    /// <summary><c>-h</c>, <c>-?</c>, <c>--help</c>: the usage text of the command they follow (of <c>htma</c> at the root).</summary>
    private sealed class UsageAction(RootCommand root) : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            var output = parseResult.InvocationConfiguration.Output;
            for (SymbolResult? result = parseResult.CommandResult; result is CommandResult command; result = result.Parent)
            {
                if (command.Command is HtmaCommand htma)
                {
                    output.WriteLine(htma.Usage);
                    return ExitCodes.Success;
                }
            }

            WriteUsage(output, root);
            return ExitCodes.Success;
        }
    }

    /// <summary><c>--version</c>: <c>htma</c> and the library's version.</summary>
    private sealed class VersionAction : SynchronousCommandLineAction
    {
        public override int Invoke(ParseResult parseResult)
        {
            parseResult.InvocationConfiguration.Output.WriteLine($"htma {Program.Version}");
            return ExitCodes.Success;
        }
    }
}
