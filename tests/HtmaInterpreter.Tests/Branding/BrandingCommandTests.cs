using System.Text.RegularExpressions;
using HtmaInterpreter.Tests.Cli;

namespace HtmaInterpreter.Tests.Branding;

/// <summary><c>--branding FILE</c> on <c>htma interpret</c> and <c>htma compare</c>.</summary>
public class BrandingCommandTests : CommandTestBase
{
    private static readonly string SampleBranding = Path.Combine(TestPaths.Samples, "branding", "branding.yaml");
    private static readonly string Old = TestPaths.Sample("retest-P-0009-2025-10-06.csv");
    private static readonly string New = TestPaths.Sample("retest-P-0009-2026-02-09.yaml");

    [Test]
    public void Interpret_html_with_the_sample_branding_has_the_letterhead()
    {
        var exitCode = Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "html", "--branding", SampleBranding);

        exitCode.Should().Be(0, Stderr.ToString());
        Stderr.ToString().Should().BeEmpty();
        var html = Stdout.ToString();
        html.Should().Contain("<p class=\"brand-name\">Riverside Nutrition Practice</p>");
        html.Should().Contain("<img class=\"brand-logo\" alt=\"Riverside Nutrition Practice logo\" src=\"data:image/png;base64,iVBORw0KGgo");
        html.Should().Contain("@bottom-left { content: \"Riverside Nutrition Practice \\B7  nutritional assessment");
        html.Should().NotContain("<script").And.NotContain("src=\"http").And.NotContain("href=\"http").And.NotContain("url(http");
    }

    [Test]
    public void Compare_html_with_the_sample_branding_has_the_letterhead()
    {
        var exitCode = Run("compare", Old, New, "--format", "html", "--branding", SampleBranding);

        exitCode.Should().Be(0, Stderr.ToString());
        var html = Stdout.ToString();
        html.Should().Contain("<p class=\"brand-name\">Riverside Nutrition Practice</p>").And.Contain("src=\"data:image/png;base64,");
        html.Should().Contain("@bottom-left");
    }

    [Test]
    public void Errors_in_the_branding_file_stop_before_anything_is_written()
    {
        File.WriteAllText(Path.Combine(Folder, "logo.png"), "<svg/>");
        var branding = Write("branding.yaml", "practice: P\nlogo: logo.png\ncss: \"@import 'x.css';\"\n");
        var outFile = Path.Combine(Folder, "report.html");

        var interpret = Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "html", "--branding", branding, "--out", outFile);
        var stderr = Stderr.ToString();

        interpret.Should().Be(1);
        File.Exists(outFile).Should().BeFalse();
        Stdout.ToString().Should().BeEmpty();
        stderr.Should().Contain($"{branding}:2:7 (logo): error HTMA0905: The logo looks like an SVG");
        stderr.Should().Contain($"{branding}:3:6 (css): error HTMA0908: The extra CSS holds @import");
        stderr.Should().EndWith($"htma: error HTMA0905: the branding file {branding} has errors (above); fix them or leave out --branding. No report was written.\n");

        Run("compare", Old, New, "--format", "html", "--branding", branding).Should().Be(1);
        Stdout.ToString().Should().BeEmpty();
    }

    [Test]
    public void Unknown_key_is_a_warning_and_the_report_is_written()
    {
        var branding = Write("branding.yaml", "practice: P\ncolour: red\n");

        var exitCode = Run("interpret", TestPaths.Sample("slow-oxidizer.csv"), "--format", "html", "--branding", branding);

        exitCode.Should().Be(0);
        Stderr.ToString().Should().Be($"{branding}:2:1 (colour): warning HTMA0902: 'colour' is not a branding key (they are practice, address, logo, footer, css); it is ignored.\n");
        Stdout.ToString().Should().Contain("<p class=\"brand-name\">P</p>");
    }

    [Test]
    public void Missing_branding_file_exits_1_with_its_code()
    {
        var exitCode = Run("compare", Old, New, "--format", "html", "--branding", Path.Combine(Folder, "none.yaml"));

        exitCode.Should().Be(1);
        Stderr.ToString().Should().Contain("error HTMA0901: The branding file could not be read");
    }

    [TestCase("interpret")]
    [TestCase("compare")]
    public void Other_formats_get_a_note_and_no_letterhead(string command)
    {
        string[] inputs = command == "interpret" ? [TestPaths.Sample("slow-oxidizer.csv")] : [Old, New];

        var exitCode = Run([command, .. inputs, "--format", "markdown", "--branding", SampleBranding]);

        exitCode.Should().Be(0, Stderr.ToString());
        Stderr.ToString().Should().Be("htma: note: --branding applies to the HTML format only; the markdown report has no letterhead.\n");
        Stdout.ToString().Should().NotContain("Riverside");
    }

    [TestCase("interpret")]
    [TestCase("compare")]
    public void Help_describes_branding(string command)
    {
        Run(command, "--help").Should().Be(0);

        Regex.IsMatch(Stdout.ToString(), @"--branding FILE +the practice letterhead of the HTML report").Should().BeTrue(Stdout.ToString());
    }

    [Test]
    public void Hostile_subject_id_cannot_leave_the_page_box_string_or_the_style_element()
    {
        const string subject = "P\"; } body { background: url(https://example.com/x.png) } @page { content: \"</style><script>alert(1)</script>";
        var panel = "subject_id: '" + subject.Replace("'", "''", StringComparison.Ordinal) + "'\nlab: ARL\nunit: mg%\n";
        var older = Write("old.yaml", "sample_id: S-1\ncollected: 2025-01-01\n" + panel + "measurements:\n  - { element: Ca, value: 96 }\n  - { element: K, value: 6 }\n");
        var newer = Write("new.yaml", "sample_id: S-2\ncollected: 2025-06-01\n" + panel + "measurements:\n  - { element: Ca, value: 72 }\n  - { element: K, value: 8 }\n");

        var exitCode = Run("compare", older, newer, "--format", "html", "--branding", SampleBranding);

        exitCode.Should().Be(0, Stderr.ToString());
        var html = Stdout.ToString();
        Regex.Count(html, "</style>").Should().Be(1);
        html.Should().NotContain("<script");
        var style = html[html.IndexOf("<style>", StringComparison.Ordinal)..html.IndexOf("</style>", StringComparison.Ordinal)];
        Regex.Replace(style, @"""(?:[^""\\]|\\.)*""", "\"\"").Should().NotContain("url(https", "the subject id stays inside its CSS string");
        html.Should().Contain("@top-right { content: " + HtmaInterpreter.Reports.HtmlDocument.CssString("HTMA retest comparison · subject " + subject) + ";");
    }
}
