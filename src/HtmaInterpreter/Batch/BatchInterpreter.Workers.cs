using System.Buffers;
using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using System.Text.Json;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Batch;

/// <summary>The reading thread, the workers and the chunks they pass in input order.</summary>
public sealed partial class BatchInterpreter
{
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

        var pool = new ConcurrentBag<Chunk>();
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
        Action<ChunkWriter, CancellationToken> read, ConcurrentBag<Chunk> pool, BlockingCollection<Chunk> inOrder, BlockingCollection<Chunk> work, CancellationToken token)
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

    private void Work(BlockingCollection<Chunk> work, RowOutput? output, int worker, CancellationToken token)
    {
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
                        else if (!chunk.Raw.TryDecide(i, out var row, out var general))
                        {
                            result = Interpret(general);
                        }
                        else if (output is { Format: BatchOutputFormat.Csv })
                        {
                            // A row the fast path decided: written and summarised from its values, with no result made.
                            _fastRows.Value.WriteCsv(chunk.Output, row);
                            summary?.AddInterpreted(row.Type, row.KeyRatios, row.FiredRules, row.Lab.Id);
                            chunk.CountWritten();
                            continue;
                        }
                        else
                        {
                            result = _fastRows.Value.Result(row);
                        }

                        if (output is null)
                        {
                            chunk.Results[i] = result;
                        }
                        else
                        {
                            chunk.Write(result, output.Format, Options.UseFastPath, summary, ref json);
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
    /// A run of consecutive inputs — items already read, or raw records of a wide CSV in <see cref="Raw"/> — interpreted
    /// by one worker and returned in order. Reused once its results have been handed out.
    /// </summary>
    private sealed class Chunk(int size) : IDisposable
    {
        // No spinning before blocking: on a small machine the spinning thread takes the core a worker needs.
        private readonly ManualResetEventSlim _done = new(false, spinCount: 0);

        public PanelReadItem?[] Items { get; } = new PanelReadItem?[size];

        /// <summary>The raw records of a wide CSV, for an index whose item is null.</summary>
        public FastWideCsv Raw { get; } = new(size);

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
        public void Write(BatchResult result, BatchOutputFormat format, bool useFastPath, BatchSummaryBuilder? summary, ref Utf8JsonWriter? json)
        {
            if (result.IsInterpreted)
            {
                if (format == BatchOutputFormat.Csv)
                {
                    BatchRowFormat.WriteCsv(Output, result, useFastPath);
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
            Raw.Recycle();
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
            Error = null;
            _done.Reset();
        }
    }

    /// <summary>Fills chunks on the reading thread and queues each when full (in-order queue first: it bounds the read-ahead).</summary>
    private sealed class ChunkWriter(
        int size, ConcurrentBag<Chunk> pool, BlockingCollection<Chunk> inOrder, BlockingCollection<Chunk> work, CancellationToken token) : IRawRecordTarget
    {
        private Chunk? _chunk;

        public void Add(PanelReadItem item)
        {
            var chunk = Current();
            chunk.Items[chunk.Count++] = item;
            FlushIfFull(chunk);
        }

        public FastWideCsv Next(out int index)
        {
            var chunk = Current();
            index = chunk.Count;
            return chunk.Raw;
        }

        public void Added()
        {
            var chunk = _chunk!;
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
