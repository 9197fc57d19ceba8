using HtmaInterpreter.Cli.Commands;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;
using HtmaInterpreter.Retests;

namespace HtmaInterpreter.Tests.Reports;

/// <summary>The registry of report formats: one entry per <see cref="ReportFormat"/>, read by rendering and by the command line.</summary>
public class ReportFormatsTests
{
    [Test]
    public void Every_public_format_value_has_exactly_one_registered_format_in_enum_order()
    {
        ReportFormats.All.Select(f => f.Format).Should().Equal(Enum.GetValues<ReportFormat>());
        ReportFormats.Default.Format.Should().Be(ReportFormat.Text);
        foreach (var value in Enum.GetValues<ReportFormat>())
        {
            ReportFormats.For(value).Format.Should().Be(value);
        }
    }

    [Test]
    public void Names_aliases_and_extensions_are_unique_and_lower_case()
    {
        var names = ReportFormats.All.SelectMany(f => f.Aliases.Prepend(f.Name)).ToList();
        names.Should().Equal("text", "json", "markdown", "md", "html");
        names.Should().OnlyHaveUniqueItems().And.OnlyContain(n => n.All(c => c < 'A' || c > 'Z'));
        ReportFormats.All.SelectMany(f => f.FileExtensions).Should().OnlyHaveUniqueItems().And.OnlyContain(e => e.StartsWith('.'));
        ReportFormats.All.Select(f => f.FileExtensions[0]).Should().Equal(".txt", ".json", ".md", ".html");
    }

    [TestCase("text", ReportFormat.Text)]
    [TestCase("json", ReportFormat.Json)]
    [TestCase("markdown", ReportFormat.Markdown)]
    [TestCase("md", ReportFormat.Markdown)]
    [TestCase("html", ReportFormat.Html)]
    public void Find_takes_a_name_or_an_alias(string name, ReportFormat expected) =>
        ReportFormats.Find(name)!.Format.Should().Be(expected);

    [TestCase("HTML")]
    [TestCase("htm")]
    [TestCase("")]
    [TestCase("pdf")]
    public void Find_gives_null_for_anything_else(string name) => ReportFormats.Find(name).Should().BeNull();

    [Test]
    public void A_value_no_format_claims_renders_as_text_as_before() =>
        ReportFormats.For((ReportFormat)99).Format.Should().Be(ReportFormat.Text);

    [Test]
    public void Only_html_has_a_letterhead_and_only_text_has_colour()
    {
        ReportFormats.All.Where(f => f.UsesBranding).Select(f => f.Format).Should().Equal(ReportFormat.Html);
        ReportFormats.All.Where(f => f.UsesColor).Select(f => f.Format).Should().Equal(ReportFormat.Text);
    }

    [Test]
    public void The_help_and_the_usage_error_list_the_registered_names()
    {
        ReportFormats.Choices.Should().Be("text|json|markdown|html");
        ReportFormats.InWords().Should().Be("text, json, markdown or html");
        ReportFormats.InWords(markDefault: true).Should().Be("text (default), json, markdown or html");
        foreach (var usage in new[] { InterpretCommand.Usage, CompareCommand.Usage })
        {
            usage.Should().Contain("[--format text|json|markdown|html").And.Contain("--format FORMAT     text (default), json, markdown or html");
        }
    }

    [Test]
    public void Each_format_renders_what_the_public_renderer_gives()
    {
        var (interpretations, readDiagnostics) = ReportSamples.Interpret("wide-clinic-batch.csv");
        var one = ReportSamples.One("slow-oxidizer.csv");
        var starts = new Dictionary<ReportFormat, string>
        {
            [ReportFormat.Text] = "HTMA interpretation: sample",
            [ReportFormat.Json] = "[",
            [ReportFormat.Markdown] = "# HTMA interpretation: sample",
            [ReportFormat.Html] = "<!DOCTYPE html>",
        };
        foreach (var format in ReportFormats.All)
        {
            var many = format.Render(interpretations, readDiagnostics, null);
            many.Should().Be(ReportRenderer.Render(interpretations, format.Format, null, readDiagnostics)).And.StartWith(starts[format.Format]);
            format.Render(one, null, null).Should().Be(ReportRenderer.Render(one, format.Format));
        }

        ReportFormats.For(ReportFormat.Json).Render(one, null, null).Should().StartWith("{");
    }

    [Test]
    public void Each_format_renders_the_comparison_the_public_method_gives_and_only_json_has_a_not_compared_document()
    {
        var reader = new PanelReader();
        var panels = new[] { "retest-P-0009-2025-10-06.csv", "retest-P-0009-2026-02-09.yaml" }
            .SelectMany(name => reader.ReadFile(TestPaths.Sample(name)).Value!).ToList();
        var comparison = new RetestComparer().Compare(panels).Value!;
        foreach (var format in ReportFormats.All)
        {
            format.RenderComparison(comparison, comparison.Diagnostics, null)
                .Should().Be(ComparisonReport.Render(comparison, format.Format)).And.NotBeEmpty();
        }

        ReportFormats.All.Where(f => f.RenderNotCompared([]) is not null).Select(f => f.Format).Should().Equal(ReportFormat.Json);
        ReportFormats.For(ReportFormat.Json).RenderNotCompared([]).Should().Be(ComparisonReport.RenderJsonNotCompared([]));
    }
}
