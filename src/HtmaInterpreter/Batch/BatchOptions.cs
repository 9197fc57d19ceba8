using HtmaInterpreter.Panels;
using HtmaInterpreter.Rules;

namespace HtmaInterpreter.Batch;

/// <summary>Options for <see cref="BatchInterpreter"/>.</summary>
public sealed record BatchOptions
{
    /// <summary>How many panels are interpreted at once; 0 (the default) for <see cref="Environment.ProcessorCount"/>.</summary>
    public int MaxDegreeOfParallelism { get; init; }

    /// <summary>
    /// How many rows are handed to a worker at a time; larger chunks cost less coordination, smaller ones less memory.
    /// 0 (the default) for 256.
    /// </summary>
    public int ChunkSize { get; init; }

    /// <summary>
    /// How many chunks may be read ahead of the caller, in flight or waiting to be returned in order; this bounds the
    /// memory of a run whatever the input's size. 0 (the default) for four per worker, or for
    /// <see cref="BatchInterpreter.RunWideCsv"/>, whose chunks hold raw rows (about 200 bytes each) rather than panels,
    /// at least 64 (a deeper read-ahead keeps the cores busy while a slow chunk holds up the ones after it).
    /// </summary>
    public int ChunksInFlight { get; init; }

    /// <summary>The client context applied to every panel, or <c>null</c> (a cohort rarely shares one).</summary>
    public ClientContext? Context { get; init; }

    /// <summary>The element catalogue <see cref="BatchInterpreter.RunWideCsv"/> reads element columns with (default: <see cref="ElementCatalog.Default"/>).</summary>
    internal ElementCatalog Catalog { get; init; } = ElementCatalog.Default;

    /// <summary>
    /// Whether plain rows take the batch fast path (<c>Batch/FastPath/</c>); false forces the general path everywhere
    /// (every row read by the general reader, ratios by decimal division, rules by evaluation, rows written from their
    /// results), which must give the same output. Tests run every batch both ways.
    /// </summary>
    internal bool UseFastPath { get; init; } = true;

    internal int Workers => MaxDegreeOfParallelism > 0 ? MaxDegreeOfParallelism : Environment.ProcessorCount;

    internal int EffectiveChunkSize => ChunkSize > 0 ? ChunkSize : 256;

    internal int EffectiveChunksInFlight => ChunksInFlight > 0 ? ChunksInFlight : 4 * Workers;

    internal int EffectiveRawChunksInFlight => ChunksInFlight > 0 ? ChunksInFlight : Math.Max(64, 4 * Workers);
}
