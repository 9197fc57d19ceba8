namespace HtmaInterpreter.Readers;

/// <summary>
/// Takes records of a wide CSV to be read elsewhere (the batch's workers), while the reader still reads every other
/// record itself and yields it as an item. The reader offers the sink each record without a CSV-layer diagnostic, as
/// its bytes; the sink takes those it can read exactly as the reader would.
/// </summary>
internal interface IPlainRecordSink
{
    /// <summary>
    /// Called once the header is read, with the file's records (<see cref="WideRecords.CountTaken"/> and
    /// <see cref="WideRecords.ReadHere"/> are for the records it takes); returns false to take no records.
    /// </summary>
    bool Start(WideRecords records);

    /// <summary>
    /// Offers a record (without its line break) starting on <paramref name="line"/>; the bytes are valid only during the
    /// call. False leaves it to the reader. True: the sink took it (or skipped it as blank), unless it handed it back to
    /// be read here (<see cref="WideRecords.ReadHere"/>), which gives <paramref name="item"/>.
    /// </summary>
    bool TryTake(ReadOnlySpan<byte> raw, int line, out PanelReadItem? item);
}
