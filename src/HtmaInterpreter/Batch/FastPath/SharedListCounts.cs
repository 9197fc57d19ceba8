using System.Runtime.InteropServices;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// How many rows fired each shared list of fired rules (<see cref="FiredRuleList"/>), for the cohort statistics: a
/// shared list is counted once per row here and per rule only when the statistics are built. Past
/// <see cref="SharedRuleLists.MaxLists"/> lists a new one is not kept: the caller counts its rules at once. Not
/// thread-safe (one per worker, merged at the end).
/// </summary>
internal sealed class SharedListCounts
{
    private readonly Dictionary<FiredRuleList, int> _rows = new(ReferenceEqualityComparer.Instance);

    /// <summary>Counts one row of <paramref name="firedRules"/> when it is a shared list that is (or may now be) kept; false when the caller must count its rules itself.</summary>
    public bool TryCount(IReadOnlyList<string> firedRules) => TryCount(firedRules, 1);

    /// <summary>Adds the counts of <paramref name="other"/>; a list that can no longer be kept goes to <paramref name="countRules"/> with its rows.</summary>
    public void TakeOver(SharedListCounts other, Action<IReadOnlyList<string>, int> countRules)
    {
        foreach (var (list, rows) in other._rows)
        {
            if (!TryCount(list, rows))
            {
                countRules(list, rows);
            }
        }
    }

    /// <summary>Every shared list with the rows that fired it.</summary>
    public IEnumerable<(IReadOnlyList<string> List, int Rows)> Rows => _rows.Select(pair => ((IReadOnlyList<string>)pair.Key, pair.Value));

    private bool TryCount(IReadOnlyList<string> firedRules, int rows)
    {
        if (firedRules is not FiredRuleList shared || (_rows.Count >= SharedRuleLists.MaxLists && !_rows.ContainsKey(shared)))
        {
            return false;
        }

        ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_rows, shared, out _);
        total += rows;
        return true;
    }
}
