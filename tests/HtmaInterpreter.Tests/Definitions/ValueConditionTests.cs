using HtmaInterpreter.Definitions;
using HtmaInterpreter.Ratios;

namespace HtmaInterpreter.Tests.Definitions;

public class ValueConditionTests
{
    [TestCase("> 4", 4.0, false)]
    [TestCase(">= 4", 4.0, true)]
    [TestCase("< 4.17", 4.17, false)]
    [TestCase("<= 4.17", 4.17, true)]
    [TestCase(">= 2 and < 2.5", 2.0, true)]
    [TestCase(">= 2 and < 2.5", 2.5, false)]
    [TestCase("> 12 or < 3", 2.0, true)]
    [TestCase(">= 10 and <= 12 or >= 3 and <= 3.3", 3.3, true)]
    [TestCase(">= 10 and <= 12 or >= 3 and <= 3.3", 9.0, false)]
    public void Matches_exactly_as_written(string text, double value, bool expected)
    {
        ValueCondition.Parse(text).Matches(value).Should().Be(expected);
    }

    [TestCase("above 4")]
    [TestCase("> four")]
    [TestCase("= 4")]
    [TestCase("")]
    public void Rejects_text_that_is_not_a_comparison(string text)
    {
        ValueCondition.TryParse(text, out _, out var error).Should().BeFalse();
        error.Should().Contain("operator");
    }
}
