using System.Globalization;
using System.Text;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Tests.Panels;

/// <summary>The field checks both readers share, and the shortcuts the batch fast path derives from them.</summary>
public sealed class FieldRulesTests
{
    [Test]
    public void The_age_digit_bound_is_the_digits_of_the_oldest_age()
    {
        FieldRules.MaxAgeDigits.Should().Be(FieldRules.MaxAgeYears.ToString(CultureInfo.InvariantCulture).Length);
        FieldRules.IsAge(FieldRules.MaxAgeYears).Should().BeTrue();
        FieldRules.IsAge(FieldRules.MaxAgeYears + 1).Should().BeFalse();
    }

    [Test]
    public void The_whole_digit_bound_is_the_most_digits_always_below_the_absurd_value()
    {
        var digits = FieldRules.WholeDigitsBelowAbsurd;
        Pow10(digits).Should().BeLessThanOrEqualTo(FieldRules.AbsurdMilligramPercent, "every value with that many whole digits is below the bound");
        Pow10(digits + 1).Should().BeGreaterThan(FieldRules.AbsurdMilligramPercent, "one digit more can reach the bound");

        static decimal Pow10(int n) => Enumerable.Repeat(10m, n).Aggregate(1m, (a, b) => a * b);
    }

    [TestCase("2024-02-29")]
    [TestCase("2023-02-29")]
    [TestCase("0001-01-01")]
    [TestCase("9999-12-31")]
    [TestCase("0000-01-01")]
    [TestCase("2024-13-01")]
    [TestCase("2024-00-10")]
    [TestCase("2024-04-31")]
    [TestCase("2024-1-01")]
    [TestCase("2024/01/01")]
    [TestCase("20240101")]
    [TestCase("2024-01-01 ")]
    public void The_fast_date_check_accepts_only_dates_the_general_reader_accepts(string text)
    {
        var general = FieldRules.TryParseDate(text, out _);
        var fast = FieldRules.IsDate(Encoding.ASCII.GetBytes(text));
        fast.Should().Be(general);
    }

    [TestCase("female", Sex.Female)]
    [TestCase("F", Sex.Female)]
    [TestCase("MALE", Sex.Male)]
    [TestCase("m", Sex.Male)]
    [TestCase("fem", Sex.Unknown)]
    [TestCase("", Sex.Unknown)]
    public void Sex_words_read_the_same_from_text_and_bytes(string text, Sex expected)
    {
        FieldRules.ParseSex(text).Should().Be(expected);
        FieldRules.ParseSex(Encoding.ASCII.GetBytes(text)).Should().Be(expected);
    }

    [TestCase("washed", SampleTreatment.Washed)]
    [TestCase("UnWashed", SampleTreatment.Unwashed)]
    [TestCase("rinsed", SampleTreatment.Unknown)]
    public void Treatment_words_read_the_same_from_text_and_bytes(string text, SampleTreatment expected)
    {
        FieldRules.ParseTreatment(text).Should().Be(expected);
        FieldRules.ParseTreatment(Encoding.ASCII.GetBytes(text)).Should().Be(expected);
    }
}
