namespace HtmaInterpreter.Batch.FastPath;

/// <summary>
/// A non-negative decimal as its parts (an integer mantissa and a scale, the number of digits after the point), and the
/// double <c>(double)</c> of that decimal (<see cref="Readers.ValueText.ToDecimal"/>) gives, computed as the conversion does (the 96-bit mantissa over a power of
/// ten) without building the decimal: for the batch, which reads values and divides them as mantissas.
/// </summary>
internal static class DecimalParts
{
    // The divisors decimal-to-double conversion uses (10^0 to 10^28, as written).
    private static readonly double[] PowersOf10 =
    [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19,
        1e20, 1e21, 1e22, 1e23, 1e24, 1e25, 1e26, 1e27, 1e28,
    ];

    /// <summary>What <c>(double)</c> gives for the decimal of a mantissa below 2^63 and a scale: <see cref="ToDouble(ulong, uint, int)"/> with one conversion instead of two.</summary>
    public static double ToDouble(ulong mantissa, int scale)
    {
        System.Diagnostics.Debug.Assert(mantissa < 1UL << 63, "the signed conversion is exact only below 2^63");
        return (double)(long)mantissa / PowersOf10[scale];
    }

    /// <summary>What <c>(double)</c> gives for the decimal of a 96-bit mantissa (<paramref name="low"/> and <paramref name="high"/> bits) and a scale.</summary>
    public static double ToDouble(ulong low, uint high, int scale) =>
        ((double)low + ((double)high * 18446744073709551616.0)) / PowersOf10[scale];
}
