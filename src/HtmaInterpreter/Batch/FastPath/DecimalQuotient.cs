using System.Numerics;
using System.Runtime.CompilerServices;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// The double that <c>(double)(x / y)</c> gives for two positive decimals given as mantissa and scale, worked out
/// without the decimal division's digit-by-digit loop: the quotient <c>decimal</c> division produces is the exact
/// quotient at the largest scale (at most 28) whose integer part fits in 96 bits, rounded half to even, with its
/// trailing zeros then removed (none when the division is exact at the dividend's scale), and the conversion to
/// double is that of <c>decimal</c> (the 96-bit integer over a power of ten). The batch computes its ratios this way;
/// <c>DecimalQuotientTests</c> checks it against decimal division on millions of operands.
/// </summary>
/// <remarks>
/// ReadyToRun cannot compile code that works on <see cref="UInt128"/> ahead of time, so these methods would start as
/// unoptimised code, with every 128-bit operation a call, just when a batch starts on its first hundred thousand rows;
/// they are compiled fully optimised on first use instead.
/// </remarks>
internal static class DecimalQuotient
{
    private static readonly UInt128 Max96 = (UInt128.One << 96) - 1;

    private static readonly UInt128[] PowersOf10 = [.. Enumerable.Range(0, 39).Select(e => (UInt128)BigInteger.Pow(10, e))];

    /// <summary>
    /// <c>(double)(new decimal(numerator, scale) / new decimal(denominator, scale))</c> for positive mantissas, the
    /// denominator's below 2^32; false (the caller divides decimals) outside that, or when the quotient is too large.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // see the class remarks
    public static bool TryDivide(ulong numerator, int numeratorScale, ulong denominator, int denominatorScale, out double value)
    {
        value = 0;
        if (numerator == 0 || denominator is 0 or > uint.MaxValue || numeratorScale is < 0 or > 28 || denominatorScale is < 0 or > 28)
        {
            return false;
        }

        var scale = numeratorScale - denominatorScale;
        var whole = numerator / denominator;
        if (whole * denominator == numerator)
        {
            // Exact at the dividend's scale: no digits are added and no zeros removed, but the scale is at least 0.
            if (scale >= 0)
            {
                value = ToDouble(whole, scale);
                return true;
            }

            if (-scale > 19)
            {
                return false;
            }

            var scaled = (UInt128)whole * PowersOf10[-scale]; // below 2^128: both factors are below 2^64
            if (scaled > Max96)
            {
                return false;
            }

            value = ToDouble(scaled, 0);
            return true;
        }

        // The largest scale (at most 28) whose quotient has an integer part below 2^96:
        // numerator * 10^extra < denominator * 2^96.
        var limit = (UInt128)denominator << 96;
        var extra = 28 - scale;
        UInt128 scaledNumerator;
        while (!TryMultiply(numerator, extra, out scaledNumerator) || scaledNumerator >= limit)
        {
            if (--extra < 0)
            {
                return false;
            }
        }

        scale += extra;
        if (scale < 0)
        {
            return false; // decimal division overflows here
        }

        var quotient = Divide(scaledNumerator, (uint)denominator, out var remainder);
        var twice = (ulong)remainder << 1;
        if (twice > denominator || (twice == denominator && (quotient & UInt128.One) != UInt128.Zero))
        {
            quotient++;
            if (quotient > Max96)
            {
                return false; // rounded up to 2^96: decimal then drops a digit; rare enough to leave to it
            }
        }

        while (scale > 0 && (quotient & UInt128.One) == UInt128.Zero)
        {
            var tenth = DivideBy10(quotient, out var digit);
            if (digit != 0)
            {
                break;
            }

            quotient = tenth;
            scale--;
        }

        value = ToDouble(quotient, scale);
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static double ToDouble(UInt128 mantissa, int scale) => DecimalParts.ToDouble((ulong)mantissa, (uint)(mantissa >> 64), scale);

    /// <summary><paramref name="value"/> × 10^<paramref name="power"/>, false when it does not fit in 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryMultiply(ulong value, int power, out UInt128 product)
    {
        product = UInt128.Zero;
        if (power >= PowersOf10.Length)
        {
            return false;
        }

        var factor = PowersOf10[power];
        var lowHigh = Math.BigMul(value, (ulong)factor, out var low);
        var highHigh = Math.BigMul(value, (ulong)(factor >> 64), out var highLow);
        var middle = lowHigh + highLow;
        if (highHigh != 0 || middle < lowHigh)
        {
            return false;
        }

        product = new UInt128(middle, low);
        return true;
    }

    /// <summary>Divides a 128-bit value by a 32-bit divisor, 32 bits at a time.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static UInt128 Divide(UInt128 value, uint divisor, out uint remainder)
    {
        var high = (ulong)(value >> 64);
        var low = (ulong)value;
        var q3 = high / divisor;
        var rest = high - (q3 * divisor);
        var part = (rest << 32) | (low >> 32);
        var q1 = part / divisor;
        rest = part - (q1 * divisor);
        part = (rest << 32) | (low & uint.MaxValue);
        var q0 = part / divisor;
        remainder = (uint)(part - (q0 * divisor));
        return new UInt128(q3, (q1 << 32) | q0);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static UInt128 DivideBy10(UInt128 value, out uint digit)
    {
        var high = (ulong)(value >> 64);
        var low = (ulong)value;
        var q3 = high / 10;
        var part = ((high - (q3 * 10)) << 32) | (low >> 32);
        var q1 = part / 10;
        part = ((part - (q1 * 10)) << 32) | (low & uint.MaxValue);
        var q0 = part / 10;
        digit = (uint)(part - (q0 * 10));
        return new UInt128(q3, (q1 << 32) | q0);
    }
}
