using System.CommandLine;
using System.CommandLine.Parsing;
using HtmaInterpreter.Cli.Output;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>
/// The options several commands share (<c>--lab</c>, <c>--model</c>, <c>--format</c>, <c>--out</c>, ...), each with
/// its completions and its check (a wrong value is a usage error found while parsing, before any output), and what
/// the commands do with them (create the interpreter, read the branding file).
/// </summary>
internal static class CommandOptions
{
    /// <summary>The format name that makes <c>htma interpret</c> write a FHIR R4 Bundle instead of a report.</summary>
    public const string FhirFormat = "fhir";

    /// <summary>The value of a file argument that stands for standard input.</summary>
    public const string StandardInput = "-";

    /// <summary>A FILE argument (<c>-</c>: standard input); its absence is reported as <c>no FILE given.</c>.</summary>
    public static Argument<string?> FileArgument(Command command)
    {
        var file = new Argument<string?>("FILE") { Arity = ArgumentArity.ZeroOrOne, Description = "the input file; - reads standard input" };
        command.Validators.Add(result =>
        {
            if (string.IsNullOrWhiteSpace(result.GetValue(file)))
            {
                result.AddError("no FILE given.");
            }
        });
        return file;
    }

    /// <summary><c>--lab ID</c>, completed with the lab profile ids.</summary>
    public static Option<string?> Lab() => WithCompletions(new Option<string?>("--lab") { HelpName = "ID" }, () => DefinitionIds.LabIds);

    /// <summary><c>--model ID</c>, completed with the oxidation model ids.</summary>
    public static Option<string?> Model() => WithCompletions(new Option<string?>("--model") { HelpName = "ID" }, () => DefinitionIds.ModelIds);

    /// <summary><c>--definitions DIR</c>.</summary>
    public static Option<string?> Definitions() => new("--definitions") { HelpName = "DIR" };

    /// <summary><c>--branding FILE</c>.</summary>
    public static Option<string?> Branding() => new("--branding") { HelpName = "FILE" };

    /// <summary><c>--out FILE</c>; an empty name is a usage error.</summary>
    public static Option<string?> Out()
    {
        var option = new Option<string?>("--out") { HelpName = "FILE" };
        option.Validators.Add(result =>
        {
            if (result.Tokens.Any(t => t.Value.Length == 0))
            {
                result.AddError(OutputFile.EmptyPathMessage);
            }
        });
        return option;
    }

    /// <summary><c>--format FORMAT</c>: a report format, or with <paramref name="withFhir"/> also <c>fhir</c>.</summary>
    public static Option<string?> Format(bool withFhir)
    {
        var names = ReportFormats.All.Select(f => f.Name).Concat(withFhir ? [FhirFormat] : []).ToArray();
        var option = WithCompletions(new Option<string?>("--format") { HelpName = "FORMAT" }, () => names);
        option.Validators.Add(result =>
        {
            // Exactly the names (and aliases such as md) that ReportFormats.Find takes, so a name that passes here is one
            // the command can render; fhir is spelled in lower case like the others.
            foreach (var token in result.Tokens.Where(t => ReportFormats.Find(t.Value) is null && !(withFhir && t.Value == FhirFormat)))
            {
                result.AddError($"unknown format '{token.Value}'; use {string.Join(", ", names[..^1])} or {names[^1]}.");
            }
        });
        return option;
    }

    /// <summary><c>--input-format csv|yaml|json|fhir</c>: read the input in this format instead of telling it from the name and content.</summary>
    public static Option<InputFormat?> InputFormatOption()
    {
        var option = new Option<InputFormat?>("--input-format")
        {
            HelpName = PanelInput.Choices,
            CustomParser = result => PanelInput.ParseFormat(result.Tokens.Count == 0 ? "" : result.Tokens[^1].Value) is { } format
                ? format
                : Fail(result, $"unknown input format '{result.Tokens[^1].Value}'; use {PanelInput.Choices.Replace('|', ',').Replace(",", ", ", StringComparison.Ordinal)}."),
        };
        option.CompletionSources.Add(PanelInput.Names.ToArray());
        return option;

        static InputFormat? Fail(ArgumentResult result, string message)
        {
            result.AddError(message);
            return null;
        }
    }

    /// <summary>
    /// <c>--client KEY=VALUE</c>, repeatable. Anything the client-context reader does not take (a missing <c>=</c>, an
    /// unknown key, a value it refuses) is a usage error, found before anything is read or written.
    /// </summary>
    public static Option<string[]> Client()
    {
        var option = new Option<string[]>("--client") { HelpName = "KEY=VALUE", AllowMultipleArgumentsPerToken = false };
        option.Validators.Add(result =>
        {
            var pairs = result.Tokens.Select(t => t.Value).ToList();
            foreach (var diagnostic in ClientContextReader.FromArguments(pairs).Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
            {
                var message = diagnostic.Message.EndsWith(ClientContextReader.IgnoredSentence, StringComparison.Ordinal)
                    ? diagnostic.Message[..^ClientContextReader.IgnoredSentence.Length]
                    : diagnostic.Message;
                result.AddError($"--client {diagnostic.Location?.Field ?? ""}: {message} ({diagnostic.Code})");
            }
        });
        return option;
    }

    /// <summary>
    /// Creates the interpreter from <c>--definitions</c>, <c>--lab</c> and <c>--model</c>. When that fails, prints the
    /// diagnostics to <paramref name="stderr"/> and gives the exit code: usage error for an unknown lab or model,
    /// input error for broken definitions.
    /// </summary>
    public static Interpreter? CreateInterpreter(string? definitions, string? lab, string? model, TextWriter stderr, out int exitCode)
    {
        var created = Interpreter.Create(new InterpreterOptions
        {
            DefinitionsDirectory = definitions,
            LabId = lab,
            ModelId = model,
        });
        exitCode = ExitCodes.Success;
        if (created.Value is { } interpreter)
        {
            return interpreter;
        }

        foreach (var diagnostic in created.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        exitCode = created.Diagnostics.Any(d => d.Code == DiagnosticCodes.InterpreterUnknownChoice)
            ? ExitCodes.UsageError
            : ExitCodes.InputError;
        return null;
    }

    /// <summary>
    /// Reads <c>--branding FILE</c> when given: prints its errors and warnings to <paramref name="stderr"/>, one located
    /// diagnostic a line, and a note when the format (named <paramref name="formatName"/>) has no letterhead. On an
    /// error the command stops before anything is written: returns <c>false</c> with the input-error exit code.
    /// </summary>
    public static bool TryReadBranding(string? path, TextWriter stderr, bool usesBranding, string formatName, out ReportBranding? branding, out int exitCode)
    {
        branding = null;
        exitCode = ExitCodes.Success;
        if (path is null)
        {
            return true;
        }

        var read = ReportBrandingReader.ReadFile(path);
        foreach (var diagnostic in read.Diagnostics)
        {
            stderr.WriteLine(diagnostic);
        }

        if (read.HasErrors || read.Value is null)
        {
            stderr.WriteLine($"htma: error {read.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.Code ?? DiagnosticCodes.BrandingUnreadable}: the branding file {path} has errors (above); fix them or leave out --branding. No report was written.");
            exitCode = ExitCodes.InputError;
            return false;
        }

        if (!usesBranding)
        {
            stderr.WriteLine($"htma: note: --branding applies to the HTML format only; the {formatName} report has no letterhead.");
        }

        branding = read.Value;
        return true;
    }

    /// <summary>
    /// Reports a usage error found after parsing (<c>htma COMMAND: message</c> and where to find the usage) and gives
    /// its exit code.
    /// </summary>
    public static int UsageError(TextWriter stderr, string command, string message)
    {
        stderr.WriteLine($"htma {command}: {message}");
        stderr.WriteLine(CommandLine.HelpPointer(command));
        return ExitCodes.UsageError;
    }

    private static Option<string?> WithCompletions(Option<string?> option, Func<IEnumerable<string>> values)
    {
        option.CompletionSources.Add(_ => values().Select(v => new System.CommandLine.Completions.CompletionItem(v)));
        return option;
    }
}
