using System.Globalization;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// The sample ids of one file seen so far, to report an id given to two panels (<see cref="DiagnosticCodes.DuplicateSampleId"/>).
/// Keeps a 64-bit hash and the line of each of the first <see cref="InputLimits.MaxSampleIdsRemembered"/> distinct ids
/// (12 bytes a slot, a table at most three quarters full: 16 to 32 bytes an id), so that a batch of millions of rows stays in bounded memory; an id first seen after those is
/// not remembered. Two different ids share a hash with a probability below 10^-7 even at the limit.
/// </summary>
internal sealed class SampleIds
{
    /// <summary>True when <paramref name="id"/> (ASCII bytes, trimmed) was seen before; otherwise remembers it as on <paramref name="line"/>.</summary>
    public bool SeenOrAdd(ReadOnlySpan<byte> id, int line)
    {
        var hash = Offset;
        foreach (var b in id)
        {
            hash = (hash ^ b) * Prime;
        }

        return SeenOrAdd(hash, line, out _);
    }

    /// <summary>Reports <paramref name="id"/> when it was seen before, naming both lines; otherwise remembers it.</summary>
    public void Check(string id, SourceLocation location, List<Diagnostic> diagnostics)
    {
        var hash = Offset;
        foreach (var c in id)
        {
            hash = (hash ^ c) * Prime;
        }

        if (SeenOrAdd(hash, location.Line ?? 0, out var firstLine))
        {
            var first = firstLine > 0 ? string.Create(CultureInfo.InvariantCulture, $"line {firstLine}") : "an earlier panel";
            var again = location.Line is { } line ? string.Create(CultureInfo.InvariantCulture, $"line {line}") : "this panel";
            diagnostics.Add(Diagnostic.Warning(
                DiagnosticCodes.DuplicateSampleId,
                $"The sample id '{id}' is given twice: on {first} and again on {again}. Both panels are kept; " +
                "give each sample its own id (a retest is a new sample).",
                location));
        }
    }

    // FNV-1a, 64 bits: a char below 128 hashes as its ASCII byte does, so both overloads agree on ASCII ids.
    private const ulong Offset = 14695981039346656037;
    private const ulong Prime = 1099511628211;

    private ulong[] _hashes = new ulong[1024]; // open addressing, linear probing; 0 marks a free slot
    private int[] _lines = new int[1024];
    private int _count;

    private bool SeenOrAdd(ulong hash, int line, out int firstLine)
    {
        hash = hash == 0 ? 1 : hash;
        var at = Slot(hash, _hashes.Length);
        while (_hashes[at] != 0)
        {
            if (_hashes[at] == hash)
            {
                firstLine = _lines[at];
                return true;
            }

            at = (at + 1) & (_hashes.Length - 1);
        }

        firstLine = 0;
        if (_count < InputLimits.MaxSampleIdsRemembered)
        {
            _hashes[at] = hash;
            _lines[at] = line;
            if (++_count * 4 > _hashes.Length * 3)
            {
                Grow();
            }
        }

        return false;
    }

    private void Grow()
    {
        var (hashes, lines) = (_hashes, _lines);
        _hashes = new ulong[hashes.Length * 2];
        _lines = new int[hashes.Length * 2];
        for (var i = 0; i < hashes.Length; i++)
        {
            if (hashes[i] != 0)
            {
                var at = Slot(hashes[i], _hashes.Length);
                while (_hashes[at] != 0)
                {
                    at = (at + 1) & (_hashes.Length - 1);
                }

                _hashes[at] = hashes[i];
                _lines[at] = lines[i];
            }
        }
    }

    /// <summary>The slot of a hash in a table of <paramref name="length"/> (a power of two) slots: its top bits, mixed.</summary>
    private static int Slot(ulong hash, int length) =>
        (int)((hash * 0x9E3779B97F4A7C15) >> (64 - System.Numerics.BitOperations.Log2((uint)length)));
}
