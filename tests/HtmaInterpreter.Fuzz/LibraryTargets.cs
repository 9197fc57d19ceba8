using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Definitions;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// Runs an input through the library's public methods the way the CLI and a library user would, down to every report
/// format: panels (read, interpret, render, compare), client context, rule folders, definitions folders and wide-CSV
/// batches. Shared by the fuzzer and the bad-input corpus tests. Exceptions are not caught: each is a finding.
/// </summary>
internal static class LibraryTargets
{
    /// <summary>One pair of batch interpreters (fast path on and off) per interpreter: each prepares the rule order once (the fuzzer runs thousands of batches).</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Interpreter, BatchPair> BatchInterpreters = [];

    private static readonly ReportFormat[] Formats = [ReportFormat.Text, ReportFormat.Json, ReportFormat.Markdown, ReportFormat.Html];

    /// <summary>At most this many panels of one input are interpreted and rendered (a fuzzed file can hold thousands).</summary>
    private const int MaxPanelsRendered = 4;

    /// <summary>Reads a panel file and runs everything downstream of it.</summary>
    public static void PanelFile(LibraryOutcome outcome, string path, Interpreter interpreter, ClientContext? context = null)
    {
        var panels = outcome.Take(new PanelReader().ReadFile(path), "PanelReader.ReadFile") ?? [];
        Downstream(outcome, panels, interpreter, context);
    }

    /// <summary>Reads panel bytes with format detection (and as a wide-CSV stream; with <paramref name="everyFormat"/> as every format too), and runs everything downstream of the detected read.</summary>
    public static void PanelBytes(LibraryOutcome outcome, byte[] bytes, string fileName, Interpreter interpreter, bool everyFormat)
    {
        var reader = new PanelReader();
        using (var stream = new MemoryStream(bytes, writable: false))
        {
            var panels = outcome.Take(reader.Read(stream, fileName), "PanelReader.Read") ?? [];
            Downstream(outcome, panels, interpreter, null);
        }

        using (var wide = new MemoryStream(bytes, writable: false))
        {
            foreach (var item in reader.ReadWideCsvStream(wide, fileName).Take(10_000))
            {
                outcome.Add(item.Diagnostics, "PanelReader.ReadWideCsvStream");
            }
        }

        if (!everyFormat)
        {
            return;
        }

        // Every reader on the same text (the detected one's panels went downstream above).
        var text = Encoding.UTF8.GetString(bytes);
        foreach (var format in new[] { PanelFormat.CsvLong, PanelFormat.CsvWide, PanelFormat.Yaml, PanelFormat.Json })
        {
            outcome.Take(reader.ReadText(text, fileName, format), $"PanelReader.ReadText({format})");
        }
    }

    /// <summary>Interprets panels (with a context), renders every report format, and compares them when there are two or more.</summary>
    public static void Downstream(LibraryOutcome outcome, IReadOnlyList<Panel> panels, Interpreter interpreter, ClientContext? context)
    {
        var interpretations = panels.Take(MaxPanelsRendered).Select(panel => interpreter.Interpret(panel, context)).ToList();
        foreach (var interpretation in interpretations)
        {
            outcome.Add(interpretation.Diagnostics, "Interpreter.Interpret");
        }

        if (interpretations.Count == 0)
        {
            return;
        }

        foreach (var format in Formats)
        {
            outcome.Report(ReportRenderer.Render(interpretations, format, ReportOptions.Default, outcome.Diagnostics), $"ReportRenderer.Render({format})");
        }

        var first = interpretations[0];
        outcome.Report(ReportRenderer.Render(first, ReportFormat.Text, new ReportOptions { UseColor = true }), "ReportRenderer.Render(Text, colour)");
        outcome.Report(JsonReport.Render(first, outcome.Diagnostics), "JsonReport.Render");
        outcome.Report(HtmlReport.Render(first), "HtmlReport.Render");
        outcome.Report(MarkdownReport.Render(first), "MarkdownReport.Render");
        outcome.Report(TextReport.Render(first), "TextReport.Render");
        using (var json = new MemoryStream())
        {
            JsonReport.Write(first, json);
        }

        if (panels.Count >= 2)
        {
            Compare(outcome, [.. panels.Take(MaxPanelsRendered)], interpreter, context);
        }
    }

    /// <summary>Compares panels and renders the comparison in every format.</summary>
    public static void Compare(LibraryOutcome outcome, IReadOnlyList<Panel> panels, Interpreter interpreter, ClientContext? context = null)
    {
        if (outcome.Take(new RetestComparer(interpreter).Compare(panels, context), "RetestComparer.Compare") is not { } comparison)
        {
            return;
        }

        foreach (var format in Formats)
        {
            outcome.Report(ComparisonReport.Render(comparison, format, outcome.Diagnostics), $"ComparisonReport.Render({format})");
        }
    }

    /// <summary>Reads a context file, or YAML/JSON text as a context.</summary>
    public static ClientContext? Context(LibraryOutcome outcome, string? path, string? text = null, string fileName = "context.yaml") =>
        path is not null
            ? outcome.Take(ClientContextReader.ReadFile(path), "ClientContextReader.ReadFile")
            : outcome.Take(ClientContextReader.Parse(text ?? "", fileName), "ClientContextReader.Parse");

    /// <summary>Loads a rule folder the way <c>htma rules check</c> does.</summary>
    public static void RuleFolder(LibraryOutcome outcome, string folder)
    {
        var options = new RuleLoadOptions { KnownRatios = RuleLoadOptions.DefaultKnownRatios };
        outcome.Take(RuleSet.LoadFromDirectory(folder, options), "RuleSet.LoadFromDirectory");
    }

    /// <summary>Loads a definitions folder, then an interpreter over it (with its <c>rules/</c>), and interprets a panel with it.</summary>
    public static Interpreter? DefinitionsFolder(LibraryOutcome outcome, string folder, IReadOnlyList<Panel> panels, string? labId = null, string? modelId = null)
    {
        if (outcome.Take(HtmaDefinitions.LoadFromDirectory(folder), "HtmaDefinitions.LoadFromDirectory") is null)
        {
            return null;
        }

        var interpreter = outcome.Take(
            Interpreter.Create(new InterpreterOptions { DefinitionsDirectory = folder, LabId = labId, ModelId = modelId }),
            "Interpreter.Create");
        if (interpreter is not null)
        {
            Downstream(outcome, panels, interpreter, null);
        }

        return interpreter;
    }

    /// <summary>
    /// Runs a wide CSV through the batch interpreter, writing CSV and JSON Lines with a summary, once with the fast path
    /// and once along the general path (<see cref="BatchOptions.UseFastPath"/> off): rows written, summary, counts and
    /// every read diagnostic (code, severity, location, message) must be the same, else it is a problem (a finding).
    /// </summary>
    /// <param name="outcome">Where the diagnostics go (the fast path's; the general path's are compared with them).</param>
    /// <param name="open">Opens the input (twice per output format).</param>
    /// <param name="fileName">The file name for diagnostics.</param>
    /// <param name="interpreter">The interpreter.</param>
    /// <param name="formats">The output formats, CSV and JSON Lines by default.</param>
    public static void Batch(LibraryOutcome outcome, Func<Stream> open, string fileName, Interpreter interpreter, IReadOnlyList<BatchOutputFormat>? formats = null)
    {
        var (fastBatch, generalBatch) = BatchInterpreters.GetValue(interpreter, i => new(
            new BatchInterpreter(i, new BatchOptions { MaxDegreeOfParallelism = 1 }),
            new BatchInterpreter(i, new BatchOptions { MaxDegreeOfParallelism = 1, UseFastPath = false })));
        foreach (var format in formats ?? [BatchOutputFormat.Csv, BatchOutputFormat.JsonLines])
        {
            var what = $"BatchInterpreter.WriteWideCsv({format})";
            var fast = BatchRun.Write(fastBatch, open, fileName, format, useFastPath: true);
            var general = BatchRun.Write(generalBatch, open, fileName, format, useFastPath: false);
            outcome.Add(fast.ReadDiagnostics, what);
            if (format == BatchOutputFormat.Csv && fast.Output.Length == 0)
            {
                outcome.Problems.Add($"{what}: nothing written, not even the header");
            }

            if (fast.Summary is { } summary)
            {
                outcome.Report(summary, "BatchSummary.WriteText");
            }
            else
            {
                outcome.Problems.Add($"{what}: no summary although one was asked for");
            }

            if (BatchRun.Difference(fast, general) is { } difference)
            {
                outcome.Problems.Add($"{what}: the fast path and the general path differ in the {difference.Part}");
                outcome.Problems.Add($"  fast:    {difference.Fast}");
                outcome.Problems.Add($"  general: {difference.General}");
            }
        }
    }

    /// <summary>A batch interpreter with the fast path and one without, over the same interpreter.</summary>
    private sealed record BatchPair(BatchInterpreter Fast, BatchInterpreter General);
}
