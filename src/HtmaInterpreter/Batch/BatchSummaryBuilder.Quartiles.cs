namespace HtmaInterpreter.Batch;

/// <summary>The key ratios' quartiles: exact by selection on the values kept, or estimated from the histograms.</summary>
internal sealed partial class BatchSummaryBuilder
{
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
}
