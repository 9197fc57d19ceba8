using System.CommandLine;
using System.Globalization;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Cli.Commands;

/// <summary><c>htma rules list|check [DIR]</c>: lists the rules, or validates a rule folder with located errors.</summary>
internal static class RulesCommand
{
    internal const string Usage =
        """
        usage: htma rules list [DIR]
               htma rules check [DIR]

        list   prints every rule: id, severity, category, title and condition.
        check  parses and type-checks every rule file and prints each problem as file:line:column.
        DIR is a folder of rule files (*.yaml); without it the built-in rules are used.

        Exit codes: 0 no errors, 1 the rules have errors, 2 usage error.
        """;

    /// <summary>Creates the command, with its sub-commands <c>list</c> and <c>check</c>.</summary>
    internal static HtmaCommand Create(CommandEnvironment environment)
    {
        var command = new HtmaCommand("rules", "List the rules, or check a rule folder for errors (with file, line and column).", () => Usage);
        foreach (var (name, summary) in new[] { ("list", "Print every rule."), ("check", "Check every rule file.") })
        {
            var sub = new Command(name, summary);
            var folder = new Argument<string?>("DIR") { Arity = ArgumentArity.ZeroOrOne };
            sub.Arguments.Add(folder);
            sub.SetAction(parse => Run(name, parse.GetValue(folder), environment.Stdout));
            command.Subcommands.Add(sub);
        }

        command.SetAction(_ => CommandOptions.UsageError(environment.Stderr, "rules", "expected list or check."));
        return command;
    }

    private static int Run(string action, string? folder, TextWriter stdout)
    {
        var options = new RuleLoadOptions
        {
            KnownRatios = HtmaDefinitions.LoadDefault().GetValueOrThrow().Ratios.Select(r => r.Name).ToArray(),
        };
        var loaded = folder is null ? RuleSet.LoadDefault(options) : RuleSet.LoadFromDirectory(folder, options);

        if (action == "list" && loaded.Value is { } rules)
        {
            // Ids, categories, titles, conditions and the folder's name come from the files: a control character in them is shown escaped.
            foreach (var rule in rules.Rules)
            {
                stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{TerminalText.Escape(rule.Id),-38} {rule.Severity.ToString().ToLowerInvariant(),-9} {TerminalText.Escape(rule.Category),-20} {TerminalText.Escape(rule.Title)}"));
                stdout.WriteLine($"{"",38} when: {TerminalText.Escape(rule.Condition.ReplaceLineEndings(" "))}");
            }

            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rules.Rules.Count} rules in '{TerminalText.Escape(rules.Name)}' (version {rules.Version})"));
        }

        foreach (var diagnostic in loaded.Diagnostics)
        {
            stdout.WriteLine(diagnostic);
        }

        var errors = loaded.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error);
        if (action == "check")
        {
            var count = loaded.Value?.Rules.Count ?? 0;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} rules checked, {errors} errors, {loaded.Diagnostics.Count - errors} warnings"));
        }

        return errors > 0 || loaded.Value is null ? ExitCodes.InputError : ExitCodes.Success;
    }
}
