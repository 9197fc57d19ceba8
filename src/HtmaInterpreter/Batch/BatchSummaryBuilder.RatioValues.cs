namespace HtmaInterpreter.Batch;

/// <summary>Where one key ratio's values are kept: in chunks up to <see cref="ExactQuartileValues"/>, then in a histogram.</summary>
internal sealed partial class BatchSummaryBuilder
{
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
