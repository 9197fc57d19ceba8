using System.Runtime.InteropServices;
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
internal sealed class BatchSummaryBuilder
{
    private readonly int[] _types = new int[Enum.GetValues<OxidationType>().Length];
    private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);
    private readonly Dictionary<FiredRuleList, int> _sharedLists = new(ReferenceEqualityComparer.Instance);
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

        foreach (var (list, rows) in other._sharedLists)
        {
            if (_sharedLists.Count >= BatchInterpreter.MaxSharedRuleLists && !_sharedLists.ContainsKey(list))
            {
                CountRules(_rules, list, rows);
                continue;
            }

            ref var total = ref CollectionsMarshal.GetValueRefOrAddDefault(_sharedLists, list, out _);
            total += rows;
        }

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

        if (firedRules is FiredRuleList shared
            && (_sharedLists.Count < BatchInterpreter.MaxSharedRuleLists || _sharedLists.ContainsKey(shared)))
        {
            // A list the batch shares between rows: counted once per list here, per rule in Build. Past the batch's
            // limit it makes a new list per row, which is counted per rule at once so the lists are not all kept.
            ref var rows = ref CollectionsMarshal.GetValueRefOrAddDefault(_sharedLists, shared, out _);
            rows++;
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
        foreach (var (list, rows) in _sharedLists)
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

    /// <summary>The statistics of sorted values; quartiles by linear interpolation between closest ranks (R-7, as spreadsheets' QUARTILE.INC).</summary>
    internal static RatioStatistics Statistics(string name, double[] sorted) =>
        sorted.Length == 0
            ? new RatioStatistics(name, 0, null, null, null, null, null)
            : new RatioStatistics(
                name,
                sorted.Length,
                sorted[0],
                Quantile(sorted, 0.25),
                Quantile(sorted, 0.5),
                Quantile(sorted, 0.75),
                sorted[^1]);

    /// <summary>
    /// The key ratios' statistics, each from its order statistics found by selection (no full sort: a million values
    /// per ratio, read where they are stored), the ratios in parallel. The figures are those <see cref="Statistics"/>
    /// gives on the sorted values.
    /// </summary>
    private RatioStatistics[] RatioStatisticsOfAll()
    {
        var names = BatchResult.KeyRatioNames;
        var statistics = new RatioStatistics[names.Count];
        void Compute(int first)
        {
            for (var i = first; i < names.Count; i += 2)
            {
                statistics[i] = _ratios[i].Histogram is { } histogram
                    ? histogram.Statistics(names[i])
                    : StatisticsBySelection(names[i], _ratios[i].Exact!.Parts());
            }
        }

        // Half the ratios on a thread of its own: built once, at the end of a run, where Parallel.For's cold start
        // cost more than it saved.
        var other = Task.Factory.StartNew(() => Compute(1), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        Compute(0);
        other.GetAwaiter().GetResult();
        return statistics;
    }

    /// <summary>
    /// What <see cref="Statistics"/> gives for the sorted values, without sorting them: one pass counts the values by
    /// the top 16 bits of an order-preserving key (sign, exponent and the first mantissa bits), which tells in which
    /// bucket each wanted order statistic lies and at what rank; a second pass gathers those few buckets, and the
    /// statistics are selected within them. Reorders nothing in <paramref name="values"/>.
    /// </summary>
    internal static RatioStatistics StatisticsBySelection(string name, double[] values) =>
        StatisticsBySelection(name, [new ArraySegment<double>(values)]);

    /// <summary>
    /// The same over values held in several parts (the summary's storage blocks), without copying them into one array.
    /// Plain arrays and loops: it runs once per run, when generic collections over value types would first have to be
    /// compiled.
    /// </summary>
    private static RatioStatistics StatisticsBySelection(string name, List<ArraySegment<double>> parts)
    {
        var n = 0;
        for (var p = 0; p < parts.Count; p++)
        {
            n += parts[p].Count;
        }

        if (n == 0)
        {
            return new RatioStatistics(name, 0, null, null, null, null, null);
        }

        // The ranks wanted, ascending: minimum, maximum and the two neighbours around each quartile (R-7 interpolates
        // between them); with few values some coincide.
        Span<int> wanted = stackalloc int[8];
        wanted[0] = 0;
        wanted[1] = n - 1;
        for (var q = 0; q < 3; q++)
        {
            var (low, high, _) = QuantileRanks(n, Quartiles[q]);
            wanted[2 + (2 * q)] = low;
            wanted[3 + (2 * q)] = high;
        }

        wanted.Sort();
        var counts = new int[BucketCount];
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var value in parts[p].AsSpan())
            {
                counts[Bucket(value)]++;
            }
        }

        // Each wanted rank's bucket, and the first rank of that bucket.
        Span<int> bucketOf = stackalloc int[wanted.Length];
        Span<int> firstRankOf = stackalloc int[wanted.Length];
        var at = 0;
        var first = 0;
        for (var bucket = 0; bucket < BucketCount && at < wanted.Length; bucket++)
        {
            while (at < wanted.Length && wanted[at] < first + counts[bucket])
            {
                bucketOf[at] = bucket;
                firstRankOf[at] = first;
                at++;
            }

            first += counts[bucket];
        }

        // Gather the buckets the ranks fall in (each once; their counts are no longer needed, so a negative count
        // marks a gathered bucket by its slot), then select within them.
        var gathered = new double[wanted.Length][];
        var gatheredCount = 0;
        Span<int> slotOf = stackalloc int[wanted.Length];
        for (var i = 0; i < wanted.Length; i++)
        {
            var count = counts[bucketOf[i]];
            if (count >= 0)
            {
                gathered[gatheredCount++] = new double[count];
                counts[bucketOf[i]] = -gatheredCount;
            }

            slotOf[i] = -counts[bucketOf[i]] - 1;
        }

        Span<int> filled = stackalloc int[gatheredCount];
        for (var p = 0; p < parts.Count; p++)
        {
            foreach (var value in parts[p].AsSpan())
            {
                var mark = counts[Bucket(value)];
                if (mark < 0)
                {
                    var slot = -mark - 1;
                    gathered[slot][filled[slot]++] = value;
                }
            }
        }

        Span<double> valueAt = stackalloc double[wanted.Length];
        for (var i = 0; i < wanted.Length; i++)
        {
            valueAt[i] = i > 0 && wanted[i] == wanted[i - 1] ? valueAt[i - 1] : Select(gathered[slotOf[i]], wanted[i] - firstRankOf[i]);
        }

        return new RatioStatistics(
            name,
            n,
            valueAt[0],
            Interpolated(wanted, valueAt, n, Quartiles[0]),
            Interpolated(wanted, valueAt, n, Quartiles[1]),
            Interpolated(wanted, valueAt, n, Quartiles[2]),
            valueAt[^1]);
    }

    private static readonly double[] Quartiles = [0.25, 0.5, 0.75];

    /// <summary>Quantile <paramref name="p"/> (R-7) from the values at the wanted ranks.</summary>
    private static double Interpolated(ReadOnlySpan<int> wanted, ReadOnlySpan<double> valueAt, int n, double p)
    {
        var (low, high, weight) = QuantileRanks(n, p);
        var lowValue = valueAt[wanted.IndexOf(low)];
        return lowValue + (weight * (valueAt[wanted.IndexOf(high)] - lowValue));
    }

    private const int BucketCount = 1 << 16;

    /// <summary>The top 16 bits of a key that orders doubles as numbers (negative ones flipped, and -0 as +0).</summary>
    private static int Bucket(double value) => (int)(OrderKey(value) >> 48);

    /// <summary>A key that orders doubles as numbers: negative ones flipped, and -0 as +0.</summary>
    private static ulong OrderKey(double value)
    {
        var bits = (ulong)BitConverter.DoubleToInt64Bits(value + 0d);
        return (bits & (1UL << 63)) != 0 ? ~bits : bits | (1UL << 63);
    }

    /// <summary>The double of an <see cref="OrderKey"/>.</summary>
    private static double FromOrderKey(ulong key) =>
        BitConverter.Int64BitsToDouble((long)((key & (1UL << 63)) != 0 ? key & ~(1UL << 63) : ~key));

    /// <summary>
    /// The <paramref name="k"/>-th smallest value (0-based); partitions <paramref name="values"/> around it (quickselect,
    /// median-of-three pivots, a sort of the remaining range if partitioning degenerates).
    /// </summary>
    internal static double Select(double[] values, int k)
    {
        int left = 0, right = values.Length - 1;
        var budget = 2 * (System.Numerics.BitOperations.Log2((uint)values.Length) + 1);
        while (right > left)
        {
            if (budget-- == 0)
            {
                Array.Sort(values, left, right - left + 1);
                return values[k];
            }

            var middle = left + ((right - left) / 2);
            if (values[middle] < values[left])
            {
                (values[middle], values[left]) = (values[left], values[middle]);
            }

            if (values[right] < values[left])
            {
                (values[right], values[left]) = (values[left], values[right]);
            }

            if (values[right] < values[middle])
            {
                (values[right], values[middle]) = (values[middle], values[right]);
            }

            var pivot = values[middle];
            int i = left, j = right;
            while (i <= j)
            {
                while (values[i] < pivot)
                {
                    i++;
                }

                while (values[j] > pivot)
                {
                    j--;
                }

                if (i <= j)
                {
                    (values[i], values[j]) = (values[j], values[i]);
                    i++;
                    j--;
                }
            }

            if (k <= j)
            {
                right = j;
            }
            else if (k >= i)
            {
                left = i;
            }
            else
            {
                return values[k];
            }
        }

        return values[k];
    }

    internal static double Quantile(double[] sorted, double p)
    {
        var (low, high, weight) = QuantileRanks(sorted.Length, p);
        return sorted[low] + (weight * (sorted[high] - sorted[low]));
    }

    /// <summary>R-7 for <paramref name="count"/> sorted values: the two ranks a quantile lies between and the upper one's weight.</summary>
    private static (int Low, int High, double Weight) QuantileRanks(int count, double p)
    {
        var h = (count - 1) * p;
        var low = (int)Math.Floor(h);
        return (low, Math.Min(low + 1, count - 1), h - low);
    }

    /// <summary>
    /// The most values of one key ratio whose quartiles are computed exactly: 65,536 (512 KB). Past it, the ratio's
    /// values go into a <see cref="RatioHistogram"/> and its quartiles are estimated.
    /// </summary>
    internal const int ExactQuartileValues = 1 << 16;

    /// <summary>One key ratio's values: kept (exact quartiles) up to <see cref="ExactQuartileValues"/>, then counted in a histogram.</summary>
    private sealed class RatioValues
    {
        private int _count;

        /// <summary>The values, while they are kept.</summary>
        public DoubleStore? Exact { get; private set; } = new();

        /// <summary>The histogram, once there are more values than are kept.</summary>
        public RatioHistogram? Histogram { get; private set; }

        public void Add(double value)
        {
            if (Histogram is null && _count == ExactQuartileValues)
            {
                ToHistogram();
            }

            _count++;
            if (Histogram is { } histogram)
            {
                histogram.Add(value);
            }
            else
            {
                Exact!.Add(value);
            }
        }

        /// <summary>Takes over the values of <paramref name="other"/>, which must not be used afterwards.</summary>
        public void TakeOver(RatioValues other)
        {
            if (Histogram is null && other.Histogram is null && _count + other._count <= ExactQuartileValues)
            {
                Exact!.TakeOver(other.Exact!);
            }
            else
            {
                if (Histogram is null)
                {
                    ToHistogram();
                }

                if (other.Histogram is { } histogram)
                {
                    Histogram!.Add(histogram);
                }
                else
                {
                    Histogram!.Add(other.Exact!.Parts());
                }
            }

            _count += other._count;
        }

        private void ToHistogram()
        {
            Histogram = new RatioHistogram();
            Histogram.Add(Exact!.Parts());
            Exact = null;
        }
    }

    /// <summary>
    /// Counts of values by the top 21 bits of their <see cref="OrderKey"/> (sign, exponent and 9 mantissa bits: 512 bins
    /// per power of two, each as wide as 2^-9 of its lower end), in blocks allocated per power of two as values reach
    /// it; with the exact minimum and maximum. A value of rank r is given as the middle of its bin, within 2^-10 of it
    /// relative to its size. Ratios of decimal concentrations span fewer than 400 powers of two, so at most about 800
    /// blocks of 2 KB.
    /// </summary>
    private sealed class RatioHistogram
    {
        private const int MantissaBits = 9;
        private const int BinShift = 52 - MantissaBits;
        private readonly int[]?[] _blocks = new int[]?[1 << 12];
        private long _count;
        private double _minimum = double.PositiveInfinity;
        private double _maximum = double.NegativeInfinity;

        public void Add(double value)
        {
            var key = OrderKey(value);
            var block = _blocks[key >> 52] ??= new int[1 << MantissaBits];
            block[(int)(key >> BinShift) & ((1 << MantissaBits) - 1)]++;
            _count++;
            _minimum = Math.Min(_minimum, value);
            _maximum = Math.Max(_maximum, value);
        }

        public void Add(List<ArraySegment<double>> parts)
        {
            foreach (var part in parts)
            {
                foreach (var value in part.AsSpan())
                {
                    Add(value);
                }
            }
        }

        public void Add(RatioHistogram other)
        {
            for (var b = 0; b < _blocks.Length; b++)
            {
                if (other._blocks[b] is not { } theirs)
                {
                    continue;
                }

                var ours = _blocks[b] ??= new int[1 << MantissaBits];
                for (var i = 0; i < ours.Length; i++)
                {
                    ours[i] += theirs[i];
                }
            }

            _count += other._count;
            _minimum = Math.Min(_minimum, other._minimum);
            _maximum = Math.Max(_maximum, other._maximum);
        }

        /// <summary>The statistics, R-7 quartiles between the estimated values of the ranks around them.</summary>
        public RatioStatistics Statistics(string name)
        {
            var n = (int)_count;
            Span<int> wanted = stackalloc int[6];
            for (var q = 0; q < 3; q++)
            {
                (wanted[2 * q], wanted[(2 * q) + 1], _) = QuantileRanks(n, Quartiles[q]);
            }

            // The ranks ascend with the quartiles: one walk over the bins finds them all.
            var valueAt = new double[wanted.Length];
            var at = 0;
            long first = 0;
            for (var b = 0; b < _blocks.Length && at < wanted.Length; b++)
            {
                if (_blocks[b] is not { } block)
                {
                    continue;
                }

                for (var i = 0; i < block.Length && at < wanted.Length; i++)
                {
                    while (at < wanted.Length && wanted[at] < first + block[i])
                    {
                        valueAt[at] = ValueOf(((ulong)b << 52) | ((ulong)i << BinShift), wanted[at]);
                        at++;
                    }

                    first += block[i];
                }
            }

            double Quartile(int q)
            {
                var (_, _, weight) = QuantileRanks(n, Quartiles[q]);
                var low = valueAt[2 * q];
                return low + (weight * (valueAt[(2 * q) + 1] - low));
            }

            return new RatioStatistics(name, n, _minimum, Quartile(0), Quartile(1), Quartile(2), _maximum) { Estimated = true };

            double ValueOf(ulong binKey, int rank)
            {
                if (rank == 0)
                {
                    return _minimum;
                }

                if (rank == n - 1)
                {
                    return _maximum;
                }

                var low = FromOrderKey(binKey);
                var high = FromOrderKey(binKey | ((1UL << BinShift) - 1));
                return Math.Clamp(low + ((high - low) / 2), _minimum, _maximum);
            }
        }
    }

    /// <summary>
    /// A growable list of doubles in blocks (of up to 64K values), so growing never copies (and never doubles) the
    /// whole list. Another store's values can be taken over whole (<see cref="TakeOver"/>): its filled parts are kept
    /// as they are.
    /// </summary>
    private sealed class DoubleStore
    {
        // Blocks start small and double up to the largest size, so that a builder holding few values (each of a
        // batch's workers has its own) does not hold 3 MB.
        private const int FirstBlockSize = 4 * 1024;
        private const int BlockSize = 64 * 1024;
        private readonly List<ArraySegment<double>> _filled = [];
        private double[]? _block;
        private int _countInBlock;

        public void Add(double value)
        {
            if (_block is null || _countInBlock == _block.Length)
            {
                var size = _block is null ? FirstBlockSize : Math.Min(2 * _block.Length, BlockSize);
                Seal();
                _block = GC.AllocateUninitializedArray<double>(size); // filled before it is read: no need to clear it
            }

            _block[_countInBlock++] = value;
        }

        /// <summary>Takes over the values of <paramref name="other"/>, which must not be used afterwards.</summary>
        public void TakeOver(DoubleStore other)
        {
            Seal();
            other.Seal();
            _filled.AddRange(other._filled);
            other._filled.Clear();
        }

        /// <summary>The values, part by part.</summary>
        public List<ArraySegment<double>> Parts()
        {
            List<ArraySegment<double>> parts = [.. _filled];
            if (_block is not null && _countInBlock > 0)
            {
                parts.Add(new ArraySegment<double>(_block, 0, _countInBlock));
            }

            return parts;
        }

        /// <summary>Ends the current block: a later value starts a new one.</summary>
        private void Seal()
        {
            if (_block is not null && _countInBlock > 0)
            {
                _filled.Add(new ArraySegment<double>(_block, 0, _countInBlock));
            }

            _block = null;
            _countInBlock = 0;
        }
    }
}
