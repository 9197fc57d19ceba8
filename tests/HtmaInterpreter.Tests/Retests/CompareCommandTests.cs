using System.Text.Json;
using HtmaInterpreter.Cli;
using HtmaInterpreter.Tests.Cli;

namespace HtmaInterpreter.Tests.Retests;

public class CompareCommandTests : CommandTestBase
{
    private static readonly string Old = TestPaths.Sample("retest-P-0009-2025-10-06.csv");
    private static readonly string New = TestPaths.Sample("retest-P-0009-2026-02-09.yaml");

    [Test]
    public void Sample_pair_as_text_shows_elements_ratios_oxidation_and_balance()
    {
        var exitCode = Run("compare", Old, New);

        exitCode.Should().Be(0, Stderr.ToString());
        var text = Stdout.ToString();
        text.Should().Contain("HTMA retest comparison: subject P-0009");
        text.Should().MatchRegex(@"\n  Ca +ideal 40 +96 +72 +-24 +-25\.0 % +toward\n");
        text.Should().MatchRegex(@"\n  Pb +toxic: lower is better +0\.012 +0\.035 +\+0\.023 +\+191\.7 % +away\n");
        text.Should().MatchRegex(@"\n  Ca/K +ideal 4 +16 +9 +-7 +-43\.8 % +toward\n");
        text.Should().Contain("test 1 → 2: slow (mild), unchanged");
        text.Should().Contain("TRENDS: need three or more dated tests.");
        text.Should().Contain("BALANCE DISTANCE");
        text.Should().Contain("[info] test 1 → 2: Lead rose from a low level: possible elimination (retest-toxic-rise-elimination)");
        text.Should().Contain("previous.Pb = 0.012 mg%");
        text.Should().NotContain("Cadmium rose", "cadmium did not change (and ARL publishes no cadmium limit)");
    }

    [Test]
    public void Sample_pair_as_json_has_a_schema_version_and_every_series()
    {
        var exitCode = Run("compare", New, Old, "--format", "json");

        exitCode.Should().Be(0, Stderr.ToString());
        using var json = JsonDocument.Parse(Stdout.ToString());
        var root = json.RootElement;
        root.GetProperty("schemaVersion").GetInt32().Should().Be(1);
        root.GetProperty("kind").GetString().Should().Be("retest-comparison");
        root.GetProperty("definitions").GetProperty("daysPerMonth").GetDouble().Should().Be(30.4375);
        root.GetProperty("tests").EnumerateArray().Select(t => t.GetProperty("sampleId").GetString()).Should().Equal("S-2025-0930", "S-2026-0108");
        var pb = root.GetProperty("elements").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "Pb");
        pb.GetProperty("values").EnumerateArray().Select(v => v.GetDouble()).Should().Equal(0.012, 0.035);
        pb.GetProperty("overall").GetProperty("direction").GetString().Should().Be("away");
        pb.GetProperty("reference").GetProperty("kind").GetString().Should().Be("lower-is-better");
        pb.GetProperty("trend").ValueKind.Should().Be(JsonValueKind.Null);
        root.GetProperty("transitions")[0].GetProperty("rateReversed").GetBoolean().Should().BeFalse();
        var lead = root.GetProperty("findings").EnumerateArray().Single(f => f.GetProperty("subject").GetString() == "Pb");
        lead.GetProperty("id").GetString().Should().Be("retest-toxic-rise-elimination");
        lead.GetProperty("previous").GetInt32().Should().Be(0);
        lead.GetProperty("current").GetInt32().Should().Be(1);
        lead.GetProperty("source").GetString().Should().Contain("retests");
        root.GetProperty("tests")[1].GetProperty("balanceDistance").GetProperty("value").GetDouble().Should().BeLessThan(
            root.GetProperty("tests")[0].GetProperty("balanceDistance").GetProperty("value").GetDouble());
    }

    [Test]
    public void Html_is_self_contained_with_side_by_side_bars_sparklines_and_escaped_text()
    {
        var older = Write("old.yaml", "sample_id: \"<script>alert(1)</script>\"\nsubject_id: P-7\nlab: ARL\ncollected: 2025-01-01\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 96 }\n  - { element: K, value: 6 }\n  - { element: Na, value: 8 }\n  - { element: Mg, value: 11 }\n");
        var newer = Write("new.yaml", "sample_id: S-2\nsubject_id: P-7\nlab: ARL\ncollected: 2025-06-01\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 72 }\n  - { element: K, value: 8 }\n  - { element: Na, value: 14 }\n  - { element: Mg, value: 9 }\n");
        var outFile = Path.Combine(Folder, "report.html");

        var exitCode = Run("compare", older, newer, "--format", "html", "--out", outFile);

        exitCode.Should().Be(0, Stderr.ToString());
        Stdout.ToString().Should().BeEmpty();
        var html = File.ReadAllText(outFile);
        html.Should().StartWith("<!DOCTYPE html>");
        html.Should().NotContain("<script");
        html.Should().Contain("&lt;script&gt;alert(1)&lt;/script&gt;");
        html.Should().NotContain("<link").And.NotContain("src=\"http");
        html.Should().Contain("<style>");
        html.Should().Contain("<polyline"); // key-ratio sparklines
        var caRow = html[html.IndexOf("<td>Ca</td>", StringComparison.Ordinal)..];
        caRow = caRow[..caRow.IndexOf("</tr>", StringComparison.Ordinal)];
        System.Text.RegularExpressions.Regex.Count(caRow, "<rect class=\"cmp-bar\"").Should().Be(2, "one bar per test, side by side");
        caRow.Should().Contain("class=\"toward\"");
    }

    [Test]
    public void Markdown_has_tables_and_sections()
    {
        var exitCode = Run("compare", Old, New, "--format", "markdown");

        exitCode.Should().Be(0, Stderr.ToString());
        var md = Stdout.ToString();
        md.Should().StartWith("# HTMA retest comparison: subject P-0009");
        md.Should().Contain("## Elements").And.Contain("## Ratios").And.Contain("## Retest findings").And.Contain("## Balance distance");
        md.Should().Contain("| Ca | ideal 40 | 96 | 72 | -24 | -25.0 % | toward |");
    }

    [Test]
    public void Three_files_show_trends()
    {
        var third = Write("third.yaml", "sample_id: S-3\nsubject_id: P-0009\nlab: ARL\ncollected: 2026-06-09\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 48 }\n  - { element: Mg, value: 7 }\n  - { element: Na, value: 20 }\n  - { element: K, value: 10 }\n");

        var exitCode = Run("compare", Old, New, third);

        exitCode.Should().Be(0, Stderr.ToString());
        var text = Stdout.ToString();
        text.Should().Contain("TRENDS (least-squares slope per month of 30.4375 days");
        text.Should().MatchRegex(@"\n  Ca +-\d+\.\d+ mg%/month +[01]\.\d{3} +3\n");
        text.Should().Contain("each step");
        text.Should().MatchRegex(@"\n  Cu +no ideal +1\.9 +2\.3 +- +- +- +- +no ideal, -\n", "an element missing on the third test is shown with a dash");
    }

    [Test]
    public void A_single_panel_is_a_usage_error()
    {
        var exitCode = Run("compare", Old);

        exitCode.Should().Be(2);
        Stderr.ToString().Should().Contain("HTMA0801").And.Contain("at least two panels");
    }

    [Test]
    public void No_file_is_a_usage_error()
    {
        Run("compare").Should().Be(2);
        Run("compare", Old, New, "--format", "pdf").Should().Be(2);
    }

    [Test]
    public void Panels_of_different_people_exit_1()
    {
        var other = Write("other.yaml", "sample_id: S-9\nsubject_id: P-0010\nlab: ARL\ncollected: 2026-03-01\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 50 }\n");

        var exitCode = Run("compare", Old, other);

        exitCode.Should().Be(1);
        Stderr.ToString().Should().Contain("HTMA0802");
        Stdout.ToString().Should().BeEmpty();
    }

    [Test]
    public void The_same_date_twice_is_a_warning_with_exit_0()
    {
        var same = Write("same.yaml", "sample_id: S-9\nsubject_id: P-0009\nlab: ARL\ncollected: 2025-10-06\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 50 }\n");

        var exitCode = Run("compare", Old, same);

        exitCode.Should().Be(0, Stderr.ToString());
        Stdout.ToString().Should().Contain("warning HTMA0803");
    }

    [Test]
    public void Help_lists_compare()
    {
        Run("--help").Should().Be(0);
        Stdout.ToString().Should().Contain("compare");
        Run("compare", "--help").Should().Be(0);
        Stdout.ToString().Should().Contain("usage: htma compare OLD NEW");
    }
}
