using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;
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
public sealed class BatchInterpreter
{
    /// <summary>
    /// The most lists of fired rules the batch makes once and shares between rows (<see cref="FiredRuleList"/>); past
    /// it, a row whose combination is new gets a list of its own.
    /// </summary>
    internal const int MaxSharedRuleLists = 4096;

    private readonly Lazy<RuleOrder> _ruleOrder;

    /// <summary>Creates a batch interpreter.</summary>
    /// <param name="interpreter">The interpreter every panel goes through (e.g. <see cref="Interpreter.Default"/>).</param>
    /// <param name="options">The options; <c>null</c> for the defaults.</param>
    public BatchInterpreter(Interpreter interpreter, BatchOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(interpreter);
        Interpreter = interpreter;
        Options = options ?? new BatchOptions();
        _ruleOrder = new Lazy<RuleOrder>(() => new RuleOrder(interpreter.Rules));

        // The rule set compiled into one method (see RuleSet.FiredRuleMask) takes tens of milliseconds to build on the
        // thread pool: start now, so that it is ready by the time the rows come.
        _ = interpreter.Rules.Compiled.FiredMaskWhenCompiled();
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
            FiredRules = _ruleOrder.Value.FiredRuleIds(fired),
            DiagnosticsCount = readDiagnostics.Count + analysis.Diagnostics.Count,
            HasErrors = false,
            ReadDiagnostics = readDiagnostics,
            LabProfileId = analysis.Lab.Id,
            ModelId = analysis.Oxidation.ModelId,
            RuleSetName = interpreter.Rules.Name,
            RuleSetVersion = interpreter.Rules.Version,
        };
    }

    /// <summary>The ids of the fired rules, once each, in the order of <see cref="Interpretation.Findings"/>.</summary>
    internal IReadOnlyList<string> FiredRuleIds(List<(string RuleId, string? Subject)> fired) => _ruleOrder.Value.FiredRuleIds(fired);

    /// <summary>True when the rule set has at most 64 rules, so that fired rules can be passed as a mask (<see cref="FiredRuleIds(ulong)"/>).</summary>
    internal bool FiredRulesFitAMask => _ruleOrder.Value.UsesMasks;

    /// <summary>The ids of the rules set in a mask from <c>RuleSet.FiredRules</c>, ordered as above (see <see cref="FiredRulesFitAMask"/>).</summary>
    internal IReadOnlyList<string> FiredRuleIds(ulong evaluationMask) => _ruleOrder.Value.FiredRuleIds(evaluationMask);

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
    /// Reads on one thread, interprets on the workers, and returns the chunks in input order, each once it is done; a
    /// chunk is reused once the caller moves on. With <paramref name="output"/>, the workers write the rows themselves
    /// (<see cref="Chunk.Output"/>) instead of keeping results. The workers have stopped when the enumeration ends.
    /// </summary>
    private IEnumerable<Chunk> InOrder(Action<ChunkWriter, CancellationToken> read, int chunksInFlight, RowOutput? output, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        using var inOrder = new BlockingCollection<Chunk>(chunksInFlight);
        using var work = new BlockingCollection<Chunk>(chunksInFlight);
        var workers = new Task[Options.Workers];
        for (var i = 0; i < workers.Length; i++)
        {
            var worker = i;
            workers[i] = Task.Factory.StartNew(() => Work(work, output, worker, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var pool = new System.Collections.Concurrent.ConcurrentBag<Chunk>();
        var producer = Task.Factory.StartNew(() => Produce(read, pool, inOrder, work, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var chunk in inOrder.GetConsumingEnumerable(token))
            {
                chunk.WaitDone(token);
                if (chunk.Error is { } error)
                {
                    ExceptionDispatchInfo.Capture(error).Throw();
                }

                yield return chunk;
                chunk.Recycle();
                pool.Add(chunk);
            }

            // The producer has finished adding; surface an exception thrown while reading the input.
            producer.GetAwaiter().GetResult();
            token.ThrowIfCancellationRequested();
        }
        finally
        {
            stop.Cancel();
            WaitQuietly(producer);
            foreach (var worker in workers)
            {
                WaitQuietly(worker);
            }

            while (pool.TryTake(out var chunk))
            {
                chunk.Dispose();
            }
        }
    }

    private void Produce(
        Action<ChunkWriter, CancellationToken> read, System.Collections.Concurrent.ConcurrentBag<Chunk> pool, BlockingCollection<Chunk> inOrder, BlockingCollection<Chunk> work, CancellationToken token)
    {
        try
        {
            var writer = new ChunkWriter(Options.EffectiveChunkSize, pool, inOrder, work, token);
            read(writer, token);
            writer.Flush();
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The caller stopped; nothing to report.
        }
        finally
        {
            inOrder.CompleteAdding();
            work.CompleteAdding();
        }
    }

    /// <summary>
    /// Reads a wide CSV on the reading thread: plain records go to the chunks as raw bytes for the workers (see
    /// <see cref="IPlainRecordSink"/>); every other record is read right here by the general reader.
    /// </summary>
    private void ReadWideCsv(Stream stream, string fileName, ChunkWriter writer, CancellationToken token)
    {
        var reader = new PanelReader(new PanelReaderOptions { Catalog = Options.Catalog });
        foreach (var item in reader.ReadWideCsvStream(stream, fileName, new PlainRecordsToChunks(writer, Interpreter)))
        {
            token.ThrowIfCancellationRequested();
            writer.Add(item);
        }
    }

    private void Work(BlockingCollection<Chunk> work, RowOutput? output, int worker, CancellationToken token)
    {
        WideCsvRowInterpreter? rows = null;
        var summary = output?.SummaryOf(worker);
        Utf8JsonWriter? json = null;
        try
        {
            foreach (var chunk in work.GetConsumingEnumerable(token))
            {
                try
                {
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        BatchResult? result;
                        if (chunk.Items[i] is { } item)
                        {
                            result = Interpret(item);
                            chunk.Items[i] = null; // the panel is no longer needed; let it go before the chunk is returned
                        }
                        else
                        {
                            if (rows is null || !ReferenceEquals(rows.Plan, chunk.Plan))
                            {
                                rows = new WideCsvRowInterpreter(chunk.Plan!, this);
                            }

                            result = output is { Format: BatchOutputFormat.Csv }
                                ? rows.InterpretToCsv(chunk.Bytes, chunk.Offsets[i], chunk.Lengths[i], chunk.Lines[i], chunk.Output, summary)
                                : rows.Interpret(chunk.Bytes, chunk.Offsets[i], chunk.Lengths[i], chunk.Lines[i]);
                            if (result is null)
                            {
                                chunk.CountWritten(); // a plain row: written and summarised already
                                continue;
                            }
                        }

                        if (output is null)
                        {
                            chunk.Results[i] = result;
                        }
                        else
                        {
                            chunk.Write(result, output.Format, summary, ref json);
                        }
                    }
                }
#pragma warning disable CA1031 // Handed to the caller's thread and rethrown there.
                catch (Exception exception)
#pragma warning restore CA1031
                {
                    chunk.Error = exception;
                }
                finally
                {
                    chunk.MarkDone();
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The caller stopped.
        }
        finally
        {
            json?.Dispose();
        }
    }

    private static void WaitQuietly(Task task)
    {
        try
        {
            task.Wait();
        }
        catch (AggregateException)
        {
            // Already surfaced on the caller's thread, or the run was stopped.
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

    /// <summary>
    /// Puts fired rule ids in the order of <see cref="Interpretation.Findings"/> (severity, referrals first, then file
    /// order), each once: the rule set gives them in evaluation order.
    /// </summary>
    private sealed class RuleOrder
    {
        private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<ulong, IReadOnlyList<string>> _byMask = new();
        private int _shared;
        private readonly string[] _ids;
        private readonly int[]? _rankByEvaluation;

        public RuleOrder(RuleSet rules)
        {
            // RuleSet.Rules is in file order; a stable sort by severity (highest first) gives the findings' order.
            var ordered = new List<RuleInfo>(rules.Rules);
            var rank = 0;
            foreach (var severity in new[] { RuleSeverity.Refer, RuleSeverity.Attention, RuleSeverity.Info })
            {
                foreach (var rule in ordered)
                {
                    if (rule.Severity == severity)
                    {
                        if (_rank.TryAdd(rule.Id, rank))
                        {
                            rank++;
                        }
                    }
                }
            }

            foreach (var rule in ordered)
            {
                if (_rank.TryAdd(rule.Id, rank))
                {
                    rank++;
                }
            }

            _ids = _rank.OrderBy(r => r.Value).Select(r => r.Key).ToArray();
            if (_rank.Count <= 64)
            {
                _rankByEvaluation = [.. rules.EvaluationOrder.Select(id => _rank[id])];
            }
        }

        /// <summary>Whether the set has at most 64 rules, so that <see cref="FiredRuleIds(ulong)"/> can be used.</summary>
        public bool UsesMasks => _rankByEvaluation is not null;

        public IReadOnlyList<string> FiredRuleIds(List<(string RuleId, string? Subject)> fired)
        {
            if (fired.Count == 0)
            {
                return [];
            }

            if (UsesMasks)
            {
                var mask = 0UL;
                foreach (var (id, _) in fired)
                {
                    mask |= 1UL << _rank[id];
                }

                return ForRankMask(mask);
            }

            var ordered = new List<string>(fired.Count);
            var ranks = new List<int>(fired.Count);
            foreach (var (id, _) in fired)
            {
                if (ordered.Contains(id))
                {
                    continue;
                }

                var rank = _rank.GetValueOrDefault(id, int.MaxValue);
                var position = ranks.Count;
                while (position > 0 && ranks[position - 1] > rank)
                {
                    position--;
                }

                ordered.Insert(position, id);
                ranks.Insert(position, rank);
            }

            return ordered.ToArray();
        }

        /// <summary>The ids of the rules whose bits are set in <paramref name="evaluationMask"/> (bit r: the rule evaluated r-th), as <see cref="FiredRuleIds(List{ValueTuple{string, string}})"/> orders them.</summary>
        public IReadOnlyList<string> FiredRuleIds(ulong evaluationMask)
        {
            if (evaluationMask == 0)
            {
                return [];
            }

            var mask = 0UL;
            for (var rest = evaluationMask; rest != 0; rest &= rest - 1)
            {
                mask |= 1UL << _rankByEvaluation![System.Numerics.BitOperations.TrailingZeroCount(rest)];
            }

            return ForRankMask(mask);
        }

        /// <summary>
        /// Rules of a set of up to 64 give each fired set a bit mask in rank order: the ids are the set bits in
        /// ascending order, and the list for a mask is made once and shared (a cohort repeats few combinations).
        /// </summary>
        private IReadOnlyList<string> ForRankMask(ulong mask)
        {
            if (_byMask.TryGetValue(mask, out var known))
            {
                return known;
            }

            var ids = new string[System.Numerics.BitOperations.PopCount(mask)];
            var at = 0;
            for (var rest = mask; rest != 0; rest &= rest - 1)
            {
                ids[at++] = _ids[System.Numerics.BitOperations.TrailingZeroCount(rest)];
            }

            var shared = new FiredRuleList(ids);
            if (Volatile.Read(ref _shared) < MaxSharedRuleLists && _byMask.TryAdd(mask, shared))
            {
                Interlocked.Increment(ref _shared); // ConcurrentDictionary.Count would take every lock
            }

            return shared;
        }
    }

    /// <summary>How the workers of <see cref="WriteWideCsv"/> write: the format, and a statistics builder per worker (none when not asked for).</summary>
    private sealed class RowOutput(BatchOutputFormat format, int summaries)
    {
        private readonly BatchSummaryBuilder[] _summaries = [.. Enumerable.Range(0, summaries).Select(_ => new BatchSummaryBuilder())];

        public BatchOutputFormat Format { get; } = format;

        public BatchSummaryBuilder? SummaryOf(int worker) => worker < _summaries.Length ? _summaries[worker] : null;

        /// <summary>The statistics of all workers together; only once the workers have stopped.</summary>
        public BatchSummary? Summary()
        {
            if (_summaries.Length == 0)
            {
                return null;
            }

            for (var i = 1; i < _summaries.Length; i++)
            {
                _summaries[0].Add(_summaries[i]);
            }

            return _summaries[0].Build();
        }
    }

    /// <summary>
    /// A run of consecutive inputs — items already read, or raw records of a wide CSV in <see cref="Bytes"/> — interpreted
    /// by one worker and returned in order. Reused once its results have been handed out.
    /// </summary>
    private sealed class Chunk(int size) : IDisposable
    {
        // No spinning before blocking: on a small machine the spinning thread takes the core a worker needs.
        private readonly ManualResetEventSlim _done = new(false, spinCount: 0);

        public PanelReadItem?[] Items { get; } = new PanelReadItem?[size];

        public int[] Offsets { get; } = new int[size];

        public int[] Lengths { get; } = new int[size];

        public int[] Lines { get; } = new int[size];

        public byte[] Bytes { get; set; } = [];

        public int ByteCount { get; set; }

        /// <summary>The plan of the raw records (one per run).</summary>
        public WideCsvPlan? Plan { get; set; }

        public BatchResult[] Results { get; } = new BatchResult[size];

        /// <summary>The rows written by the workers of <see cref="WriteWideCsv"/> (whole rows, UTF-8).</summary>
        public ArrayBufferWriter<byte> Output { get; private set; } = new();

        /// <summary>The results whose reading gave diagnostics, for <see cref="BatchWriteOptions.OnReadDiagnostics"/>.</summary>
        public List<BatchResult> Reported { get; } = [];

        /// <summary>How many of the items were rows (interpreted or not).</summary>
        public int Rows { get; private set; }

        /// <summary>How many rows were interpreted and written.</summary>
        public int Interpreted { get; private set; }

        /// <summary>How many rows were skipped for their errors.</summary>
        public int RowsWithErrors { get; private set; }

        /// <summary>Whether an item had an error.</summary>
        public bool HasErrors { get; private set; }

        /// <summary>Counts a plain row a worker wrote itself.</summary>
        public void CountWritten()
        {
            Rows++;
            Interpreted++;
        }

        /// <summary>Writes a result's row (when it was interpreted), adds it to the statistics and counts it.</summary>
        public void Write(BatchResult result, BatchOutputFormat format, BatchSummaryBuilder? summary, ref Utf8JsonWriter? json)
        {
            if (result.IsInterpreted)
            {
                if (format == BatchOutputFormat.Csv)
                {
                    BatchRowFormat.WriteCsv(Output, result);
                }
                else
                {
                    BatchRowFormat.WriteJson(json ??= new Utf8JsonWriter(Output, BatchRowFormat.JsonOptions), Output, result);
                }

                Interpreted++;
            }
            else if (result.IsRow && result.HasErrors)
            {
                RowsWithErrors++;
            }

            Rows += result.IsRow ? 1 : 0;
            HasErrors |= result.HasErrors;
            summary?.Add(result);
            if (result.ReadDiagnostics.Count > 0)
            {
                Reported.Add(result);
            }
        }

        public int Count { get; set; }

        public Exception? Error { get; set; }

        public void MarkDone() => _done.Set();

        public void WaitDone(CancellationToken token) => _done.Wait(token);

        public void Dispose() => _done.Dispose();

        public void Recycle()
        {
            if (Bytes.Length > 1 << 22)
            {
                Bytes = []; // a huge record grew it: do not keep 4 MB or more for the rest of the run
            }

            if (Output.Capacity > 1 << 22)
            {
                Output = new ArrayBufferWriter<byte>(); // a huge row grew it
            }

            Output.ResetWrittenCount();
            Reported.Clear();
            Rows = Interpreted = RowsWithErrors = 0;
            HasErrors = false;
            Array.Clear(Results);
            Array.Clear(Items);
            Count = 0;
            ByteCount = 0;
            Plan = null;
            Error = null;
            _done.Reset();
        }
    }

    /// <summary>Puts the plain records of a wide CSV into the chunks, with the plan the workers read them by.</summary>
    private sealed class PlainRecordsToChunks(ChunkWriter writer, Interpreter interpreter) : IPlainRecordSink
    {
        private WideCsvPlan? _plan;

        public bool Start(WideCsvLayout layout)
        {
            _plan = new WideCsvPlan(layout, interpreter);
            return true;
        }

        public void Take(ReadOnlySpan<byte> raw, int line) => writer.Add(raw, line, _plan!);
    }

    /// <summary>Fills chunks on the reading thread and queues each when full (in-order queue first: it bounds the read-ahead).</summary>
    private sealed class ChunkWriter(
        int size, System.Collections.Concurrent.ConcurrentBag<Chunk> pool, BlockingCollection<Chunk> inOrder, BlockingCollection<Chunk> work, CancellationToken token)
    {
        private Chunk? _chunk;

        public void Add(PanelReadItem item)
        {
            var chunk = Current();
            chunk.Items[chunk.Count++] = item;
            FlushIfFull(chunk);
        }

        public void Add(ReadOnlySpan<byte> raw, int line, WideCsvPlan plan)
        {
            var chunk = Current();
            if (chunk.ByteCount + raw.Length > chunk.Bytes.Length)
            {
                var bytes = new byte[Math.Max(chunk.Bytes.Length * 2, Math.Max(chunk.ByteCount + raw.Length, size * 256))];
                chunk.Bytes.AsSpan(0, chunk.ByteCount).CopyTo(bytes);
                chunk.Bytes = bytes;
            }

            raw.CopyTo(chunk.Bytes.AsSpan(chunk.ByteCount));
            chunk.Plan = plan;
            chunk.Offsets[chunk.Count] = chunk.ByteCount;
            chunk.Lengths[chunk.Count] = raw.Length;
            chunk.Lines[chunk.Count] = line;
            chunk.ByteCount += raw.Length;
            chunk.Count++;
            FlushIfFull(chunk);
        }

        public void Flush()
        {
            if (_chunk is { Count: > 0 } chunk)
            {
                Queue(chunk);
            }
        }

        private Chunk Current() => _chunk ??= pool.TryTake(out var reused) ? reused : new Chunk(size);

        private void FlushIfFull(Chunk chunk)
        {
            if (chunk.Count == size)
            {
                Queue(chunk);
            }
        }

        private void Queue(Chunk chunk)
        {
            _chunk = null;
            inOrder.Add(chunk, token);
            work.Add(chunk, token);
        }
    }
}
