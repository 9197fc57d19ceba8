using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// A wide CSV record kept as its raw bytes: ASCII, on one line and without quotes (the reader checks this before it
/// keeps a record raw), so that fields are split at the separator and a field's column is its byte offset + 1 — what
/// <see cref="CsvSource"/> gives for the same record. Lets a record be read on another thread than the file.
/// </summary>
internal sealed class RawWideRecord : IWideRecord
{
    private readonly byte _separator;
    private readonly string? _file;
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];
    private byte[] _buffer = [];
    private int _offset;

    /// <summary>True for a record of printable ASCII (or the tab separator) without quotes: its fields are split at the separator alone.</summary>
    public static bool IsPlain(ReadOnlySpan<byte> raw, char separator)
    {
        if (raw.IndexOf((byte)'"') >= 0)
        {
            return false;
        }

        if (raw.IndexOfAnyExceptInRange((byte)0x20, (byte)0x7E) < 0)
        {
            return true;
        }

        return separator == '\t' && IsPrintableOrTab(raw);
    }

    /// <summary>True when every field of a plain record is empty or spaces (what the general reader skips as blank).</summary>
    public static bool IsBlank(ReadOnlySpan<byte> raw, char separator) => raw.IndexOfAnyExcept((byte)separator, (byte)' ') < 0;

    public RawWideRecord(char separator, string? file)
    {
        _separator = (byte)separator;
        _file = file;
    }

    public int Line { get; private set; }

    public int FieldCount { get; private set; }

    /// <summary>The record's bytes, without the line break.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(_offset, Length);

    private int Length { get; set; }

    /// <summary>Points the record at <paramref name="length"/> bytes of <paramref name="buffer"/> and splits them into fields.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // ReadyToRun leaves out code on Vector256; the batch calls this for every row from the start
    public void Reset(byte[] buffer, int offset, int length, int line)
    {
        _buffer = buffer;
        _offset = offset;
        Length = length;
        Line = line;
        var bytes = buffer.AsSpan(offset, length);
        FieldCount = 0;
        var start = 0;
        var i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            // The separators of 32 bytes at a time as a bit mask, rather than a search per field.
            ref var first = ref MemoryMarshal.GetReference(bytes);
            var separator = Vector256.Create(_separator);
            for (; i + Vector256<byte>.Count <= bytes.Length; i += Vector256<byte>.Count)
            {
                var mask = Vector256.Equals(Vector256.LoadUnsafe(ref first, (nuint)i), separator).ExtractMostSignificantBits();
                for (; mask != 0; mask &= mask - 1)
                {
                    var at = i + BitOperations.TrailingZeroCount(mask);
                    AddField(start, at);
                    start = at + 1;
                }
            }
        }

        // The rest (all of it without 256-bit vectors): no separator lies between start and i.
        for (var next = bytes[start..].IndexOf(_separator); next >= 0; next = bytes[start..].IndexOf(_separator))
        {
            AddField(start, start + next);
            start += next + 1;
        }

        AddField(start, bytes.Length);
    }

    private void AddField(int start, int end)
    {
        var count = FieldCount;
        if (count == _starts.Length)
        {
            Array.Resize(ref _starts, count * 2);
            Array.Resize(ref _ends, count * 2);
        }

        _starts[count] = start;
        _ends[count] = end;
        FieldCount = count + 1;
    }

    /// <summary>The bytes of field <paramref name="index"/> (empty when missing).</summary>
    public ReadOnlySpan<byte> Span(int index) =>
        index < FieldCount ? _buffer.AsSpan(_offset + _starts[index], _ends[index] - _starts[index]) : default;

    private static bool IsPrintableOrTab(ReadOnlySpan<byte> raw)
    {
        foreach (var b in raw)
        {
            if (b != (byte)'\t' && b is < 0x20 or > 0x7E)
            {
                return false;
            }
        }

        return true;
    }

    public string? Get(int index)
    {
        var span = Span(index);
        return span.IsEmpty ? null : Encoding.ASCII.GetString(span);
    }

    public SourceLocation FieldLocation(int index, string? field)
    {
        // As CsvSource: a field past the end is placed at the start of the last one.
        var at = index < FieldCount ? index : FieldCount - 1;
        return new SourceLocation(_file, Line, _starts[at] + 1, field);
    }
}
