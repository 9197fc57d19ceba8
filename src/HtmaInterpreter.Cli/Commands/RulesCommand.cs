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

    /// <summary>Runs the command.</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        if (Arguments.ParseCommand(args, "rules", Usage, new HashSet<string>(), new HashSet<string>(), stdout, stderr, out var stop) is not { } parsed)
        {
            return stop;
        }

        if (parsed.Positional.Count is 0 or > 2 || parsed.Positional[0] is not ("list" or "check"))
        {
            return UsageError(stderr, parsed.Positional.Count == 0 ? "expected list or check." : $"unexpected '{string.Join(' ', parsed.Positional)}'.");
        }

        var folder = parsed.Positional.Count == 2 ? parsed.Positional[1] : null;
        var options = new RuleLoadOptions
        {
            KnownRatios = HtmaDefinitions.LoadDefault().GetValueOrThrow().Ratios.Select(r => r.Name).ToArray(),
        };
        var loaded = folder is null ? RuleSet.LoadDefault(options) : RuleSet.LoadFromDirectory(folder, options);

        if (parsed.Positional[0] == "list" && loaded.Value is { } rules)
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
        if (parsed.Positional[0] == "check")
        {
            var count = loaded.Value?.Rules.Count ?? 0;
            stdout.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{count} rules checked, {errors} errors, {loaded.Diagnostics.Count - errors} warnings"));
        }

        return errors > 0 || loaded.Value is null ? ExitCodes.InputError : ExitCodes.Success;
    }

    private static int UsageError(TextWriter stderr, string message) => Arguments.UsageError(stderr, "rules", Usage, message);
}
