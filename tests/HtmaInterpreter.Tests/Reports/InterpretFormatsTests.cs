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

    [TestCase("interpret", "HTML")]
    [TestCase("interpret", "FHIR")]
    [TestCase("compare", "HTML")]
    public void A_format_name_in_the_wrong_case_is_a_usage_error_not_another_format(string command, string name)
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();
        string[] files = command == "compare"
            ? [TestPaths.Sample("retest-P-0009-2025-10-06.csv"), TestPaths.Sample("retest-P-0009-2026-02-09.yaml")]
            : [TestPaths.Sample("slow-oxidizer.csv")];

        var exit = Program.Run([command, .. files, "--format", name], stdout, stderr);

        exit.Should().Be(2);
        stdout.ToString().Should().BeEmpty();
        stderr.ToString().Should().StartWith($"htma {command}: unknown format '{name}'");
    }

    [Test]
    public void The_markdown_alias_md_still_renders_markdown()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        Program.Run(["interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "md"], stdout, stderr).Should().Be(0);

        stdout.ToString().Should().StartWith("# ");
    }

    [Test]
    public void An_internal_error_line_leaves_out_a_library_exception_message_which_may_quote_the_input()
    {
        Exception thrown;
        try
        {
            System.Text.Json.JsonDocument.Parse("{\"name\": \"Jane Doe\" oops}");
            throw new InvalidOperationException("not reached");
        }
        catch (System.Text.Json.JsonException exception)
        {
            thrown = exception;
        }

        Exception wrapped;
        try
        {
            throw new InvalidOperationException("wrapped", thrown);
        }
        catch (InvalidOperationException exception)
        {
            wrapped = exception;
        }

        var line = Program.Describe(wrapped);

        line.Should().StartWith("System.InvalidOperationException: wrapped")
            .And.Contain("System.Text.Json.JsonReaderException (its message is not shown")
            .And.NotContain("oops").And.NotContain("Jane");
    }
}
