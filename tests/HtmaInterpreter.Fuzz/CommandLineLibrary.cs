using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// Does through the library what an <c>htma</c> command line does through the CLI (the bad-input corpus runs each case
/// both ways): <c>show</c>/<c>interpret</c>, <c>compare</c>, <c>batch</c> and <c>rules check</c>, with <c>--lab</c>,
/// <c>--model</c>, <c>--definitions</c>, <c>--context</c> and <c>--client</c>. Output options are the CLI's own business.
/// </summary>
internal static class CommandLineLibrary
{
    private static readonly HashSet<string> ValueOptions = ["--lab", "--model", "--format", "--context", "--client", "--definitions", "--out"];

    /// <summary>Runs the command line's inputs through the library; exceptions escape (a finding).</summary>
    public static LibraryOutcome Run(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var outcome = new LibraryOutcome();
        var positional = new List<string>();
        var values = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        for (var i = 1; i < args.Count; i++)
        {
            if (ValueOptions.Contains(args[i]) && i + 1 < args.Count)
            {
                if (!values.TryGetValue(args[i], out var list))
                {
                    values[args[i]] = list = [];
                }

                list.Add(args[++i]);
            }
            else if (!args[i].StartsWith("--", StringComparison.Ordinal))
            {
                positional.Add(args[i]);
            }
        }

        string? Value(string option) => values.TryGetValue(option, out var list) ? list[^1] : null;

        var command = args.Count > 0 ? args[0] : "";
        if (command == "rules")
        {
            if (positional.Count == 2)
            {
                LibraryTargets.RuleFolder(outcome, positional[1]);
            }

            return outcome;
        }

        var created = Interpreter.Create(new InterpreterOptions
        {
            DefinitionsDirectory = Value("--definitions"),
            LabId = Value("--lab"),
            ModelId = Value("--model"),
        });
        if (Value("--definitions") is { } definitions)
        {
            outcome.Take(Definitions.HtmaDefinitions.LoadFromDirectory(definitions), "HtmaDefinitions.LoadFromDirectory");
        }

        if (outcome.Take(created, "Interpreter.Create") is not { } interpreter)
        {
            return outcome;
        }

        ClientContext? context = null;
        if (Value("--context") is { } contextFile)
        {
            context = LibraryTargets.Context(outcome, contextFile);
        }

        if (values.TryGetValue("--client", out var pairs))
        {
            context = outcome.Take(ClientContextReader.FromArguments(pairs), "ClientContextReader.FromArguments") ?? context;
        }

        switch (command)
        {
            case "show" or "interpret":
                foreach (var file in positional)
                {
                    LibraryTargets.PanelFile(outcome, file, interpreter, context);
                }

                break;
            case "compare":
                var panels = new List<Panels.Panel>();
                foreach (var file in positional)
                {
                    panels.AddRange(outcome.Take(new PanelReader().ReadFile(file), "PanelReader.ReadFile") ?? []);
                }

                LibraryTargets.Compare(outcome, panels, interpreter, context);
                LibraryTargets.Downstream(outcome, panels, interpreter, context);
                break;
            case "batch":
                foreach (var file in positional.Where(File.Exists))
                {
                    LibraryTargets.Batch(outcome, () => File.OpenRead(file), file, interpreter);
                }

                break;
        }

        return outcome;
    }
}
