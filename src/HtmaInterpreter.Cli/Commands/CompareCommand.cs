using HtmaInterpreter.Cli.Output;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Cli.Commands;

/// <summary><c>htma compare OLD NEW [MORE...]</c>: compares the tests of one person (changes, transitions, trends, retest findings).</summary>
internal static class CompareCommand
{
    internal static readonly string Usage =
        $"""
        usage: htma compare OLD NEW [MORE...] [--format {ReportFormats.Choices}] [--out FILE]
                            [--lab ID] [--model ID] [--definitions DIR] [--branding FILE]

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

        A FILE may hold several panels (all are compared). Fewer than two panels in all is a usage error.
        The diagnostics are in the report; its errors and warnings are on standard error too unless it goes to a
        terminal. When no comparison can be made they go to standard error, and JSON still gives a document (empty
        tests, the diagnostics).
        Exit codes: 0 compared (warnings allowed), 1 the input or branding has errors, the panels belong to different
        people or FILE cannot be written, 2 usage error (including fewer than two panels), 130 interrupted (Ctrl-C).
        """;

    private static readonly HashSet<string> ValueOptions = ["--format", "--out", "--lab", "--model", "--definitions", "--branding"];

    /// <summary>Runs the command.</summary>
    internal static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr, Interruption interruption)
    {
        if (Arguments.ParseCommand(args, "compare", Usage, ValueOptions, new HashSet<string>(), stdout, stderr, out var stop) is not { } parsed)
        {
            return stop;
        }

        if (parsed.Positional.Count == 0)
        {
            return UsageError(stderr, "no FILE given; give the earlier and the later test (two or more files).");
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

        var reader = new PanelReader();
        var panels = new List<Panel>();
        var readDiagnostics = new List<Diagnostic>();
        foreach (var file in parsed.Positional)
        {
            var read = reader.ReadFile(file);
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
                return UsageError(stderr, $"a comparison needs at least two panels of one person; {panels.Count} {(panels.Count == 1 ? "was" : "were")} read.");
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

    private static int UsageError(TextWriter stderr, string message) => Arguments.UsageError(stderr, "compare", Usage, message);
}
