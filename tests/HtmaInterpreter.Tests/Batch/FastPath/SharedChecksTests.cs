using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Batch.FastPath;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Ratios;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Batch.FastPath;

/// <summary>
/// The checks the fast path shares with the general reader and interpretation: where a check has a text form and a byte
/// form (the fast path reads bytes), both come from the same words and must answer the same cases.
/// </summary>
public sealed class SharedChecksTests
{
    private static readonly string[] ValueTexts =
    [
        "ND", "nd", "Nd", "nD", "n.d.", "N.D.", "not detected", "NOT DETECTED", "Not Detected", "N.D", "n d", "NDx", "xND",
        "not  detected", "0", "40", "4.5", "<0.5", ">500", "<", ">", "~", "-", "",
    ];

    [Test]
    public void Not_detected_reads_alike_from_text_and_bytes_and_as_the_general_reader_reads_it()
    {
        foreach (var text in ValueTexts)
        {
            var fromText = ValueText.IsNotDetected(text.AsSpan());
            ValueText.IsNotDetected(Encoding.ASCII.GetBytes(text)).Should().Be(fromText, text);
            if (text.Length > 0)
            {
                (ValueText.Parse(text, decimalComma: false).Qualifier == MeasurementQualifier.NotDetected).Should().Be(fromText, text);
            }
        }

        ValueTexts.Count(text => ValueText.IsNotDetected(text.AsSpan())).Should().Be(9, "ND, n.d. and not detected in any ASCII case");
    }

    [Test]
    public void A_limit_sign_reads_alike_from_a_character_and_a_byte_and_as_the_general_reader_reads_it()
    {
        for (var c = (char)0x20; c < 0x7F; c++)
        {
            ValueText.LimitQualifier((byte)c).Should().Be(ValueText.LimitQualifier(c), $"'{c}'");
        }

        ValueText.LimitQualifier('<').Should().Be(MeasurementQualifier.BelowDetectionLimit);
        ValueText.LimitQualifier('>').Should().Be(MeasurementQualifier.AboveQuantitationLimit);
        ValueText.LimitQualifier('4').Should().Be(MeasurementQualifier.Exact);
        ValueText.Parse("<0.5", decimalComma: false).Should().Be(new ParsedValue(ValueTextKind.Number, 0.5m, MeasurementQualifier.BelowDetectionLimit));
        ValueText.Parse("> 500", decimalComma: false).Should().Be(new ParsedValue(ValueTextKind.Number, 500m, MeasurementQualifier.AboveQuantitationLimit));
    }

    [TestCase("", true)]
    [TestCase("~", true)]
    [TestCase("~~", false)]
    [TestCase("-", false)]
    [TestCase("ARL", false)]
    [TestCase("a~", false)]
    public void The_no_value_marker_reads_alike_from_text_and_bytes(string text, bool expected)
    {
        FieldRules.IsNoValue(text.AsSpan()).Should().Be(expected);
        FieldRules.IsNoValue(Encoding.ASCII.GetBytes(text)).Should().Be(expected);
    }

    [TestCase(4.0, true)]
    [TestCase(1e-300, true)]
    [TestCase(0.0, false)]
    [TestCase(-0.0, false)]
    [TestCase(-1.0, false)]
    [TestCase(double.NaN, false)]
    [TestCase(double.PositiveInfinity, false)]
    [TestCase(double.NegativeInfinity, false)]
    public void A_quotient_is_kept_as_a_ratio_only_when_finite_and_positive(double value, bool expected) =>
        RatioCalculator.IsRatioValue(value).Should().Be(expected);

    [Test]
    public void Four_lows_are_tested_in_order_and_a_missing_element_stops_the_test()
    {
        var definition = Interpreter.Default.Definitions.DefaultModel.FourLows!;
        var count = definition.Conditions.Count;
        var low = Enumerable.Repeat(0d, count).ToArray();

        OxidationClassifier.MatchesFourLows(definition, low, out var missing).Should().BeTrue();
        missing.Should().Be(-1);

        var secondMissing = (double[])low.Clone();
        secondMissing[1] = double.NaN;
        OxidationClassifier.MatchesFourLows(definition, secondMissing, out missing).Should().BeFalse();
        missing.Should().Be(1, "the element of the second condition is missing: four lows not checked");

        var firstHighThenMissing = (double[])secondMissing.Clone();
        firstHighThenMissing[0] = 1e9;
        OxidationClassifier.MatchesFourLows(definition, firstHighThenMissing, out missing).Should().BeFalse();
        missing.Should().Be(-1, "the first condition already fails, so the missing element is not reported (as the general path)");
    }

    [Test]
    public void The_type_cannot_be_decided_when_a_deciding_ratio_is_missing()
    {
        OxidationClassifier.CannotDecide([4.0, 4.17]).Should().BeFalse();
        OxidationClassifier.CannotDecide([4.0, double.NaN]).Should().BeTrue();
        OxidationClassifier.CannotDecide([]).Should().BeFalse();
    }

    [Test]
    public void Every_not_detected_word_takes_the_fast_path_and_gives_the_general_paths_row()
    {
        string[] rows =
        [
            "N-1,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10,1.5,16,14,1.1,ND,0.002,0.03,0.4",
            "N-2,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10,1.5,16,14,1.1,n.d.,0.002,0.03,0.4",
            "N-3,P-1,ARL,female,40,2026-03-14,unwashed,40,10,41.7,10,1.5,16,14,1.1,Not Detected,0.002,0.03,0.4",
            "N-4,P-1,~,female,40,2026-03-14,unwashed,40,10,41.7,10,nd,16,14,1.1,0.01,0.002,0.03,0.4",
        ];
        var (batch, fast, general) = FastPathTests.BothWays(rows);

        for (var i = 0; i < rows.Length; i++)
        {
            var bytes = Encoding.ASCII.GetBytes(rows[i]);
            fast.TryDecide(bytes, 0, bytes.Length, i + 2, out _).Should().BeTrue(rows[i]);
            var result = batch.FastRows.Result(fast);
            result.Should().BeEquivalentTo(general[i], options => options.Excluding(r => r.ReadDiagnostics), rows[i]);
        }

        general.Should().OnlyContain(r => r.IsInterpreted && !r.HasErrors);
        fast.FastRows.Should().Be(rows.Length);
    }
}
