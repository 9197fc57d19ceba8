using System.Text;
using HtmaInterpreter.Cli.Output;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Cli.Commands;

/// <summary><c>htma interpret FILE</c>: reads panels and prints each one's ratios, oxidation type and findings.</summary>
internal static class InterpretCommand
{
    internal static readonly string Usage =
        $"""
        usage: htma interpret FILE [--lab ID] [--model ID] [--format {ReportFormats.Choices}] [--context FILE]
                              [--client KEY=VALUE]... [--definitions DIR] [--out FILE] [--branding FILE]

        Interprets every panel in FILE: each element against the lab profile, the ratios with their ideals and bands,
        the oxidation type and what decided it, and the findings of the rule set (referrals first).

          --lab ID            lab profile to use instead of the panel's lab ({DefinitionIds.Labs})
          --model ID          oxidation model {DefinitionIds.Models}
          --format FORMAT     {ReportFormats.InWords(markDefault: true)}. JSON: one panel gives one object, several an
                              array. Markdown and HTML: several panels one after another in one document. HTML is
                              one self-contained file (inline CSS and SVG charts, no scripts), printable on A4.
                              Text is coloured only on a terminal (not when redirected or NO_COLOR is set).
          --context FILE      the client's symptoms, conditions, lifestyle and diet (YAML or JSON)
          --client KEY=VALUE  the same from the command line, repeatable: sex=female, age=52,
                              symptoms=leg_cramps,night_cramps, conditions=diabetes, lifestyle=sedentary, diet=much_sugar
          --definitions DIR   a folder laid out like ratios/ to use instead of the built-in definitions and rules
          --out FILE          write the report to FILE instead of standard output; it appears only when complete
          --branding FILE     the practice letterhead of the HTML report, from a YAML file: practice (name), address
                              (lines), logo (PNG or JPEG, path relative to the file), footer (printed at the foot of
                              every page), css (extra CSS; nothing that loads from elsewhere). The report stays one
                              file with no scripts and no external requests. Other formats ignore it (with a note).
                              Errors in the file stop the command (exit 1) before anything is written.

        The diagnostics are in the report; its errors and warnings are also printed to standard error, one per line,
        unless the report goes to a terminal (so that they reach you when it goes to a file or a pipe, in every format).
        Exit codes: 0 interpreted, 1 the input, context or branding has errors or FILE cannot be written, 2 usage error,
        130 interrupted (Ctrl-C).
        """;

    private static readonly HashSet<string> ValueOptions = ["--lab", "--model", "--format", "--context", "--client", "--definitions", "--out", "--branding"];

    /// <summary>Runs the command; colours the text report only when writing to the process's own standard output and that is a terminal that wants colour.</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Interruption interruption) =>
        Run(args, stdout, stderr, interruption, colorOutput: ReferenceEquals(stdout, Console.Out) && ConsoleWantsColor());

    /// <summary>Runs the command without signal handling, with the colour decision made by the caller (tests).</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, bool colorOutput)
    {
        using var interruption = new Interruption(stderr, _ => { }, Timeout.InfiniteTimeSpan);
        return Run(args, stdout, stderr, interruption, colorOutput);
    }

    /// <summary>Runs the command, with the colour decision made by the caller.</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Interruption interruption, bool colorOutput)
    {
        if (Arguments.ParseCommand(args, "interpret", Usage, ValueOptions, new HashSet<string>(), stdout, stderr, out var stop) is not { } parsed)
        {
            return stop;
        }

        if (parsed.Positional.Count != 1)
        {
            return UsageError(stderr, parsed.Positional.Count == 0 ? "no FILE given." : "expected one FILE, got more than one.");
        }

        var format = parsed.ReportFormat();
        if (format is null)
        {
            return UsageError(stderr, parsed.UnknownFormatMessage());
        }

        var outPath = parsed.Value("--out");
        if (outPath is { Length: 0 })
        {
            return UsageError(stderr, OutputFile.EmptyPathMessage);
        }

        if (parsed.CreateInterpreter(stderr, out var failure) is not { } interpreter)
        {
            return failure;
        }

        if (!parsed.TryReadBranding(stderr, format, out var branding, out var brandingFailure))
        {
            return brandingFailure;
        }

        using var output = outPath is null ? null : OutputFile.Open(outPath, interruption, stderr);
        if (outPath is not null && output is null)
        {
            return ExitCodes.InputError;
        }

        var contextDiagnostics = new List<Diagnostic>();
        var context = ReadContext(parsed, contextDiagnostics);
        var read = new PanelReader().ReadFile(parsed.Positional[0]);
        var panels = read.Value ?? [];
        interruption.ThrowIfRequested();
        var interpretations = panels.Select(panel => interpreter.Interpret(panel, context)).ToList();
        var readDiagnostics = contextDiagnostics.Concat(read.Diagnostics).ToList();

        var options = new ReportOptions { UseColor = format.UsesColor && outPath is null && colorOutput, Branding = branding };
        var report = interpretations.Count == 1
            ? format.Render(interpretations[0], readDiagnostics, options)
            : format.Render(interpretations, readDiagnostics, options);
        interruption.ThrowIfRequested();
        if (!ReportOutput.GoesToTerminal(stdout, output))
        {
            ReportOutput.EchoDiagnostics(stderr, readDiagnostics.Concat(interpretations.SelectMany(i => i.Diagnostics)));
        }

        if (ReportOutput.Write(report, stdout, output, stderr) is not ExitCodes.Success and var notWritten)
        {
            return notWritten;
        }

        var hasErrors = readDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || panels.Count == 0;
        return hasErrors ? ExitCodes.InputError : ExitCodes.Success;
    }

    private static ClientContext? ReadContext(Arguments parsed, List<Diagnostic> diagnostics)
    {
        ClientContext? context = null;
        if (parsed.Value("--context") is { } contextFile)
        {
            var fromFile = ClientContextReader.ReadFile(contextFile);
            diagnostics.AddRange(fromFile.Diagnostics);
            context = fromFile.Value;
        }

        if (parsed.Values("--client") is { Count: > 0 } pairs)
        {
            var fromFlags = ClientContextReader.FromArguments(pairs);
            diagnostics.AddRange(fromFlags.Diagnostics);
            if (fromFlags.Value is { } flags)
            {
                context = context is null ? flags : Merge(context, flags);
            }
        }

        return context;
    }

    private static ClientContext Merge(ClientContext file, ClientContext flags) => file with
    {
        Sex = flags.Sex != Sex.Unknown ? flags.Sex : file.Sex,
        AgeYears = flags.AgeYears ?? file.AgeYears,
        Symptoms = Union(file.Symptoms, flags.Symptoms),
        Conditions = Union(file.Conditions, flags.Conditions),
        Lifestyle = Union(file.Lifestyle, flags.Lifestyle),
        Diet = Union(file.Diet, flags.Diet),
    };

    private static HashSet<string>? Union(IReadOnlySet<string>? first, IReadOnlySet<string>? second) =>
        first is null && second is null ? null : new HashSet<string>((first ?? new HashSet<string>()).Concat(second ?? new HashSet<string>()), StringComparer.Ordinal);

    /// <summary>True when standard output is a terminal and the user has not asked for no colour (https://no-color.org).</summary>
    private static bool ConsoleWantsColor() =>
        !Console.IsOutputRedirected && string.IsNullOrEmpty(Environment.GetEnvironmentVariable("NO_COLOR"));

    private static int UsageError(TextWriter stderr, string message) => Arguments.UsageError(stderr, "interpret", Usage, message);
}
