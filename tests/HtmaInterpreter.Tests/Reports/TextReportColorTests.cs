using HtmaInterpreter.Cli;
using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Reports;

public class TextReportColorTests
{
    private const char Escape = '\u001b';

    [Test]
    public void Text_has_no_escape_codes_unless_colour_is_asked_for()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        TextReport.Render(interpretation).Should().NotContain(Escape.ToString());
        ReportRenderer.Render(interpretation, ReportFormat.Text).Should().NotContain(Escape.ToString());
        ReportRenderer.Render(interpretation, ReportFormat.Text, new ReportOptions { UseColor = false }).Should().Be(TextReport.Render(interpretation));
    }

    [Test]
    public void Colour_marks_levels_and_severities_without_changing_the_layout()
    {
        var interpretation = ReportSamples.One("fast-oxidizer-lead-cadmium.json");

        var plain = TextReport.Render(interpretation);
        var coloured = ReportRenderer.Render(interpretation, ReportFormat.Text, new ReportOptions { UseColor = true });

        coloured.Should().Contain($"{Escape}[1;31mabove limit{Escape}[0m", "elevated toxic metals are red");
        coloured.Should().Contain($"{Escape}[33mlow{Escape}[0m", "low nutrients are amber");
        coloured.Should().Contain($"{Escape}[32mwithin range{Escape}[0m", "values within range are green");
        coloured.Should().Contain($"{Escape}[33m[attention]{Escape}[0m");
        StripAnsi(coloured).Should().Be(plain);
    }

    [Test]
    public void Cli_writes_no_colour_when_output_is_not_the_terminal()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = Program.Run(["interpret", TestPaths.Sample("fast-oxidizer-lead-cadmium.json")], stdout, stderr);

        exit.Should().Be(0);
        stdout.ToString().Should().NotContain(Escape.ToString());
    }

    [Test]
    public void Cli_colours_text_only_when_told_the_output_is_a_terminal()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Program.Run(["interpret", TestPaths.Sample("fast-oxidizer-lead-cadmium.json")], stdout, stderr, settings: new RunSettings { ColorOutput = true }).Should().Be(0);
        stdout.ToString().Should().Contain($"{Escape}[1;31mabove limit");

        using var json = new StringWriter();
        Program.Run(["interpret", TestPaths.Sample("fast-oxidizer-lead-cadmium.json"), "--format", "json"], json, stderr, settings: new RunSettings { ColorOutput = true }).Should().Be(0);
        json.ToString().Should().NotContain(Escape.ToString());
    }

    private static string StripAnsi(string text) => System.Text.RegularExpressions.Regex.Replace(text, "\u001b\\[[0-9;]*m", "");
}
