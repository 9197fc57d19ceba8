using HtmaInterpreter.Cli;

namespace HtmaInterpreter.Tests.Reports;

public class InterpretFormatsTests
{
    [TestCase("markdown", "# HTMA interpretation: sample S-2026-0106")]
    [TestCase("html", "<!DOCTYPE html>")]
    [TestCase("json", "{")]
    [TestCase("text", "HTMA interpretation: sample S-2026-0106")]
    public void Interpret_writes_each_format(string format, string start)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = Program.Run(["interpret", TestPaths.Sample("fast-oxidizer-lead-cadmium.json"), "--format", format], stdout, stderr);

        exit.Should().Be(0, stderr.ToString());
        stdout.ToString().Should().StartWith(start);
    }

    [Test]
    public void Html_of_a_file_with_several_panels_is_written_to_the_out_file_as_one_document()
    {
        var outFile = Path.Combine(Path.GetTempPath(), $"htma-{Guid.NewGuid():N}.html");
        try
        {
            using var stdout = new StringWriter();
            using var stderr = new StringWriter();

            var exit = Program.Run(["interpret", TestPaths.Sample("wide-clinic-batch.csv"), "--format", "html", "--out", outFile], stdout, stderr);

            exit.Should().Be(0, stderr.ToString());
            stdout.ToString().Should().BeEmpty();
            var html = File.ReadAllText(outFile);
            System.Text.RegularExpressions.Regex.Matches(html, "<article class=\"report\"").Should().HaveCount(22);
            System.Text.RegularExpressions.Regex.Matches(html, "<html").Should().HaveCount(1);
        }
        finally
        {
            File.Delete(outFile);
        }
    }

    [Test]
    public void Unknown_format_is_a_usage_error_naming_the_formats()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        var exit = Program.Run(["interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "pdf"], stdout, stderr);

        exit.Should().Be(2);
        stderr.ToString().Should().StartWith("htma interpret: unknown format 'pdf'; use text, json, markdown, html or fhir.");
    }
}
