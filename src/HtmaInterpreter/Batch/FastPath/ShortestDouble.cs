using System.Globalization;
using System.Numerics;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// Writes a double as UTF-8 in exactly the text <c>double.TryFormat(..., CultureInfo.InvariantCulture)</c> gives (the
/// shortest text that reads back as the same double), several times faster for the values a batch writes: positive
/// numbers from 0.0001 up to 10^15, whose text needs no exponent. Their digits come from the Ryū algorithm
/// (Ulf Adams, "Ryū: fast float-to-string conversion", PLDI 2018); every other value goes to <c>TryFormat</c>.
/// </summary>
/// <remarks>
/// Unlike the paper, an interval end is never taken even when the mantissa is even, as .NET's formatter does, so the
/// two always agree; <c>ShortestDoubleTests</c> checks that on millions of values.
/// </remarks>
internal static class ShortestDouble
{
    private const int MantissaBits = 52;
    private const int ExponentBias = 1023;
    private const int Pow5InverseBitCount = 125;
    private const int Pow5BitCount = 125;

    // 5^q (scaled to 125 bits) and 2^k / 5^q (rounded up): the multipliers of Ryū's 128-bit arithmetic, computed once.
    private static readonly (ulong Low, ulong High)[] Pow5Inverse = Table(342, inverse: true);
    private static readonly (ulong Low, ulong High)[] Pow5 = Table(326, inverse: false);

    private static readonly ulong[] PowersOf10 = [.. Enumerable.Range(0, 20).Select(i => (ulong)BigInteger.Pow(10, i))];

    /// <summary>
    /// Writes <paramref name="value"/> to <paramref name="destination"/> as <c>TryFormat</c> with the invariant culture
    /// would; false when it does not fit.
    /// </summary>
    public static bool TryWrite(double value, Span<byte> destination, out int written)
    {
        if (!(value >= 1e-4 && value < 1e15))
        {
            return value.TryFormat(destination, out written, default, CultureInfo.InvariantCulture);
        }

        var (digits, exponent) = Shortest(BitConverter.DoubleToUInt64Bits(value));
        return TryWriteFixed(digits, exponent, destination, out written);
    }

    /// <summary>The shortest digits and power of ten that read back as the positive, normal double of <paramref name="bits"/>.</summary>
    internal static (ulong Digits, int Exponent) Shortest(ulong bits)
    {
        var ieeeMantissa = bits & ((1UL << MantissaBits) - 1);
        var ieeeExponent = (int)(bits >> MantissaBits) & 0x7FF;
        var e2 = ieeeExponent - ExponentBias - MantissaBits - 2;
        var m2 = (1UL << MantissaBits) | ieeeMantissa;

        var mv = 4 * m2;
        var mmShift = ieeeMantissa != 0 || ieeeExponent <= 1 ? 1u : 0u;
        ulong vr, vp, vm;
        int e10;
        var vrIsTrailingZeros = false;
        if (e2 >= 0)
        {
            var q = Log10Pow2(e2) - (e2 > 3 ? 1 : 0);
            e10 = q;
            var k = Pow5InverseBitCount + Pow5Bits(q) - 1;
            var i = -e2 + q + k;
            var multiplier = Pow5Inverse[q];
            vr = MulShift(mv, multiplier, i);
            vp = MulShift(mv + 2, multiplier, i);
            vm = MulShift(mv - 1 - mmShift, multiplier, i);
            if (q <= 21)
            {
                // Only one of mp, mv and mm can be a multiple of 5, if any.
                if (mv % 5 == 0)
                {
                    vrIsTrailingZeros = Pow5Factor(mv) >= q;
                }
                else if (Pow5Factor(mv + 2) >= q)
                {
                    vp--; // the upper end is never taken
                }
            }
        }
        else
        {
            var q = Log10Pow5(-e2) - (-e2 > 1 ? 1 : 0);
            e10 = q + e2;
            var i = -e2 - q;
            var k = Pow5Bits(i) - Pow5BitCount;
            var j = q - k;
            var multiplier = Pow5[i];
            vr = MulShift(mv, multiplier, j);
            vp = MulShift(mv + 2, multiplier, j);
            vm = MulShift(mv - 1 - mmShift, multiplier, j);
            if (q <= 1)
            {
                vrIsTrailingZeros = true;
                vp--; // mp = mv + 2 always has a trailing zero bit: the upper end is exact and never taken
            }
            else if (q < 63)
            {
                vrIsTrailingZeros = (mv & ((1UL << q) - 1)) == 0;
            }
        }

        var removed = 0;
        ulong output;
        if (vrIsTrailingZeros)
        {
            // The rare case: the exact value may end in ...500..., which rounds to even.
            var lastRemovedDigit = 0;
            while (vp / 10 > vm / 10)
            {
                vrIsTrailingZeros &= lastRemovedDigit == 0;
                lastRemovedDigit = (int)(vr % 10);
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            if (vrIsTrailingZeros && lastRemovedDigit == 5 && vr % 2 == 0)
            {
                lastRemovedDigit = 4;
            }

            output = vr + (vr == vm || lastRemovedDigit >= 5 ? 1UL : 0UL);
        }
        else
        {
            var roundUp = false;
            if (vp / 100 > vm / 100)
            {
                var vrMod100 = vr % 100;
                roundUp = vrMod100 >= 50;
                vr /= 100;
                vp /= 100;
                vm /= 100;
                removed += 2;
            }

            while (vp / 10 > vm / 10)
            {
                roundUp = vr % 10 >= 5;
                vr /= 10;
                vp /= 10;
                vm /= 10;
                removed++;
            }

            output = vr + (vr == vm || roundUp ? 1UL : 0UL);
        }

        return (output, e10 + removed);
    }

    /// <summary>Writes digits × 10^exponent without an exponent, as .NET writes such a value: 0.000123, 12.5, 1200.</summary>
    private static bool TryWriteFixed(ulong digits, int exponent, Span<byte> destination, out int written)
    {
        var count = DigitCount(digits);
        var point = count + exponent; // digits before the decimal point; zero or less: "0." and zeros first
        written = point <= 0 ? 2 - point + count : point >= count ? point : count + 1;
        if (written > destination.Length)
        {
            written = 0;
            return false;
        }

        if (point <= 0)
        {
            destination[0] = (byte)'0';
            destination[1] = (byte)'.';
            destination.Slice(2, -point).Fill((byte)'0');
            WriteDigits(digits, destination.Slice(2 - point, count));
        }
        else if (point >= count)
        {
            WriteDigits(digits, destination[..count]);
            destination[count..point].Fill((byte)'0');
        }
        else
        {
            var fraction = count - point;
            var whole = digits / PowersOf10[fraction];
            WriteDigits(whole, destination[..point]);
            destination[point] = (byte)'.';
            WriteDigits(digits - (whole * PowersOf10[fraction]), destination.Slice(point + 1, fraction));
        }

        return true;
    }

    /// <summary>Writes the last <c>target.Length</c> decimal digits of <paramref name="value"/>, leading zeros included, two at a time.</summary>
    private static void WriteDigits(ulong value, Span<byte> target)
    {
        var at = target.Length;
        while (at > 8 && value > uint.MaxValue)
        {
            // Eight digits at a time in 32-bit arithmetic, then the rest.
            var next = value / 100_000_000;
            WriteDigits32((uint)(value - (next * 100_000_000)), target.Slice(at - 8, 8));
            at -= 8;
            value = next;
        }

        WriteDigits32((uint)value, target[..at]);
    }

    private static void WriteDigits32(uint value, Span<byte> target)
    {
        var pairs = "00010203040506070809101112131415161718192021222324252627282930313233343536373839404142434445464748495051525354555657585960616263646566676869707172737475767778798081828384858687888990919293949596979899"u8;
        var at = target.Length;
        while (at >= 2)
        {
            var next = value / 100;
            var pair = (int)(value - (next * 100)) * 2;
            target[--at] = pairs[pair + 1];
            target[--at] = pairs[pair];
            value = next;
        }

        if (at == 1)
        {
            target[0] = (byte)('0' + (int)(value % 10));
        }
    }

    /// <summary>How many decimal digits a positive <paramref name="value"/> has.</summary>
    private static int DigitCount(ulong value)
    {
        var guess = ((64 - BitOperations.LeadingZeroCount(value)) * 1233) >> 12; // ⌊log10⌋ or one more
        return guess + 1 - (value < PowersOf10[guess] ? 1 : 0);
    }

    /// <summary>The 64-bit product of <paramref name="m"/> and a 128-bit multiplier, shifted right by <paramref name="shift"/> (between 64 and 128).</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.AggressiveInlining)]
    private static ulong MulShift(ulong m, (ulong Low, ulong High) multiplier, int shift)
    {
        var lowHigh = Math.BigMul(m, multiplier.Low, out _);
        var high = Math.BigMul(m, multiplier.High, out var low);
        var sum = low + lowHigh;
        high += sum < low ? 1UL : 0UL;
        var rest = shift - 64; // 49 to 63 for doubles
        return (high << (64 - rest)) | (sum >> rest);
    }

    private static int Pow5Factor(ulong value)
    {
        var count = 0;
        while (value % 5 == 0)
        {
            value /= 5;
            count++;
        }

        return count;
    }

    /// <summary>⌈log2(5^e)⌉, 1 for e = 0 (the bit length of 5^e).</summary>
    private static int Pow5Bits(int e) => (int)(((uint)e * 1217359) >> 19) + 1;

    /// <summary>⌊log10(2^e)⌋.</summary>
    private static int Log10Pow2(int e) => (int)(((uint)e * 78913) >> 18);

    /// <summary>⌊log10(5^e)⌋.</summary>
    private static int Log10Pow5(int e) => (int)(((uint)e * 732923) >> 20);

    private static (ulong Low, ulong High)[] Table(int count, bool inverse)
    {
        var table = new (ulong, ulong)[count];
        for (var i = 0; i < count; i++)
        {
            var pow = BigInteger.Pow(5, i);
            var length = (int)pow.GetBitLength();
            var value = inverse
                ? (BigInteger.One << (length - 1 + Pow5InverseBitCount)) / pow + 1
                : length >= Pow5BitCount ? pow >> (length - Pow5BitCount) : pow << (Pow5BitCount - length);
            table[i] = ((ulong)(value & ulong.MaxValue), (ulong)(value >> 64));
        }

        return table;
    }
}
