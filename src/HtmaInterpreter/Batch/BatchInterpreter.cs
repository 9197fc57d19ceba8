using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using HtmaInterpreter.Diagnostics;
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
        return RunIterator(items, cancellationToken);
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
        };
    }

    private IEnumerable<BatchResult> RunIterator(IEnumerable<PanelReadItem> items, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var token = stop.Token;
        using var inOrder = new BlockingCollection<Chunk>(Options.EffectiveChunksInFlight);
        using var work = new BlockingCollection<Chunk>(Options.EffectiveChunksInFlight);
        var workers = new Task[Options.Workers];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = Task.Factory.StartNew(() => Work(work, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        }

        var producer = Task.Factory.StartNew(() => Produce(items, inOrder, work, token), token, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            foreach (var chunk in inOrder.GetConsumingEnumerable(token))
            {
                chunk.WaitDone(token);
                if (chunk.Error is { } error)
                {
                    ExceptionDispatchInfo.Capture(error).Throw();
                }

                for (var i = 0; i < chunk.Count; i++)
                {
                    yield return chunk.Results[i];
                }

                chunk.Dispose();
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
        }
    }

    private void Produce(IEnumerable<PanelReadItem> items, BlockingCollection<Chunk> inOrder, BlockingCollection<Chunk> work, CancellationToken token)
    {
        var size = Options.EffectiveChunkSize;
        try
        {
            var chunk = new Chunk(size);
            foreach (var item in items)
            {
                token.ThrowIfCancellationRequested();
                chunk.Items[chunk.Count++] = item;
                if (chunk.Count == size)
                {
                    // In-order queue first: it is the one that bounds how far reading runs ahead of the caller.
                    inOrder.Add(chunk, token);
                    work.Add(chunk, token);
                    chunk = new Chunk(size);
                }
            }

            if (chunk.Count > 0)
            {
                inOrder.Add(chunk, token);
                work.Add(chunk, token);
            }
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

    private void Work(BlockingCollection<Chunk> work, CancellationToken token)
    {
        try
        {
            foreach (var chunk in work.GetConsumingEnumerable(token))
            {
                try
                {
                    for (var i = 0; i < chunk.Count; i++)
                    {
                        chunk.Results[i] = Interpret(chunk.Items[i]);
                        chunk.Items[i] = null!; // the panel is no longer needed; let it go before the chunk is returned
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
    /// order), each once: <see cref="RuleSet.FiredRules"/> returns them in evaluation order.
    /// </summary>
    private sealed class RuleOrder
    {
        private readonly Dictionary<string, int> _rank = new(StringComparer.Ordinal);

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
                        _rank.TryAdd(rule.Id, rank++);
                    }
                }
            }

            foreach (var rule in ordered)
            {
                _rank.TryAdd(rule.Id, rank++);
            }
        }

        public string[] FiredRuleIds(List<(string RuleId, string? Subject)> fired)
        {
            if (fired.Count == 0)
            {
                return [];
            }

            var ids = new List<string>(fired.Count);
            var ranks = new List<int>(fired.Count);
            foreach (var (id, _) in fired)
            {
                if (ids.Contains(id))
                {
                    continue;
                }

                var rank = _rank.GetValueOrDefault(id, int.MaxValue);
                var at = ranks.Count;
                while (at > 0 && ranks[at - 1] > rank)
                {
                    at--;
                }

                ids.Insert(at, id);
                ranks.Insert(at, rank);
            }

            return ids.ToArray();
        }
    }

    /// <summary>A run of consecutive items, interpreted by one worker and returned in order.</summary>
    private sealed class Chunk(int size) : IDisposable
    {
        private readonly ManualResetEventSlim _done = new(false);

        public PanelReadItem[] Items { get; } = new PanelReadItem[size];

        public BatchResult[] Results { get; } = new BatchResult[size];

        public int Count { get; set; }

        public Exception? Error { get; set; }

        public void MarkDone() => _done.Set();

        public void WaitDone(CancellationToken token) => _done.Wait(token);

        public void Dispose() => _done.Dispose();
    }
}
