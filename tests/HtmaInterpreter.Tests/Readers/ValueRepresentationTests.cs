using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>
/// Numbers a decimal cannot hold exactly (nonzero values below 10^-28, too many digits, digits lost converting to mg%,
/// beyond the decimal range) and amounts too large to convert to every unit get a diagnostic on every reader path.
/// </summary>
public sealed class ValueRepresentationTests
{
    /// <summary>The same value read from a long CSV, a wide CSV, YAML and JSON (a JSON number when it is one).</summary>
    private static IEnumerable<(string Format, ParseResult<IReadOnlyList<Panel>> Result)> EveryFormat(string value, string unit = "mg%")
    {
        yield return ("long csv", Read($"# sample_id: S\nelement,value,unit\nMg,{value},{unit}\n", "v.csv"));
        yield return ("wide csv", Read($"sample_id,Mg ({unit})\nS,{value}\n", "v.csv"));
        yield return ("yaml", Read($"sample_id: S\nmeasurements:\n  - {{ element: Mg, value: \"{value}\", unit: \"{unit}\" }}\n", "v.yaml"));
        yield return ("yaml, plain scalar", Read($"sample_id: S\nmeasurements:\n  - {{ element: Mg, value: {value}, unit: \"{unit}\" }}\n", "v.yaml"));
        var json = value.StartsWith('<') || value.StartsWith('>') ? $"\"{value}\"" : value;
        yield return ("json", Read($"{{\"sample_id\":\"S\",\"measurements\":[{{\"element\":\"Mg\",\"value\":{json},\"unit\":\"{unit}\"}}]}}", "v.json"));
    }

    [TestCase("1e-400", "0")]
    [TestCase("-1e-400", "0")]
    [TestCase("1E-29", "0")]
    [TestCase("<1e-400", "0")]
    public void A_nonzero_value_below_the_smallest_decimal_is_kept_as_0_with_a_warning_quoting_the_text(string text, string kept)
    {
        foreach (var (format, result) in EveryFormat(text))
        {
            var warning = SingleWithCode(result, DiagnosticCodes.ValueNotRepresentable);
            warning.Severity.Should().Be(DiagnosticSeverity.Warning, format);
            warning.Message.Should().Contain($"'{text}'", format).And.Contain("smallest", format).And.Contain("kept as 0", format);
            warning.Location.Line.Should().NotBeNull(format);
            Single(result).Find("Mg")!.Amount.Value.Should().Be(decimal.Parse(kept, System.Globalization.CultureInfo.InvariantCulture), format);
        }
    }

    [TestCase("5.1e-29", "0.0000000000000000000000000001")]
    [TestCase("1.23456789012345678901234567891", "1.2345678901234567890123456789")]
    [TestCase("79228162514264337593543950335.4", "79228162514264337593543950335")]
    public void A_value_with_more_digits_than_a_decimal_keeps_is_kept_rounded_with_a_warning(string text, string kept)
    {
        var expected = decimal.Parse(kept, System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (format, result) in EveryFormat(text))
        {
            var warning = SingleWithCode(result, DiagnosticCodes.ValueNotRepresentable);
            warning.Message.Should().Contain($"'{text}'", format).And.Contain("more digits", format).And.Contain($"kept as {expected} mg%", format);
            Single(result).Find("Mg")!.Amount.Value.Should().Be(expected, format);
        }
    }

    [TestCase("0.0000000000000000000000000001")]
    [TestCase("1e-28")]
    [TestCase("0.000100000000000000000000000000000")]
    [TestCase("12.5e3")]
    [TestCase("1E2")]
    [TestCase("0e-400")]
    [TestCase("0.0000000000000000000000000000000")]
    [TestCase("79228162514264337593543950335")]
    [TestCase("7.9228162514264337593543950335E+24")]
    public void A_value_a_decimal_holds_exactly_gets_no_diagnostic(string text)
    {
        foreach (var (format, result) in EveryFormat(text))
        {
            result.Diagnostics.Where(d => d.Code is DiagnosticCodes.ValueNotRepresentable).Should().BeEmpty(format);
        }
    }

    [TestCase("1.5e-24", "ppb", "0.0000000000000000000000000002")]
    [TestCase("0.0000000000000000000000001", "ng/g", "0")]
    [TestCase("1.5e-28", "ppm", "0")]
    public void A_value_that_loses_digits_converted_to_mg_percent_gets_a_warning(string text, string unit, string inMilligramPercent)
    {
        foreach (var (format, result) in EveryFormat(text, unit))
        {
            result.Diagnostics.Where(d => d.Code == DiagnosticCodes.ValueNotRepresentable)
                .Should().Contain(d => d.Message.Contains("in mg%", StringComparison.Ordinal), format);
            Single(result).Find("Mg")!.MilligramPercent.Should().Be(decimal.Parse(inMilligramPercent, System.Globalization.CultureInfo.InvariantCulture), format);
        }
    }

    [Test]
    public void A_value_beyond_the_decimal_range_is_an_error_not_a_non_numeric_value()
    {
        foreach (var (format, result) in EveryFormat("1e30"))
        {
            var error = SingleWithCode(result, DiagnosticCodes.ValueNotRepresentable);
            error.Severity.Should().Be(DiagnosticSeverity.Error, format);
            error.Message.Should().Contain("larger than any", format);
            result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.NonNumericValue, format);
            Single(result).Find("Mg").Should().BeNull(format);
        }
    }

    [Test]
    public void An_amount_converts_to_every_unit_up_to_the_limit_and_one_past_it_is_kept_with_a_warning()
    {
        var limit = Units.MaxConvertibleMilligramPercent;
        Units.TryConvert(limit, ConcentrationUnit.MilligramPercent, ConcentrationUnit.NanogramPerGram, out var inNanograms).Should().BeTrue();
        inNanograms.Should().Be(Units.Normalize(limit * 10_000m));
        var past = limit + 0.0001m;
        Units.TryConvert(past, ConcentrationUnit.MilligramPercent, ConcentrationUnit.PartsPerBillion, out var unchanged).Should().BeFalse();
        unchanged.Should().Be(past);
        Units.Convert(past, ConcentrationUnit.MilligramPercent, ConcentrationUnit.PartsPerBillion).Should().Be(decimal.MaxValue, "a conversion saturates instead of throwing");
        Units.Convert(-past, ConcentrationUnit.MilligramPercent, ConcentrationUnit.PartsPerBillion).Should().Be(decimal.MinValue);
        new Concentration(decimal.MaxValue, ConcentrationUnit.PartsPerMillion).To(ConcentrationUnit.NanogramPerGram).Value.Should().Be(decimal.MaxValue);

        foreach (var (format, result) in EveryFormat(limit.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.ValueNotConvertible, format);
        }

        foreach (var (format, result) in EveryFormat(past.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            var warning = SingleWithCode(result, DiagnosticCodes.ValueNotConvertible);
            warning.Severity.Should().Be(DiagnosticSeverity.Warning, format);
            warning.Message.Should().Contain("too large to be converted", format);
            Single(result).Find("Mg")!.Amount.Value.Should().Be(past, format);
        }

        // The same amount in µg/g (ten times the number) is past the limit too.
        SingleWithCode(Read($"sample_id,Mg (µg/g)\nS,{past * 10}\n", "v.csv"), DiagnosticCodes.ValueNotConvertible);
    }

    [Test]
    public void A_reference_range_bound_that_underflows_gets_a_warning_at_the_bound()
    {
        var result = Read("# sample_id: S\nelement,value,unit,reference_low,reference_high\nCa,40,mg%,1e-400,60\n", "r.csv");

        var warning = SingleWithCode(result, DiagnosticCodes.ValueNotRepresentable);
        warning.Location.Should().Be(new SourceLocation("r.csv", 3, 11, "reference_low"));
        warning.Message.Should().Contain("'1e-400'").And.Contain("kept as 0.");
    }

    [Test]
    public void The_batch_gives_the_same_diagnostics_on_the_rows_it_reads_itself_and_on_the_others()
    {
        const string csv = "sample_id,Ca (mg%),Mg (ppb),K (mg%)\nB-1,40,100000,10\nB-2,40,1.5e-24,10\nB-3,1e-400,100000,10\nB-4,8000000000000000000000000000,100000,10\nB-5,40,100000,10\n";
        var results = ReaderTestSupport.RunBatchBothWays(csv, "b.csv");

        results.Select(r => string.Join(" ", r.ReadDiagnostics.Select(d => d.Code))).Should().Equal(
            "",
            DiagnosticCodes.ValueNotRepresentable,
            DiagnosticCodes.ValueNotRepresentable,
            $"{DiagnosticCodes.ValueNotConvertible} {DiagnosticCodes.AbsurdValue}",
            "");
        results.Should().OnlyContain(r => r.IsInterpreted);
    }

    [TestCase("1e-400", false)]
    [TestCase("5.1e-29", false)]
    [TestCase("0.00012", true)]
    [TestCase("1.2e-4", true)]
    [TestCase("120e-6", true)]
    [TestCase("000.00012000", true)]
    [TestCase("-0.00012", true)]
    [TestCase("12.00000000000000000000000000000000001", false)]
    public void IsExactly_compares_the_written_number_with_the_decimal_read(string text, bool exact)
    {
        decimal.TryParse(text, System.Globalization.NumberStyles.Float, System.Globalization.CultureInfo.InvariantCulture, out var value).Should().BeTrue();
        ValueText.IsExactly(text, value).Should().Be(exact);
    }
}
