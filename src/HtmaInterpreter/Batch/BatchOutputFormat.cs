namespace HtmaInterpreter.Batch;

/// <summary>The file formats <see cref="BatchResultWriter"/> writes.</summary>
public enum BatchOutputFormat
{
    /// <summary>CSV (RFC 4180): a header row, then one row per result; invariant culture.</summary>
    Csv,

    /// <summary>JSON Lines: one JSON object per line, with the same fields as the CSV columns.</summary>
    JsonLines,
}
