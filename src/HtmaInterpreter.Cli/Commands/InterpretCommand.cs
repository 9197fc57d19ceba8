using System.CommandLine;
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
    internal static string Usage =>
        $"""
        usage: htma interpret FILE [--lab ID] [--model ID] [--format {ReportFormats.Choices}|fhir] [--context FILE]
                              [--client KEY=VALUE]... [--definitions DIR] [--out FILE] [--branding FILE]
                              [--input-format {PanelInput.Choices}]

        Interprets every panel in FILE: each element against the lab profile, the ratios with their ideals and bands,
        the oxidation type and what decided it, and the findings of the rule set (referrals first). FILE is CSV (long
        or wide), YAML, JSON or a FHIR R4 bundle; '-' reads standard input (diagnostics call it {PanelInput.StandardInputName}).

          --lab ID            lab profile to use instead of the panel's lab ({DefinitionIds.Labs})
          --model ID          oxidation model {DefinitionIds.Models}
          --format FORMAT     {ReportFormats.InWords(markDefault: true)}, or fhir. JSON: one panel gives one object, several an
                              array. Markdown and HTML: several panels one after another in one document. HTML is
                              one self-contained file (inline CSS and SVG charts, no scripts), printable on A4.
                              Text is coloured only on a terminal (not when redirected or NO_COLOR is set).
                              fhir: a FHIR R4 Bundle (collection) in JSON: a DiagnosticReport with the HTML report,
                              an Observation per element, ratio, oxidation type and finding (several panels: one
                              bundle with a DiagnosticReport each); htma show reads it back.
          --context FILE      the client's symptoms, conditions, lifestyle and diet (YAML or JSON)
          --client KEY=VALUE  the same from the command line, repeatable: sex=female, age=52,
                              symptoms=leg_cramps,night_cramps, conditions=diabetes, lifestyle=sedentary, diet=much_sugar.
                              A pair it cannot take (no '=', an unknown key, a wrong value) is a usage error (exit 2),
                              before anything is read or written
          --definitions DIR   a folder laid out like ratios/ to use instead of the built-in definitions and rules
          --out FILE          write the report to FILE instead of standard output; it appears only when complete
          --branding FILE     the practice letterhead of the HTML report, from a YAML file: practice (name), address
                              (lines), logo (PNG or JPEG, path relative to the file), footer (printed at the foot of
                              every page), css (extra CSS; nothing that loads from elsewhere). The report stays one
                              file with no scripts and no external requests. Other formats ignore it (with a note).
                              Errors in the file stop the command (exit 1) before anything is written.
          --input-format F    read FILE as {PanelInput.Choices.Replace("|", ", ", StringComparison.Ordinal)} instead of telling the format
                              from its name and content (a JSON object with "resourceType" is FHIR)

        The diagnostics are in the report; its errors and warnings are also printed to standard error, one per line,
        unless the report goes to a terminal (so that they reach you when it goes to a file or a pipe, in every format).
        Exit codes: 0 interpreted, 1 the input, context or branding has errors or FILE cannot be written, 2 usage error,
        130 interrupted (Ctrl-C).
        """;

    /// <summary>Creates the command.</summary>
    internal static HtmaCommand Create(CommandEnvironment environment)
    {
        var command = new HtmaCommand("interpret", "Interpret the panels of a file: ratios, oxidation type and findings (text, JSON, Markdown, HTML or FHIR).", () => Usage);
        var file = CommandOptions.FileArgument(command);
        var lab = CommandOptions.Lab();
        var model = CommandOptions.Model();
        var format = CommandOptions.Format(withFhir: true);
        var context = new Option<string?>("--context") { HelpName = "FILE" };
        var client = CommandOptions.Client();
        var definitions = CommandOptions.Definitions();
        var outPath = CommandOptions.Out();
        var branding = CommandOptions.Branding();
        var inputFormat = CommandOptions.InputFormatOption();
        command.Arguments.Add(file);
        foreach (var option in new Option[] { lab, model, format, context, client, definitions, outPath, branding, inputFormat })
        {
            command.Options.Add(option);
        }

        command.SetAction(parse => Run(
            new Request(
                parse.GetValue(file)!,
                parse.GetValue(inputFormat) ?? InputFormat.Auto,
                parse.GetValue(format),
                parse.GetValue(lab),
                parse.GetValue(model),
                parse.GetValue(definitions),
                parse.GetValue(context),
                parse.GetValue(client) ?? [],
                parse.GetValue(outPath),
                parse.GetValue(branding)),
            environment));
        return command;
    }

    /// <summary>The parsed command line of one run.</summary>
    private sealed record Request(
        string File,
        InputFormat InputFormat,
        string? Format,
        string? Lab,
        string? Model,
        string? Definitions,
        string? Context,
        IReadOnlyList<string> Client,
        string? Out,
        string? Branding);

    private static int Run(Request request, CommandEnvironment environment)
    {
        var (stdout, stderr, interruption) = (environment.Stdout, environment.Stderr, environment.Interruption);
        var colorOutput = environment.Settings.ColorOutput ?? (ReferenceEquals(stdout, Console.Out) && ConsoleWantsColor());
        var fhir = request.Format == CommandOptions.FhirFormat;
        var format = fhir ? null : request.Format is { } name ? ReportFormats.Find(name)! : ReportFormats.Default;

        if (CommandOptions.CreateInterpreter(request.Definitions, request.Lab, request.Model, stderr, out var failure) is not { } interpreter)
        {
            return failure;
        }

        if (!CommandOptions.TryReadBranding(request.Branding, stderr, format?.UsesBranding ?? false, format?.Name ?? CommandOptions.FhirFormat, out var branding, out var brandingFailure))
        {
            return brandingFailure;
        }

        using var output = request.Out is null ? null : OutputFile.Open(request.Out, interruption, stderr);
        if (request.Out is not null && output is null)
        {
            return ExitCodes.InputError;
        }

        var contextDiagnostics = new List<Diagnostic>();
        var context = ReadContext(request, contextDiagnostics);
        var read = PanelInput.Read(request.File, request.InputFormat, environment.Stdin);
        var panels = read.Value ?? [];
        interruption.ThrowIfRequested();
        var interpretations = panels.Select(panel => interpreter.Interpret(panel, context)).ToList();
        var readDiagnostics = contextDiagnostics.Concat(read.Diagnostics).ToList();

        string report;
        if (format is null)
        {
            report = FhirOutput.ToJson(interpretations);
        }
        else
        {
            var options = new ReportOptions { UseColor = format.UsesColor && request.Out is null && colorOutput, Branding = branding };
            report = interpretations.Count == 1
                ? format.Render(interpretations[0], readDiagnostics, options)
                : format.Render(interpretations, readDiagnostics, options);
        }

        interruption.ThrowIfRequested();
        if (format is null || !ReportOutput.GoesToTerminal(stdout, output))
        {
            // A FHIR bundle carries no diagnostics of the reading: they always go to standard error.
            ReportOutput.EchoDiagnostics(stderr, readDiagnostics.Concat(interpretations.SelectMany(i => i.Diagnostics)));
        }

        if (format is null && interpretations.Count == 0)
        {
            // An empty bundle would name no model, lab profile or rule set and carry no note: nothing is written, and
            // the diagnostics above say why.
            return ExitCodes.InputError;
        }

        if (ReportOutput.Write(report, stdout, output, stderr) is not ExitCodes.Success and var notWritten)
        {
            return notWritten;
        }

        var hasErrors = readDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error) || panels.Count == 0;
        return hasErrors ? ExitCodes.InputError : ExitCodes.Success;
    }

    private static ClientContext? ReadContext(Request request, List<Diagnostic> diagnostics)
    {
        ClientContext? context = null;
        if (request.Context is { } contextFile)
        {
            var fromFile = ClientContextReader.ReadFile(contextFile);
            diagnostics.AddRange(fromFile.Diagnostics);
            context = fromFile.Value;
        }

        if (request.Client is { Count: > 0 } pairs)
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
}
