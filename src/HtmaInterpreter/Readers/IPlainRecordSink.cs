namespace HtmaInterpreter.Readers;

/// <summary>
/// Takes the plain records of a wide CSV as raw bytes, to be read elsewhere (the batch's workers), while the reader
/// still reads every other record itself and yields it as an item. A plain record is printable ASCII (or the tab
/// separator) on one line, without quotes and without a CSV-layer diagnostic, so that splitting it at the separator
/// (<see cref="RawWideRecord"/>) gives exactly the fields CsvHelper gives.
/// </summary>
internal interface IPlainRecordSink
{
    /// <summary>Called once the header is read; returns false to take no records (every row is then read as usual).</summary>
    bool Start(WideCsvLayout layout);

    /// <summary>Takes one non-blank plain record (without its line break), starting on <paramref name="line"/>; the bytes are valid only during the call.</summary>
    void Take(ReadOnlySpan<byte> raw, int line);
}
