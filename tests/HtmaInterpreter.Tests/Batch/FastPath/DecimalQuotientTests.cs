using HtmaInterpreter.Batch.FastPath;

namespace HtmaInterpreter.Tests.Batch.FastPath;

/// <summary><see cref="DecimalQuotient"/> must give exactly the double that dividing the decimals and converting gives.</summary>
public class DecimalQuotientTests
{
    private static decimal Decimal(ulong mantissa, int scale) => new((int)(uint)mantissa, (int)(uint)(mantissa >> 32), 0, false, (byte)scale);

    /// <summary>Checks every pair; returns how many the fast division took (the rest it left to decimal division).</summary>
    private static int ExpectSame(IEnumerable<(ulong N, int Ns, ulong D, int Ds)> pairs)
    {
        var taken = 0;
        var mismatches = new List<string>();
        foreach (var (n, ns, d, ds) in pairs)
        {
            double expected;
            try
            {
                expected = (double)(Decimal(n, ns) / Decimal(d, ds));
            }
            catch (OverflowException)
            {
                DecimalQuotient.TryDivide(n, ns, d, ds, out _).Should().BeFalse($"{n}e-{ns} / {d}e-{ds} overflows decimal division");
                continue;
            }

            if (DecimalQuotient.TryDivide(n, ns, d, ds, out var actual))
            {
                taken++;
                if (BitConverter.DoubleToInt64Bits(actual) != BitConverter.DoubleToInt64Bits(expected) && mismatches.Count < 10)
                {
                    mismatches.Add($"{n}e-{ns} / {d}e-{ds}: {actual:R} instead of {expected:R}");
                }
            }
        }

        mismatches.Should().BeEmpty();
        return taken;
    }

    [TestCase(704UL, 1, 445UL, 2, 15.820224719101123)]
    [TestCase(40UL, 0, 10UL, 0, 4)]
    [TestCase(417UL, 1, 10UL, 0, 4.17)]
    [TestCase(1UL, 0, 3UL, 0, 0.33333333333333337)] // not the double nearest 1/3: decimal-to-double conversion is not correctly rounded
    [TestCase(25UL, 0, 100UL, 2, 25)]
    public void Gives_what_decimal_division_gives(ulong numerator, int numeratorScale, ulong denominator, int denominatorScale, double expected)
    {
        DecimalQuotient.TryDivide(numerator, numeratorScale, denominator, denominatorScale, out var value).Should().BeTrue();
        value.Should().Be(expected);
        value.Should().Be((double)(Decimal(numerator, numeratorScale) / Decimal(denominator, denominatorScale)));
    }

    [Test]
    public void Agrees_on_lab_values_of_three_to_six_digits()
    {
        var random = new Random(1);
        var taken = ExpectSame(Enumerable.Range(0, 2_000_000).Select(_ =>
            ((ulong)random.Next(1, 1_000_000), random.Next(0, 7), (ulong)random.Next(1, 1_000_000), random.Next(0, 7))));
        taken.Should().Be(2_000_000);
    }

    [Test]
    public void Agrees_on_exact_quotients_at_every_scale()
    {
        var random = new Random(2);
        ExpectSame(Enumerable.Range(0, 500_000).Select(_ =>
        {
            var denominator = (ulong)random.Next(1, 100_000);
            var numerator = denominator * (ulong)random.Next(1, 1_000_000) * (ulong)Math.Pow(10, random.Next(0, 5));
            return (numerator, random.Next(0, 29), denominator, random.Next(0, 29));
        })).Should().BeGreaterThan(400_000);
    }

    [Test]
    public void Agrees_on_large_and_extreme_operands()
    {
        var random = new Random(3);
        ulong Any() => random.Next(4) switch
        {
            0 => (ulong)random.NextInt64(1, long.MaxValue),
            1 => (ulong)random.NextInt64(1, 1_000_000_000_000_000_000),
            2 => (ulong)random.Next(1, 10),
            _ => uint.MaxValue - (ulong)random.Next(0, 10),
        };
        ExpectSame(Enumerable.Range(0, 1_000_000).Select(_ => (Any(), random.Next(0, 29), Any(), random.Next(0, 29))))
            .Should().BeGreaterThan(100_000);
    }

    [Test]
    public void Agrees_on_quotients_next_to_the_96_bit_limit_and_to_powers_of_ten()
    {
        var pairs = new List<(ulong, int, ulong, int)>();
        for (var denominator = 1UL; denominator < 5000; denominator += 7)
        {
            foreach (var target in new[] { 7.9228162514264337593543950335, 7.92281625142643, 1, 10, 0.1, 9.99999999, 1.00000001 })
            {
                var numerator = (ulong)(target * denominator * 1e9);
                for (var delta = -3; delta <= 3; delta++)
                {
                    pairs.Add(((ulong)((long)numerator + delta), 9, denominator, 0));
                    pairs.Add(((ulong)((long)numerator + delta), 10, denominator, 1));
                }
            }
        }

        ExpectSame(pairs).Should().BeGreaterThan(pairs.Count / 2);
    }
}
