using System.Globalization;
using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Batch.FastPath;

/// <summary>The batch's fast paths must give exactly what the general code gives.</summary>
public sealed class FastPathTests
{
    [TestCase("0")]
    [TestCase("73")]
    [TestCase("70.4")]
    [TestCase("70.40")]
    [TestCase("0.00785")]
    [TestCase("0.0000")]
    [TestCase(".5")]
    [TestCase("5.")]
    [TestCase("000012.3400")]
    [TestCase("123456789012345678")]
    [TestCase("1234567890.12345678")]
    public void Plain_numbers_parse_to_the_same_decimal_and_scale_as_decimal_TryParse(string text)
    {
        ValueText.TryParsePlain(text, out var fast).Should().BeTrue();
        decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var expected).Should().BeTrue();
        fast.Should().Be(expected);
        fast.ToString(CultureInfo.InvariantCulture).Should().Be(expected.ToString(CultureInfo.InvariantCulture));
        fast.Scale.Should().Be(expected.Scale);
    }

    [Test]
    public void Plain_numbers_also_give_exactly_the_double_that_converting_the_decimal_gives()
    {
        var random = new Random(2026);
        var texts = new List<string> { "0", "0.0", "70.4", "0.00785", "123456789012345678", "1234567890.12345678", "0.00000000000000001", "9007199254740993" };
        for (var i = 0; i < 200_000; i++)
        {
            var digits = string.Concat(Enumerable.Range(0, random.Next(1, 19)).Select(_ => (char)('0' + random.Next(10))));
            var point = random.Next(0, digits.Length + 1);
            texts.Add(point == digits.Length ? digits : digits[..point] + "." + digits[point..]);
        }

        foreach (var text in texts)
        {
            ValueText.TryParsePlain(text.AsSpan(), out ulong mantissa, out var scale, out _).Should().BeTrue(text);
            var value = ValueText.ToDecimal(mantissa, scale);
            value.Should().Be(decimal.Parse(text, CultureInfo.InvariantCulture), text);
            DecimalParts.ToDouble(mantissa, 0, scale).Should().Be((double)value, text);
        }
    }

    [Test]
    public void Small_mantissas_convert_to_the_same_double_as_the_96_bit_conversion()
    {
        var random = new Random(20261127);
        for (var i = 0; i < 200_000; i++)
        {
            var mantissa = (ulong)random.NextInt64(0, 1_000_000_000_000_000_000);
            var scale = random.Next(0, 29);
            DecimalParts.ToDouble(mantissa, scale).Should().Be(DecimalParts.ToDouble(mantissa, 0, scale), $"{mantissa} at scale {scale}");
            DecimalParts.ToDouble(mantissa, scale).Should().Be((double)ValueText.ToDecimal(mantissa, scale), $"{mantissa} at scale {scale}");
        }
    }

    [TestCase("")]
    [TestCase(".")]
    [TestCase("-1")]
    [TestCase("+1")]
    [TestCase(" 1")]
    [TestCase("1e3")]
    [TestCase("1,5")]
    [TestCase("1.2.3")]
    [TestCase("1234567890123456789")]
    [TestCase("<0.002")]
    [TestCase("ND")]
    public void Other_forms_are_left_to_decimal_TryParse(string text) =>
        ValueText.TryParsePlain(text, out _).Should().BeFalse();

    [TestCase("-1.5", -1.5)]
    [TestCase(" 2.25 ", 2.25)]
    [TestCase("1e2", 100)]
    public void TryParseNumber_still_reads_the_other_forms(string text, double expected)
    {
        ValueText.TryParseNumber(text, decimalComma: false, out var value).Should().BeTrue();
        value.Should().Be((decimal)expected);
    }

    [Test]
    public void Plain_rows_take_the_fast_path_and_unusual_ones_the_general_reader()
    {
        using var header = new StringReader(WideCsvBatchTests.Header);
        using var source = CsvSource.Open(header, "rows.csv", [])!;
        var batch = new BatchInterpreter(Interpreter.Default);
        var plan = new WideCsvPlan(CsvPanelReader.WideLayout(source, "rows.csv", HtmaInterpreter.Panels.ElementCatalog.Default), batch.FastRun);
        var rows = new WideCsvRowInterpreter(plan);
        plan.IsUsable.Should().BeTrue();

        BatchResult Interpret(string line) => InterpretRow(batch, rows, line, 2);

        var plain = Interpret("E-1,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4");
        rows.FastRows.Should().Be(1);
        plain.Oxidation.Should().Be(OxidationType.Mixed, "Ca/K = 4 counts as slow and Na/Mg = 4.17 as fast");
        plain.Ratio("Ca/K").Should().Be(4);
        plain.Ratio("Na/Mg").Should().Be(4.17);

        var below = Interpret("E-2,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10,1.5,16,14,1.1,<0.01,ND,0.03,0.4");
        rows.FastRows.Should().Be(2);
        below.IsInterpreted.Should().BeTrue();

        var padded = Interpret("E-3,P-1,ARL,female,40,2026-03-14,unwashed, 40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4");
        rows.GeneralRows.Should().Be(1);
        padded.Ratio("Ca/K").Should().Be(4, "the general reader trims the value");
    }

    [Test]
    public void The_fast_path_counts_the_diagnostics_the_general_path_gives()
    {
        // Every diagnostic the fast path counts without building it: lab, ratio elements (missing, not detected, below
        // or above a limit, zero), four lows not checked, type undecided, washed sample (as stated or by the profile).
        string[] rows =
        [
            "D-01,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-02,P-1,ARL,female,40,2026-03-14,washed,40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-03,P-1,ARL,female,40,2026-03-14,,40,10,41.7,ND,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-04,P-1,ARL,female,40,2026-03-14,,40,<10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-05,P-1,ARL,female,40,2026-03-14,,>40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-06,P-1,ARL,female,40,2026-03-14,,40,10,41.7,10,0,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-07,P-1,ARL,female,40,2026-03-14,,40,10,,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-08,P-1,Acme Labs,female,40,2026-03-14,,40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-09,P-1,,female,40,2026-03-14,,40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-10,P-1,Doctors Data,female,40,2026-03-14,,40,10,41.7,10,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
            "D-11,P-1,TEI,female,40,2026-03-14,unwashed,,,,,1.5,16,14,1.1,0.01,0.002,0.03,0.4",
        ];
        var (batch, fast, general) = BothWays(rows);

        general.Should().HaveCount(rows.Length);
        for (var i = 0; i < rows.Length; i++)
        {
            var result = InterpretRow(batch, fast, rows[i], i + 2);
            fast.FastRows.Should().Be(i + 1, $"row {rows[i]} is plain");
            result.DiagnosticsCount.Should().Be(general[i].DiagnosticsCount, rows[i]);
            result.HasErrors.Should().Be(general[i].HasErrors, rows[i]);
        }

        general.Select(r => r.DiagnosticsCount).Distinct().Should().HaveCountGreaterThan(4, "the rows give different counts");
    }

    /// <summary>
    /// For rows of <see cref="WideCsvBatchTests.Header"/>: a batch with the fast path and its row interpreter, and the
    /// results of the rows as a file through the general path.
    /// </summary>
    internal static (BatchInterpreter Batch, WideCsvRowInterpreter Fast, List<BatchResult> General) BothWays(string[] rows)
    {
        using var header = new StringReader(WideCsvBatchTests.Header);
        using var source = CsvSource.Open(header, "rows.csv", [])!;
        var batch = new BatchInterpreter(Interpreter.Default);
        var fast = new WideCsvRowInterpreter(new WideCsvPlan(CsvPanelReader.WideLayout(source, "rows.csv", HtmaInterpreter.Panels.ElementCatalog.Default), batch.FastRun));
        using var input = new MemoryStream(Encoding.ASCII.GetBytes(WideCsvBatchTests.Header + "\n" + string.Join("\n", rows) + "\n"));
        var general = new BatchInterpreter(Interpreter.Default, new BatchOptions { UseFastPath = false }).RunWideCsv(input, "rows.csv").ToList();
        return (batch, fast, general);
    }

    /// <summary>A row as the batch's workers take it: decided by the fast path, or read there and interpreted by the general path.</summary>
    private static BatchResult InterpretRow(BatchInterpreter batch, WideCsvRowInterpreter rows, string line, int number)
    {
        var bytes = Encoding.ASCII.GetBytes(line);
        return rows.TryDecide(bytes, 0, bytes.Length, number, out var general) ? batch.FastRows.Result(rows) : batch.Interpret(general);
    }
}
