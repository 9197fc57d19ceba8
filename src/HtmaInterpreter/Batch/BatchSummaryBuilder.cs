using System.Runtime.InteropServices;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Oxidation;

namespace HtmaInterpreter.Batch;

/// <summary>
/// Accumulates cohort statistics from <see cref="BatchResult"/> rows as they stream by: counts per oxidation type, how
/// often each rule fired, how many panels each lab profile read, rows with errors, the model and rule set of the rows,
/// and each key ratio's quartiles, in memory bounded whatever the row count.
/// The quartiles are exact up to 65,536 values of a ratio (<see cref="ExactQuartileValues"/>; the values are kept, 8
/// bytes each); past that the values go into a histogram of 512 bins per power of two, which gives the minimum and
/// maximum exactly and each quartile within 2^-10 (about 0.1%) of the larger of the two values it lies between
/// (<see cref="RatioStatistics.Estimated"/>). Not thread-safe.
/// </summary>
internal sealed partial class BatchSummaryBuilder
{
    private readonly int[] _types = new int[Enum.GetValues<OxidationType>().Length];
    private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);
    private readonly SharedListCounts _sharedLists = new();
    private readonly RatioValues[] _ratios = BatchResult.KeyRatioNames.Select(_ => new RatioValues()).ToArray();
    private readonly List<KeyValuePair<string, int>> _labs = [];
    private string? _modelId;
    private string? _ruleSetName;
    private string? _ruleSetVersion;
    private int _rows;
    private int _interpreted;
    private int _rowsWithErrors;
    private int _fileErrors;

    /// <summary>Adds one result.</summary>
    /// <param name="result">The result.</param>
    public void Add(BatchResult result)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (!result.IsRow)
        {
            if (result.HasErrors)
            {
                _fileErrors++;
            }

            return;
        }

        _rows++;
        if (result.Oxidation is not { } type)
        {
            if (result.HasErrors)
            {
                _rowsWithErrors++;
            }

            return;
        }

        Span<double> ratios = stackalloc double[_ratios.Length];
        result.KeyRatiosInto(ratios);

        _modelId ??= result.ModelId;
        if (_ruleSetName is null && result.RuleSetName is not null)
        {
            (_ruleSetName, _ruleSetVersion) = (result.RuleSetName, result.RuleSetVersion);
        }

        CountInterpreted(type, ratios, result.FiredRules, result.LabProfileId);
    }

    /// <summary>Adds an interpreted row without a result object (a batch worker's plain row); <paramref name="keyRatios"/> holds NaN for an absent ratio.</summary>
    internal void AddInterpreted(OxidationType type, ReadOnlySpan<double> keyRatios, IReadOnlyList<string> firedRules, string labProfileId)
    {
        _rows++;
        CountInterpreted(type, keyRatios, firedRules, labProfileId);
    }

    /// <summary>Adds everything <paramref name="other"/> has gathered (a worker's share of a run); its ratio values are taken over, not copied.</summary>
    internal void Add(BatchSummaryBuilder other)
    {
        System.Diagnostics.Debug.Assert(!ReferenceEquals(other, this), "a builder cannot take over its own values");
        _rows += other._rows;
        _interpreted += other._interpreted;
        _rowsWithErrors += other._rowsWithErrors;
        _fileErrors += other._fileErrors;
        _modelId ??= other._modelId;
        if (_ruleSetName is null)
        {
            (_ruleSetName, _ruleSetVersion) = (other._ruleSetName, other._ruleSetVersion);
        }

        foreach (var (lab, count) in other._labs)
        {
            CountLab(lab, count);
        }

        for (var i = 0; i < _types.Length; i++)
        {
            _types[i] += other._types[i];
        }

        foreach (var (rule, count) in other._rules)
        {
            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_rules, rule, out _);
            total += count;
        }

        _sharedLists.TakeOver(other._sharedLists, (list, rows) => CountRules(_rules, list, rows));

        for (var i = 0; i < _ratios.Length; i++)
        {
            _ratios[i].TakeOver(other._ratios[i]);
        }
    }

    private void CountInterpreted(OxidationType type, ReadOnlySpan<double> keyRatios, IReadOnlyList<string> firedRules, string? labProfileId)
    {
        _interpreted++;
        _types[(int)type]++;
        if (labProfileId is not null)
        {
            CountLab(labProfileId, 1);
        }

        for (var i = 0; i < _ratios.Length && i < keyRatios.Length; i++)
        {
            if (double.IsFinite(keyRatios[i]))
            {
                _ratios[i].Add(keyRatios[i]);
            }
        }

        // A list the fast path shares between rows is counted once per list, per rule in Build (see SharedListCounts).
        if (_sharedLists.TryCount(firedRules))
        {
            return;
        }

        CountRules(_rules, firedRules, 1);
    }

    /// <summary>Counts panels per lab profile: a run has a handful of profiles, whose ids are the same string instances row after row.</summary>
    private void CountLab(string labProfileId, int count)
    {
        var labs = CollectionsMarshal.AsSpan(_labs);
        for (var i = 0; i < labs.Length; i++)
        {
            if (ReferenceEquals(labs[i].Key, labProfileId) || string.Equals(labs[i].Key, labProfileId, StringComparison.Ordinal))
            {
                labs[i] = new KeyValuePair<string, int>(labs[i].Key, labs[i].Value + count);
                return;
            }
        }

        _labs.Add(new KeyValuePair<string, int>(labProfileId, count));
    }

    private static void CountRules(Dictionary<string, int> counts, IReadOnlyList<string> fired, int times)
    {
        for (var i = 0; i < fired.Count; i++)
        {
            ref var count = ref CollectionsMarshal.GetValueRefOrAddDefault(counts, fired[i], out _);
            count += times;
        }
    }

    private Dictionary<string, int> RuleCountsOfAll()
    {
        var counts = new Dictionary<string, int>(_rules, StringComparer.Ordinal);
        foreach (var (list, rows) in _sharedLists.Rows)
        {
            CountRules(counts, list, rows);
        }

        return counts;
    }

    /// <summary>Computes the statistics of the results added so far.</summary>
    /// <returns>The summary.</returns>
    public BatchSummary Build() => new()
    {
        Rows = _rows,
        Interpreted = _interpreted,
        RowsWithErrors = _rowsWithErrors,
        FileErrors = _fileErrors,
        OxidationTypes = Enum.GetValues<OxidationType>()
            .Select(t => new KeyValuePair<OxidationType, int>(t, _types[(int)t]))
            .ToArray(),
        Ratios = RatioStatisticsOfAll(),
        RuleCounts = RuleCountsOfAll()
            .OrderByDescending(r => r.Value)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToArray(),
        LabProfiles = _labs
            .OrderByDescending(l => l.Value)
            .ThenBy(l => l.Key, StringComparer.Ordinal)
            .ToArray(),
        ModelId = _modelId,
        RuleSetName = _ruleSetName,
        RuleSetVersion = _ruleSetVersion,
    };
}
