using System.Collections.Concurrent;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// The fired-rule lists of a rule set of up to 64 rules by their bit mask in rank order (bit i: the rule ranked i-th):
/// the ids are the set bits in ascending order, and the list for a mask is made once and shared (a cohort repeats few
/// combinations), up to <see cref="MaxLists"/> lists. Thread-safe.
/// </summary>
internal sealed class SharedRuleLists(string[] idsByRank)
{
    /// <summary>The most lists of fired rules made once and shared between rows; past it, a row whose combination is new gets a list of its own.</summary>
    public const int MaxLists = 4096;

    private readonly ConcurrentDictionary<ulong, IReadOnlyList<string>> _byMask = new();
    private int _shared;

    /// <summary>The list of the rules whose bits are set in <paramref name="mask"/> (bit i: the rule ranked i-th).</summary>
    public IReadOnlyList<string> ForRankMask(ulong mask)
    {
        if (_byMask.TryGetValue(mask, out var known))
        {
            return known;
        }

        var ids = new string[System.Numerics.BitOperations.PopCount(mask)];
        var at = 0;
        for (var rest = mask; rest != 0; rest &= rest - 1)
        {
            ids[at++] = idsByRank[System.Numerics.BitOperations.TrailingZeroCount(rest)];
        }

        var shared = new FiredRuleList(ids);
        if (Volatile.Read(ref _shared) < MaxLists && _byMask.TryAdd(mask, shared))
        {
            Interlocked.Increment(ref _shared); // ConcurrentDictionary.Count would take every lock
        }

        return shared;
    }
}
