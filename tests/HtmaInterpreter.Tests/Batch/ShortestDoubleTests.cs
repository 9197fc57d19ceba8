using System.Globalization;
using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Batch.FastPath;

namespace HtmaInterpreter.Tests.Batch;

/// <summary><see cref="ShortestDouble"/> must write exactly what double.TryFormat writes, for every double.</summary>
public class ShortestDoubleTests
{
    private static string Expected(double value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Written(double value)
    {
        Span<byte> buffer = stackalloc byte[64];
        ShortestDouble.TryWrite(value, buffer, out var written).Should().BeTrue();
        return Encoding.ASCII.GetString(buffer[..written]);
    }

    private static void ExpectSame(IEnumerable<double> values)
    {
        var mismatches = new List<string>();
        var count = 0;
        foreach (var value in values)
        {
            count++;
            var expected = Expected(value);
            var written = Written(value);
            if (written != expected && mismatches.Count < 10)
            {
                mismatches.Add($"{BitConverter.DoubleToUInt64Bits(value):X16}: wrote {written}, expected {expected}");
            }
        }

        count.Should().BeGreaterThan(0);
        mismatches.Should().BeEmpty();
    }

    [TestCase(1.0, "1")]
    [TestCase(15.820224719101123, "15.820224719101123")]
    [TestCase(0.4875, "0.4875")]
    [TestCase(0.0001, "0.0001")]
    [TestCase(0.00012345, "0.00012345")]
    [TestCase(0.00001, "1E-05")]
    [TestCase(1200.0, "1200")]
    [TestCase(123456789012345.6, "123456789012345.6")]
    [TestCase(999999999999999.9, "999999999999999.9")]
    [TestCase(1e15, "1000000000000000")]
    [TestCase(1e21, "1E+21")]
    [TestCase(0.1, "0.1")]
    [TestCase(0.3, "0.3")]
    [TestCase(0.30000000000000004, "0.30000000000000004")]
    [TestCase(0.0, "0")]
    [TestCase(-2.5, "-2.5")]
    [TestCase(5e-324, "5E-324")]
    [TestCase(double.MaxValue, "1.7976931348623157E+308")]
    public void Writes_what_TryFormat_writes(double value, string text)
    {
        Expected(value).Should().Be(text);
        Written(value).Should().Be(text);
    }

    [Test]
    public void Agrees_on_random_doubles_of_every_magnitude()
    {
        var random = new Random(20261126);
        ExpectSame(Enumerable.Range(0, 1_000_000).Select(_ =>
        {
            var bits = (ulong)random.NextInt64() ^ ((ulong)random.Next(2) << 63);
            return BitConverter.UInt64BitsToDouble(bits);
        }).Where(double.IsFinite));
    }

    [Test]
    public void Agrees_on_random_doubles_of_the_written_range()
    {
        // 2^-14 to 2^50 covers 0.0001 to 10^15, the range written without TryFormat.
        var random = new Random(7);
        ExpectSame(Enumerable.Range(0, 2_000_000).Select(_ => Math.ScaleB(1 + random.NextDouble(), random.Next(-15, 51))));
    }

    [Test]
    public void Agrees_on_quotients_of_short_decimals_as_ratios_are()
    {
        var random = new Random(11);
        ExpectSame(Enumerable.Range(0, 1_000_000).Select(_ =>
        {
            var numerator = new decimal(random.Next(1, 100_000), 0, 0, false, (byte)random.Next(0, 6));
            var denominator = new decimal(random.Next(1, 100_000), 0, 0, false, (byte)random.Next(0, 6));
            return (double)(numerator / denominator);
        }));
    }

    [Test]
    public void Agrees_on_short_decimals_their_neighbours_and_the_ends_of_the_range()
    {
        var values = new List<double>();
        for (var exponent = -6; exponent <= 16; exponent++)
        {
            for (var digits = 1; digits <= 999; digits++)
            {
                var value = digits * Math.Pow(10, exponent);
                values.Add(value);
                values.Add(Math.BitIncrement(value));
                values.Add(Math.BitDecrement(value));
            }
        }

        foreach (var end in new[] { 1e-4, 1e15 })
        {
            var value = end;
            for (var step = 0; step < 100; step++)
            {
                values.Add(value);
                values.Add(-value);
                value = Math.BitIncrement(value);
            }

            value = end;
            for (var step = 0; step < 100; step++)
            {
                value = Math.BitDecrement(value);
                values.Add(value);
            }
        }

        for (var power = -14; power <= 50; power++)
        {
            values.Add(Math.ScaleB(1, power));
            values.Add(Math.BitIncrement(Math.ScaleB(1, power)));
            values.Add(Math.BitDecrement(Math.ScaleB(1, power)));
        }

        ExpectSame(values);
    }
}
