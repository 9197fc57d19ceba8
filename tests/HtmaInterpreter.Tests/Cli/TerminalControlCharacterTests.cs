using System.Text.RegularExpressions;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Reports;

namespace HtmaInterpreter.Tests.Cli;

/// <summary>
/// Control characters from the input (ESC and BEL can retitle a terminal) are shown escaped in every text a terminal
/// gets: the text report, <c>htma show</c>, the comparison's text report and diagnostics on standard error.
/// </summary>
public sealed partial class TerminalControlCharacterTests : CommandTestBase
{
    // ESC ] 0 ; title BEL sets the terminal's title; U+202E reverses what follows; U+009B is the C1 form of ESC [.
    private const string Hostile = "S-1\u001b]0;pwned\u0007\u202Egnp.exe\u009B2J\u007F";
    private const string Escaped = @"S-1\u001B]0;pwned\u0007\u202Egnp.exe\u009B2J\u007F";

    /// <summary>Any control character a terminal acts on, other than line feed, and the bidirectional overrides and isolates.</summary>
    [GeneratedRegex("[\u0000-\u0009\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex Unsafe();

    /// <summary>The same, allowing the colour codes (ESC [ digits m) the text report adds itself.</summary>
    [GeneratedRegex("\u001b(?!\\[[0-9;]*m)|[\u0000-\u0009\u000B-\u001A\u001C-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]")]
    private static partial Regex UnsafeBesidesColour();

    [TestCase("\u001b", @"\u001B")]
    [TestCase("a\u0007b", @"a\u0007b")]
    [TestCase("\u007f\u0080\u009f", @"\u007F\u0080\u009F")]
    [TestCase("\u202A\u202E\u2066\u2069", @"\u202A\u202E\u2066\u2069")]
    [TestCase("tab\tline\nreturn\r", @"tab\u0009line\u000Areturn\u000D")]
    [TestCase("Doctor’s Data µg/g – ≤", "Doctor’s Data µg/g – ≤")]
    public void Escape_writes_every_control_and_override_character_visibly(string text, string expected)
    {
        TerminalText.Escape(text).Should().Be(expected);
        TerminalText.Escape(expected).Should().Be(expected, "escaping twice changes nothing");
    }

    [Test]
    public void Escape_keeps_tabs_and_line_feeds_in_running_text_and_returns_clean_text_itself()
    {
        TerminalText.Escape("a\tb\nc\rd\u001b", keepLineBreaks: true).Should().Be("a\tb\nc\\u000Dd\\u001B");
        const string clean = "S-2026-0101 Ca 40 mg%";
        TerminalText.Escape(clean).Should().BeSameAs(clean);
        TerminalText.Escape(null).Should().BeEmpty();
    }

    [Test]
    public void Show_and_the_text_report_escape_a_hostile_sample_id_column_and_element_name()
    {
        var path = Write("hostile.csv", $"sample_id,lab,Ca (mg%),Mg (mg%),\u001b[2Jx\n{Hostile},ARL,40,10,1\n");

        Run("show", path);
        var shown = Stdout.ToString();
        shown.Should().Contain($"panel {Escaped}").And.Contain(@"\u001B[2Jx");
        Unsafe().IsMatch(shown).Should().BeFalse(shown);

        foreach (var color in new[] { false, true })
        {
            var read = new PanelReader().ReadFile(path);
            var interpretation = Interpreter.Default.Interpret(read.Value![0]);
            var report = TextReport.Render(interpretation, read.Diagnostics, new ReportOptions { UseColor = color });
            report.Should().Contain(Escaped);
            UnsafeBesidesColour().IsMatch(report).Should().BeFalse(report);
        }
    }

    [Test]
    public void Interpret_and_compare_escape_hostile_text_and_so_do_diagnostics_on_standard_error()
    {
        var first = Write("first.csv", $"# sample_id: {Hostile}\n# subject_id: P\u0007-1\n# collected: 2026-01-01\nelement,value,unit\nCa,40,mg%\nMg,10,mg%\nNa,20,mg%\nK,10,mg%\nZz\u001b,1,mg%\n");
        var second = Write("second.csv", "# sample_id: S-2\n# subject_id: P\u0007-1\n# collected: 2026-03-01\nelement,value,unit\nCa,42,mg%\nMg,10,mg%\nNa,20,mg%\nK,10,mg%\n");

        Run("interpret", first);
        Stdout.ToString().Should().Contain(Escaped).And.Contain(@"Zz\u001B");
        Unsafe().IsMatch(Stdout.ToString()).Should().BeFalse(Stdout.ToString());

        Stdout.GetStringBuilder().Clear();
        Run("compare", first, second);
        Stdout.ToString().Should().Contain(@"P\u0007-1");
        Unsafe().IsMatch(Stdout.ToString()).Should().BeFalse(Stdout.ToString());

        var wide = Write("wide.csv", $"sample_id,Ca (mg%),Mg (mg%),Na (mg%),K (mg%),\u001b]0;x\u0007\n{Hostile},40,10,20,abc,1\n");
        Run("batch", wide);
        Stderr.ToString().Should().Contain("HTMA0204").And.Contain(@"\u001B]0;x\u0007");
        Unsafe().IsMatch(Stderr.ToString()).Should().BeFalse(Stderr.ToString());
    }

    [Test]
    public void Rules_list_escapes_a_hostile_title_category_and_condition()
    {
        // A condition's words may be parted by any white space, some of which (U+000B, U+0085) are control characters.
        var folder = Path.Combine(Folder, "rules");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, "hostile.yaml"), """
            rules:
              - id: hostile
                title: "Calcium \e]0;pwned\a shell"
                category: "test\u202Egnp"
                severity: info
                source: intro
                explanation: E.
                when: "Ca is\vwithin\Nor Mg is within"

            """.ReplaceLineEndings("\n"));

        Run("rules", "list", folder).Should().Be(0, Stderr.ToString());

        var listed = Stdout.ToString();
        listed.Should().Contain(@"Calcium \u001B]0;pwned\u0007 shell").And.Contain(@"test\u202Egnp").And.Contain(@"when: Ca is\u000Bwithin or Mg is within", "a line break (here U+0085) in a condition is listed as a space");
        Unsafe().IsMatch(listed).Should().BeFalse(listed);
    }
}
