using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>A value reading accepts is rendered in every format, even where the report's unit cannot hold it.</summary>
public sealed class ExtremeValueCommandTests : CommandTestBase
{
    [TestCase("text")]
    [TestCase("json")]
    [TestCase("markdown")]
    [TestCase("html")]
    public void A_value_too_large_for_the_labs_unit_is_shown_in_its_own_unit_after_a_warning(string format)
    {
        var path = Write("huge.csv", "# sample_id: H-1\nelement,value,unit\nCa,8000000000000000000000000000,mg%\nMg,10,mg%\n");

        var exit = Run("interpret", path, "--lab", "doctors-data", "--format", format);

        exit.Should().Be(0, Stderr.ToString());
        var output = Stdout.ToString();
        output.Should().Contain(DiagnosticCodes.ValueNotConvertible);
        output.Should().Contain("8000000000000000000000000000");
        if (format is "markdown" or "html")
        {
            output.Should().Contain("8000000000000000000000000000 mg%", "the lab's µg/g cannot hold it, so its own unit is shown");
            output.Should().NotContain("79228162514264337593543950335", "no saturated number is shown as the value");
        }
    }
}
