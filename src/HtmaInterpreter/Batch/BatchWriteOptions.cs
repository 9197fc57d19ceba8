namespace HtmaInterpreter.Batch;

/// <summary>Options for <see cref="BatchInterpreter.WriteWideCsv"/>.</summary>
public sealed record BatchWriteOptions
{
    /// <summary>Whether to gather cohort statistics as well (<see cref="BatchWriteResult.Summary"/>).</summary>
    public bool Summarize { get; init; }

    /// <summary>
    /// Called on the caller's thread, in input order, for every step whose reading gave diagnostics: a row skipped for
    /// its errors, a row interpreted despite a warning, a problem of the file that belongs to no row. The result's
    /// <see cref="BatchResult.ReadDiagnostics"/> says what and where.
    /// </summary>
    public Action<BatchResult>? OnReadDiagnostics { get; init; }

    /// <summary>Called on the caller's thread after each chunk of steps (<see cref="BatchOptions.ChunkSize"/>, 256 by default) with the number of steps done so far.</summary>
    public Action<int>? OnProgress { get; init; }
}

/// <summary>What <see cref="BatchInterpreter.WriteWideCsv"/> did.</summary>
public sealed record BatchWriteResult
{
    /// <summary>How many rows the input had (interpreted or not).</summary>
    public required int Rows { get; init; }

    /// <summary>How many rows were interpreted and written.</summary>
    public required int Interpreted { get; init; }

    /// <summary>How many rows were skipped because reading them gave an error.</summary>
    public required int RowsWithErrors { get; init; }

    /// <summary>True when a row or the file had an error.</summary>
    public required bool HasErrors { get; init; }

    /// <summary>The cohort statistics, when <see cref="BatchWriteOptions.Summarize"/> asked for them; otherwise <c>null</c>.</summary>
    public BatchSummary? Summary { get; init; }
}
