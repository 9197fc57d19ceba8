using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Cli.Commands;

/// <summary>
/// The parsed command line of one command: positional arguments, options with a value (<c>--lab arl</c> or
/// <c>--lab=arl</c>, repeatable) and flags. Unknown options are errors, so typos never pass silently.
/// </summary>
internal sealed class Arguments
{
    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);

    private Arguments()
    {
    }

    public List<string> Positional { get; } = [];

    public HashSet<string> Flags { get; } = new(StringComparer.Ordinal);

    public bool HelpRequested => Flags.Contains("--help");

    /// <summary>The last value of an option, or <c>null</c>.</summary>
    public string? Value(string option) => _values.TryGetValue(option, out var values) ? values[^1] : null;

    /// <summary>Every value of a repeatable option.</summary>
    public IReadOnlyList<string> Values(string option) => _values.TryGetValue(option, out var values) ? values : [];

    /// <summary>Parses; returns <c>null</c> and an error message for an unknown option or a missing value.</summary>
    public static Arguments? Parse(
        IReadOnlyList<string> args,
        IReadOnlySet<string> valueOptions,
        IReadOnlySet<string> flagOptions,
        out string? error)
    {
        error = null;
        var parsed = new Arguments();
        var optionsEnded = false;
        for (var i = 0; i < args.Count; i++)
        {
            var arg = args[i];
            if (optionsEnded || !arg.StartsWith('-') || arg == "-")
            {
                parsed.Positional.Add(arg);
                continue;
            }

            if (arg == "--")
            {
                optionsEnded = true;
                continue;
            }

            if (arg is "-h" or "--help")
            {
                parsed.Flags.Add("--help");
                continue;
            }

            var equals = arg.IndexOf('=', StringComparison.Ordinal);
            var name = equals > 0 ? arg[..equals] : arg;
            if (valueOptions.Contains(name))
            {
                string value;
                if (equals > 0)
                {
                    value = arg[(equals + 1)..];
                }
                else if (i + 1 < args.Count)
                {
                    value = args[++i];
                }
                else
                {
                    error = $"option '{name}' needs a value.";
                    return null;
                }

                if (!parsed._values.TryGetValue(name, out var list))
                {
                    parsed._values[name] = list = [];
                }

                list.Add(value);
            }
            else if (flagOptions.Contains(name) && equals < 0)
            {
                parsed.Flags.Add(name);
            }
            else
            {
                error = $"unknown option '{arg}'.";
                return null;
            }
        }

        return parsed;
    }

    /// <summary>
    /// Parses the arguments of command <paramref name="command"/>. Returns <c>null</c> when the command should stop at
    /// once, with the exit code in <paramref name="exitCode"/>: after an unknown option or a missing value (reported
    /// with the usage on <paramref name="stderr"/>) or after <c>--help</c> (the usage on <paramref name="stdout"/>).
    /// </summary>
    public static Arguments? ParseCommand(
        IReadOnlyList<string> args,
        string command,
        string usage,
        IReadOnlySet<string> valueOptions,
        IReadOnlySet<string> flagOptions,
        TextWriter stdout,
        TextWriter stderr,
        out int exitCode)
    {
        exitCode = ExitCodes.Success;
        var parsed = Parse(args, valueOptions, flagOptions, out var error);
        if (parsed is null)
        {
            exitCode = UsageError(stderr, command, usage, error!);
            return null;
        }

        if (parsed.HelpRequested)
        {
            stdout.WriteLine(usage);
            return null;
        }

        return parsed;
    }

    /// <summary>Reports a usage error of command <paramref name="command"/> (<c>htma COMMAND: message</c>, then the usage) and gives its exit code.</summary>
    public static int UsageError(TextWriter stderr, string command, string usage, string message)
    {
        stderr.WriteLine($"htma {command}: {message}");
        stderr.WriteLine(usage);
        return ExitCodes.UsageError;
    }

    /// <summary>The report format named by <c>--format</c> (text by default), or <c>null</c> for an unknown name.</summary>
    public IReportFormat? ReportFormat() => Value("--format") is { } name ? ReportFormats.Find(name) : ReportFormats.Default;

    /// <summary>The usage error for an unknown <c>--format</c>, naming the formats there are.</summary>
    public string UnknownFormatMessage() => $"unknown format '{Value("--format")}'; use {ReportFormats.InWords()}.";

    /// <summary>
    /// Creates the interpreter from <c>--definitions</c>, <c>--lab</c> and <c>--model</c>. When that fails, prints the
    /// diagnostics to <paramref name="stderr"/> and gives the exit code: usage error for an unknown lab or model,
    /// input error for broken definitions.
    /// </summary>
    public Interpreter? CreateInterpreter(TextWriter stderr, out int exitCode)
    {
        var created = Interpreter.Create(new InterpreterOptions
        {
            DefinitionsDirectory = Value("--definitions"),
            LabId = Value("--lab"),
            ModelId = Value("--model"),
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
    /// diagnostic a line, and a note when <paramref name="format"/> is not HTML (only HTML has a letterhead). On an error
    /// the command stops before anything is written: returns <c>false</c> with the input-error exit code.
    /// </summary>
    public bool TryReadBranding(TextWriter stderr, IReportFormat format, out ReportBranding? branding, out int exitCode)
    {
        branding = null;
        exitCode = ExitCodes.Success;
        if (Value("--branding") is not { } path)
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

        if (!format.UsesBranding)
        {
            stderr.WriteLine($"htma: note: --branding applies to the HTML format only; the {format.Name} report has no letterhead.");
        }

        branding = read.Value;
        return true;
    }
}
