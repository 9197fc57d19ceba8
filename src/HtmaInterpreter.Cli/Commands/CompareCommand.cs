using System.CommandLine;
using HtmaInterpreter.Cli.Output;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Cli.Commands;

/// <summary><c>htma compare OLD NEW [MORE...]</c>: compares the tests of one person (changes, transitions, trends, retest findings).</summary>
internal static class CompareCommand
{
    internal static string Usage =>
        $"""
        usage: htma compare OLD NEW [MORE...] [--format {ReportFormats.Choices}] [--out FILE]
                            [--lab ID] [--model ID] [--definitions DIR] [--branding FILE]
                            [--input-format {PanelInput.Choices}]

        Compares two or more tests of one person, in collection-date order (the order given when a date is missing):
        each element and ratio at every test, the change first to last (absolute and %), whether it moved toward or
        away from the ideal (judged by the distance to the ideal or band, or for toxic metals by lower is better),
        the oxidation type at each test and its transitions, trends per month for three or more tests, the balance
        distance from the ideal profile, and the findings of the retest rules. Values are compared in mg%.

          --format FORMAT     {ReportFormats.InWords(markDefault: true)} (self-contained page, no scripts)
          --out FILE          write the report to FILE instead of standard output; it appears only when complete
          --lab ID            lab profile for every test instead of each panel's lab ({DefinitionIds.Labs})
          --model ID          oxidation model {DefinitionIds.Models}
          --definitions DIR   a folder laid out like ratios/ to use instead of the built-in definitions and rules
          --branding FILE     the practice letterhead of the HTML report (YAML: practice, address, logo, footer,
                              css; see htma interpret --help). Other formats ignore it (with a note). Errors in the
                              file stop the command (exit 1) before anything is written.
          --input-format F    read every FILE as {PanelInput.Choices.Replace("|", ", ", StringComparison.Ordinal)} instead of telling the format
                              from its name and content (a JSON object with "resourceType" is FHIR)

        A FILE may hold several panels (all are compared); it is CSV, YAML, JSON or a FHIR R4 bundle. One FILE may be
        '-', standard input (diagnostics call it {PanelInput.StandardInputName}). Fewer than two panels in all is a usage error.
        The diagnostics are in the report; its errors and warnings are on standard error too unless it goes to a
        terminal. When no comparison can be made they go to standard error, and JSON still gives a document (empty
        tests, the diagnostics).
        Exit codes: 0 compared (warnings allowed), 1 the input or branding has errors, the panels belong to different
        people or FILE cannot be written, 2 usage error (including fewer than two panels), 130 interrupted (Ctrl-C).
        """;

    /// <summary>Creates the command.</summary>
    internal static HtmaCommand Create(CommandEnvironment environment)
    {
        var command = new HtmaCommand("compare", "Compare two or more tests of one person: changes toward/away from the ideal, trends, retest findings.", () => Usage);
        var files = new Argument<string[]>("FILE") { Arity = ArgumentArity.ZeroOrMore };
        var format = CommandOptions.Format(withFhir: false);
        var outPath = CommandOptions.Out();
        var lab = CommandOptions.Lab();
        var model = CommandOptions.Model();
        var definitions = CommandOptions.Definitions();
        var branding = CommandOptions.Branding();
        var inputFormat = CommandOptions.InputFormatOption();
        command.Arguments.Add(files);
        foreach (var option in new Option[] { format, outPath, lab, model, definitions, branding, inputFormat })
        {
            command.Options.Add(option);
        }

        command.Validators.Add(result =>
        {
            var given = result.GetValue(files) ?? [];
            if (given.Length == 0)
            {
                result.AddError("no FILE given; give the earlier and the later test (two or more files).");
            }
            else if (given.Count(f => f == CommandOptions.StandardInput) > 1)
            {
                result.AddError("standard input ('-') can be read once; give '-' for one FILE only.");
            }
        });
        command.SetAction(parse =>
        {
            var reportFormat = parse.GetValue(format) is { } name ? ReportFormats.Find(name)! : ReportFormats.Default;
            return Run(parse.GetValue(files)!, parse.GetValue(inputFormat) ?? InputFormat.Auto, reportFormat, parse.GetValue(outPath), parse.GetValue(lab), parse.GetValue(model), parse.GetValue(definitions), parse.GetValue(branding), environment);
        });
        return command;
    }

    private static int Run(
        IReadOnlyList<string> files,
        InputFormat inputFormat,
        IReportFormat format,
        string? outPath,
        string? lab,
        string? model,
        string? definitions,
        string? brandingPath,
        CommandEnvironment environment)
    {
        var (stdout, stderr, interruption) = (environment.Stdout, environment.Stderr, environment.Interruption);
        if (CommandOptions.CreateInterpreter(definitions, lab, model, stderr, out var failure) is not { } interpreter)
        {
            return failure;
        }

        if (!CommandOptions.TryReadBranding(brandingPath, stderr, format.UsesBranding, format.Name, out var branding, out var brandingFailure))
        {
            return brandingFailure;
        }

        using var output = outPath is null ? null : OutputFile.Open(outPath, interruption, stderr);
        if (outPath is not null && output is null)
        {
            return ExitCodes.InputError;
        }

        var panels = new List<Panel>();
        var readDiagnostics = new List<Diagnostic>();
        foreach (var file in files)
        {
            var read = PanelInput.Read(file, inputFormat, environment.Stdin);
            readDiagnostics.AddRange(read.Diagnostics);
            panels.AddRange(read.Value ?? []);
            interruption.ThrowIfRequested();
        }

        var readErrors = readDiagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);
        var compared = new RetestComparer(interpreter).Compare(panels);
        interruption.ThrowIfRequested();
        if (compared.Value is not { } comparison)
        {
            var diagnostics = readDiagnostics.Concat(compared.Diagnostics).ToList();
            ReportOutput.EchoDiagnostics(stderr, diagnostics);
            if (compared.Diagnostics.Any(d => d.Code == DiagnosticCodes.RetestTooFewPanels) && !readErrors)
            {
                return CommandOptions.UsageError(stderr, "compare", $"a comparison needs at least two panels of one person; {panels.Count} {(panels.Count == 1 ? "was" : "were")} read.");
            }

            // A JSON reader gets a document whatever happened; the other formats have no report without a comparison.
            return format.RenderNotCompared(diagnostics) is { } document && ReportOutput.Write(document, stdout, output, stderr) is not ExitCodes.Success and var notWritten
                ? notWritten
                : ExitCodes.InputError;
        }

        var report = ComparisonReport.Render(comparison, format.Format, readDiagnostics, new ReportOptions { Branding = branding });
        if (!ReportOutput.GoesToTerminal(stdout, output))
        {
            ReportOutput.EchoDiagnostics(stderr, readDiagnostics.Concat(comparison.Diagnostics));
        }

        if (ReportOutput.Write(report, stdout, output, stderr) is not ExitCodes.Success and var cannotWrite)
        {
            return cannotWrite;
        }

        return readErrors || compared.HasErrors ? ExitCodes.InputError : ExitCodes.Success;
    }
}
