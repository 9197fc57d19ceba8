using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// The raw plain records of a wide CSV that one chunk of a batch holds (their bytes one after another, as the reading
/// thread copied them) and the plan the workers read them by. Reused with its chunk.
/// </summary>
internal sealed class RawRecords(int size)
{
    public int[] Offsets { get; } = new int[size];

    public int[] Lengths { get; } = new int[size];

    public int[] Lines { get; } = new int[size];

    public byte[] Bytes { get; private set; } = [];

    public int ByteCount { get; private set; }

    /// <summary>The plan of the records (one per run).</summary>
    public WideCsvPlan? Plan { get; private set; }

    /// <summary>Copies a record in as the chunk's item <paramref name="index"/>.</summary>
    public void Add(int index, ReadOnlySpan<byte> raw, int line, WideCsvPlan plan)
    {
        if (ByteCount + raw.Length > Bytes.Length)
        {
            var bytes = new byte[Math.Max(Bytes.Length * 2, Math.Max(ByteCount + raw.Length, size * 256))];
            Bytes.AsSpan(0, ByteCount).CopyTo(bytes);
            Bytes = bytes;
        }

        raw.CopyTo(Bytes.AsSpan(ByteCount));
        Plan = plan;
        Offsets[index] = ByteCount;
        Lengths[index] = raw.Length;
        Lines[index] = line;
        ByteCount += raw.Length;
    }

    public void Recycle()
    {
        if (Bytes.Length > 1 << 22)
        {
            Bytes = []; // a huge record grew it: do not keep 4 MB or more for the rest of the run
        }

        ByteCount = 0;
        Plan = null;
    }
}

/// <summary>Where the reading thread puts the raw records: the batch's chunks.</summary>
internal interface IRawRecordTarget
{
    /// <summary>The raw records of the chunk being filled, and the index the next record takes there.</summary>
    FastWideCsv Next(out int index);

    /// <summary>Counts the record just put at the index <see cref="Next"/> gave (a full chunk goes to the workers).</summary>
    void Added();
}
