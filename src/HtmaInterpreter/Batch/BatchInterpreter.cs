using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch;

/// <summary>
/// Interprets a stream of panels (for instance <see cref="PanelReader.ReadWideCsvStream(Stream, string)"/> over a file of
/// millions of rows) on all cores and returns one <see cref="BatchResult"/> per input item, in input order.
/// </summary>
/// <remarks>
/// The input is read on one thread, in chunks of <see cref="BatchOptions.ChunkSize"/> items; workers interpret the chunks
/// and the caller's enumeration returns them in the order they were read. At most
/// <see cref="BatchOptions.ChunksInFlight"/> chunks exist at any time, so memory stays constant however long the input
/// is: reading pauses while the caller is behind. A row whose reading gave an error is not interpreted; its result
/// carries the reading diagnostics. Stopping the enumeration early (or cancelling) stops the reading and the workers.
/// An instance is immutable and may run several batches at once.
/// </remarks>
public sealed partial class BatchInterpreter
{
    private readonly Lazy<RuleOrder> _ruleOrder;

    // With the fast path on (and up to 64 rules), fired rules are ordered through masks into lists shared between rows.
    private readonly Lazy<MaskRuleOrder?> _masks;
    private readonly Lazy<FastRun> _fastRun;
    private readonly Lazy<FastRowFormat> _fastRows;

    /// <summary>Creates a batch interpreter.</summary>
    /// <param name="interpreter">The interpreter every panel goes through (e.g. <see cref="Interpreter.Default"/>).</param>
    /// <param name="options">The options; <c>null</c> for the defaults.</param>
    public BatchInterpreter(Interpreter interpreter, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        Interpreter = interpreter;
        Options = options ?? new BatchOptions();
        var useFastPath = Options.UseFastPath;
        _ruleOrder = new Lazy<RuleOrder>(() => new RuleOrder(interpreter.Rules));
        _masks = new Lazy<MaskRuleOrder?>(() => useFastPath ? MaskRuleOrder.For(_ruleOrder.Value) : null);
        _fastRun = new Lazy<FastRun>(() => new FastRun(
            interpreter, ChosenModel(interpreter), Options.Context, BatchResult.KeyRatioNames, _ruleOrder.Value, _masks.Value));
        _fastRows = new Lazy<FastRowFormat>(() => new FastRowFormat(interpreter, ChosenModel(interpreter) ?? interpreter.Definitions.DefaultModel));

        // The rule set compiled into one method (see RuleSet.FiredRuleMask) takes tens of milliseconds to build on the
        // thread pool: start now, so that it is ready by the time the rows come.
        if (useFastPath)
        {
            FastWideCsv.StartMaskCompiler(interpreter.Rules);
        }
    }

    /// <summary>The interpreter used for every panel.</summary>
    public Interpreter Interpreter { get; }

    /// <summary>The options in use.</summary>
    public BatchOptions Options { get; }

    /// <summary>Interprets every item in parallel and returns the results in input order, as they become ready.</summary>
    /// <param name="items">The items read, e.g. from <see cref="PanelReader.ReadWideCsvStream(Stream, string)"/>; enumerated once, on another thread.</param>
    /// <param name="cancellationToken">Stops the run; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per item, in input order.</returns>
    public IEnumerable<BatchResult> Run(IEnumerable<PanelReadItem> items, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(items);
        return RunIterator(
            (writer, token) =>
            {
                foreach (var item in items)
                {
                    token.ThrowIfCancellationRequested();
                    writer.Add(item);
                }
            },
            Options.EffectiveChunksInFlight,
            cancellationToken);
    }

    /// <summary>
    /// Reads a wide CSV (a row per sample, as <see cref="PanelReader.ReadWideCsvStream(Stream, string)"/> reads it) and
    /// interprets every row in parallel, returning one result per item in input order — the same results as
    /// <see cref="Run"/> over <see cref="PanelReader.ReadWideCsvStream(Stream, string)"/>, faster: the file is only split
    /// into records on the reading thread, and the workers read the values of a plain record (unquoted ASCII) straight
    /// into the interpretation without building a <see cref="Panels.Panel"/>. Any other record is read by the general reader.
    /// </summary>
    /// <param name="stream">The input (UTF-8, with or without a byte order mark); left open.</param>
    /// <param name="fileName">The name diagnostics give the input.</param>
    /// <param name="cancellationToken">Stops the run; the enumeration then throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per item (a row, or diagnostics of the header or of the file), in input order.</returns>
    public IEnumerable<BatchResult> RunWideCsv(Stream stream, string fileName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return RunIterator((writer, token) => ReadWideCsv(stream, fileName, writer, token), Options.EffectiveRawChunksInFlight, cancellationToken);
    }

    /// <summary>
    /// Reads a wide CSV like <see cref="RunWideCsv"/> and writes a row for every interpreted panel to
    /// <paramref name="output"/>, in input order: the same rows as writing each interpreted result of
    /// <see cref="RunWideCsv"/> with <see cref="BatchResultWriter.Write"/>, and the same statistics as adding every result
    /// to the cohort statistics. Faster than doing that, and the fastest way through a big file: the workers
    /// write the rows of plain records straight into output bytes and gather the statistics themselves, so that no result
    /// object is made for them.
    /// </summary>
    /// <param name="stream">The input (UTF-8, with or without a byte order mark); left open.</param>
    /// <param name="fileName">The name diagnostics give the input.</param>
    /// <param name="output">Where the rows go (CSV after its header, or JSON Lines); flushed at the end, left open.</param>
    /// <param name="options">Statistics and callbacks; <c>null</c> for none.</param>
    /// <param name="cancellationToken">Stops the run by throwing <see cref="OperationCanceledException"/>.</param>
    /// <returns>The counts of rows, the error flag and the statistics asked for.</returns>
    public BatchWriteResult WriteWideCsv(
        Stream stream, string fileName, BatchResultWriter output, BatchWriteOptions? options = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        ArgumentNullException.ThrowIfNull(output);
        options ??= new BatchWriteOptions();
        var rowOutput = new RowOutput(output.Format, options.Summarize ? Options.Workers : 0);
        int steps = 0, rows = 0, interpreted = 0, rowsWithErrors = 0;
        var hasErrors = false;
        output.WriteHeader();
        foreach (var chunk in InOrder((writer, token) => ReadWideCsv(stream, fileName, writer, token), Options.EffectiveRawChunksInFlight, rowOutput, cancellationToken))
        {
            if (options.OnReadDiagnostics is { } onReadDiagnostics)
            {
                foreach (var reported in chunk.Reported)
                {
                    onReadDiagnostics(reported);
                }
            }

            output.WriteFormatted(chunk.Output.WrittenSpan);
            steps += chunk.Count;
            rows += chunk.Rows;
            interpreted += chunk.Interpreted;
            rowsWithErrors += chunk.RowsWithErrors;
            hasErrors |= chunk.HasErrors;
            options.OnProgress?.Invoke(steps);
        }

        output.Flush();
        // The fast path's rows do not carry the model and rule set to the statistics: named here, as a summary built
        // from the results names them (when a panel was interpreted).
        var summary = rowOutput.Summary();
        if (summary is { Interpreted: > 0 })
        {
            var model = ChosenModel(Interpreter) ?? Interpreter.Definitions.DefaultModel;
            summary = summary with { ModelId = model.Id, RuleSetName = Interpreter.Rules.Name, RuleSetVersion = Interpreter.Rules.Version };
        }

        return new BatchWriteResult
        {
            Rows = rows,
            Interpreted = interpreted,
            RowsWithErrors = rowsWithErrors,
            HasErrors = hasErrors,
            Summary = summary,
        };
    }

    /// <summary>The oxidation model the interpreter's options choose (the default one when they name none), or <c>null</c> for an unknown id.</summary>
    internal static OxidationModel? ChosenModel(Interpreter interpreter)
    {
        var modelId = interpreter.Options.ModelId;
        return string.IsNullOrWhiteSpace(modelId) ? interpreter.Definitions.DefaultModel : interpreter.Definitions.FindModel(modelId.Trim());
    }

    /// <summary>Summarises one item: interprets its panel unless reading it gave an error.</summary>
    internal BatchResult Interpret(PanelReadItem item)
    {
        var readDiagnostics = item.Diagnostics;
        var hasErrors = HasErrors(readDiagnostics);
        if (item.Panel is not { } panel)
        {
            return new BatchResult
            {
                Line = readDiagnostics.Count > 0 ? readDiagnostics[0].Location.Line : null,
                HasErrors = hasErrors,
                DiagnosticsCount = readDiagnostics.Count,
                ReadDiagnostics = readDiagnostics,
            };
        }

        if (hasErrors)
        {
            return new BatchResult
            {
                Line = panel.Source?.Line,
                SampleId = panel.SampleId,
                HasErrors = true,
                DiagnosticsCount = readDiagnostics.Count,
                ReadDiagnostics = readDiagnostics,
            };
        }

        // Only the decisions are needed: the analysis and the ids of the rules that fire, not the findings' evidence and
        // texts nor the elements placed against the profile (Interpreter.Interpret would build all of them).
        var interpreter = Interpreter;
        var analysis = interpreter.Analyzer.Analyze(panel, interpreter.Options.LabId, interpreter.Options.ModelId);
        var fired = interpreter.Rules.FiredRules(new RuleInput(panel, analysis.Lab, analysis.Ratios, analysis.Oxidation, Options.Context));
        return new BatchResult
        {
            Line = panel.Source?.Line,
            SampleId = panel.SampleId,
            Oxidation = analysis.Oxidation.Type,
            Lean = analysis.Oxidation.Lean,
            Degree = analysis.Oxidation.Degree,
            KeyRatios = KeyRatiosOf(analysis.Ratios),
            FiredRules = _masks.Value is { } masks ? masks.FiredRuleIds(fired) : _ruleOrder.Value.FiredRuleIds(fired),
            DiagnosticsCount = readDiagnostics.Count + analysis.Diagnostics.Count,
            HasErrors = false,
            ReadDiagnostics = readDiagnostics,
            LabProfileId = analysis.Lab.Id,
            ModelId = analysis.Oxidation.ModelId,
            RuleSetName = interpreter.Rules.Name,
            RuleSetVersion = interpreter.Rules.Version,
        };
    }

    /// <summary>What this batch hands the fast path (tests and benchmarks build its pieces with it).</summary>
    internal FastRun FastRun => _fastRun.Value;

    /// <summary>Writes the rows the fast path decides, or makes their results.</summary>
    internal FastRowFormat FastRows => _fastRows.Value;

    private IEnumerable<BatchResult> RunIterator(Action<ChunkWriter, CancellationToken> read, int chunksInFlight, CancellationToken cancellationToken)
    {
        foreach (var chunk in InOrder(read, chunksInFlight, output: null, cancellationToken))
        {
            for (var i = 0; i < chunk.Count; i++)
            {
                yield return chunk.Results[i];
            }
        }
    }

    /// <summary>
    /// Reads a wide CSV on the reading thread. On the fast path plain records go to the chunks as raw bytes for the
    /// workers (see <see cref="FastWideCsv.Read"/>) and every other record is read right here by the general reader;
    /// without it every record is.
    /// </summary>
    private void ReadWideCsv(Stream stream, string fileName, ChunkWriter writer, CancellationToken token)
    {
        var reader = new PanelReader(new PanelReaderOptions { Catalog = Options.Catalog });
        var items = Options.UseFastPath
            ? FastWideCsv.Read(reader, stream, fileName, writer, _fastRun.Value)
            : reader.ReadWideCsvStream(stream, fileName);
        foreach (var item in items)
        {
            token.ThrowIfCancellationRequested();
            writer.Add(item);
        }
    }

    private static bool HasErrors(IReadOnlyList<Diagnostic> diagnostics)
    {
        for (var i = 0; i < diagnostics.Count; i++)
        {
            if (diagnostics[i].Severity == DiagnosticSeverity.Error)
            {
                return true;
            }
        }

        return false;
    }

    private static double?[] KeyRatiosOf(IReadOnlyList<RatioValue> ratios)
    {
        var names = BatchResult.KeyRatioNames;
        var values = new double?[names.Count];
        for (var r = 0; r < ratios.Count; r++)
        {
            var ratio = ratios[r];
            for (var i = 0; i < names.Count; i++)
            {
                if (string.Equals(ratio.Name, names[i], StringComparison.Ordinal))
                {
                    values[i] = ratio.Value;
                    break;
                }
            }
        }

        return values;
    }
}
