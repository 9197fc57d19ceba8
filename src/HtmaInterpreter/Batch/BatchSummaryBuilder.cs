using HtmaInterpreter.Oxidation;

namespace HtmaInterpreter.Batch;

/// <summary>
/// Accumulates cohort statistics from <see cref="BatchResult"/> rows as they stream by: counts per oxidation type, how
/// often each rule fired, rows with errors, and each key ratio's quartiles. Counts take constant memory; the quartiles
/// are exact, so the ratio values are kept (8 bytes per value, at most 48 bytes a panel). Not thread-safe.
/// </summary>
public sealed class BatchSummaryBuilder
{
    private readonly int[] _types = new int[Enum.GetValues<OxidationType>().Length];
    private readonly Dictionary<string, int> _rules = new(StringComparer.Ordinal);
    private readonly DoubleStore[] _ratios = BatchResult.KeyRatioNames.Select(_ => new DoubleStore()).ToArray();
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

        _interpreted++;
        _types[(int)type]++;
        for (var i = 0; i < _ratios.Length && i < result.KeyRatios.Count; i++)
        {
            if (result.KeyRatios[i] is { } value && double.IsFinite(value))
            {
                _ratios[i].Add(value);
            }
        }

        var fired = result.FiredRules;
        for (var i = 0; i < fired.Count; i++)
        {
            ref var count = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_rules, fired[i], out _);
            count++;
        }
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
        Ratios = BatchResult.KeyRatioNames.Select((name, i) => Statistics(name, _ratios[i].ToSortedArray())).ToArray(),
        RuleCounts = _rules
            .OrderByDescending(r => r.Value)
            .ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToArray(),
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

    internal static double Quantile(double[] sorted, double p)
    {
        var h = (sorted.Length - 1) * p;
        var low = (int)Math.Floor(h);
        var high = Math.Min(low + 1, sorted.Length - 1);
        return sorted[low] + ((h - low) * (sorted[high] - sorted[low]));
    }

    /// <summary>A growable list of doubles in fixed blocks, so growing never copies (and never doubles) the whole list.</summary>
    private sealed class DoubleStore
    {
        private const int BlockSize = 64 * 1024;
        private readonly List<double[]> _blocks = [];
        private int _countInLast = BlockSize;

        public int Count => _blocks.Count == 0 ? 0 : ((_blocks.Count - 1) * BlockSize) + _countInLast;

        public void Add(double value)
        {
            if (_countInLast == BlockSize)
            {
                _blocks.Add(new double[BlockSize]);
                _countInLast = 0;
            }

            _blocks[^1][_countInLast++] = value;
        }

        public double[] ToSortedArray()
        {
            var all = new double[Count];
            for (var i = 0; i < _blocks.Count; i++)
            {
                var length = i == _blocks.Count - 1 ? _countInLast : BlockSize;
                Array.Copy(_blocks[i], 0, all, i * BlockSize, length);
            }

            Array.Sort(all);
            return all;
        }
    }
}
