using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>
/// A CSV record longer than <see cref="InputLimits.MaxRecordCharacters"/> (usually a quote never closed) is skipped
/// with <see cref="DiagnosticCodes.RecordTooLong"/> at the line and column where it started, and reading resumes at the
/// line after its first line.
/// </summary>
public sealed class RecordLimitTests
{
    internal const string Header = "sample_id,lab,Ca (mg%),K (mg%)";

    /// <summary>
    /// Line 2 opens a quote in the lab field that closes on line 4: one record of exactly <paramref name="length"/>
    /// characters (without its line break); line 5 is a plain row.
    /// </summary>
    internal static string QuoteAcrossLines(int length, string lineBreak = "\n")
    {
        var after = lineBreak + "R-2,ARL,41,9" + lineBreak + "R-3,ARL,42,8\",40,10";
        var padding = length - "R-1,\"".Length - after.Length;
        return Header + lineBreak + "R-1,\"" + new string('a', padding) + after + lineBreak + "R-4,ARL,43,7" + lineBreak;
    }

    private static List<PanelReadItem> ReadWide(string csv)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(csv));
        return Reader.ReadWideCsvStream(stream, "long.csv").ToList();
    }

    [Test]
    public void A_record_of_exactly_the_limit_is_read_as_one_record()
    {
        var items = ReadWide(QuoteAcrossLines(InputLimits.MaxRecordCharacters));

        items.SelectMany(i => i.Diagnostics).Should().NotContain(d => d.Code == DiagnosticCodes.RecordTooLong);
        items.Where(i => i.Panel is not null).Select(i => (i.Panel!.SampleId, i.Panel.Find("Ca")!.Amount.Value))
            .Should().Equal(("R-1", 40m), ("R-4", 43m));
    }

    [TestCase("\n")]
    [TestCase("\r\n")]
    public void A_record_one_past_the_limit_is_skipped_and_reading_resumes_at_its_second_line(string lineBreak)
    {
        var items = ReadWide(QuoteAcrossLines(InputLimits.MaxRecordCharacters + 1, lineBreak));

        var tooLong = items.SelectMany(i => i.Diagnostics).Where(d => d.Code == DiagnosticCodes.RecordTooLong).ToList();
        tooLong.Should().ContainSingle();
        tooLong[0].Severity.Should().Be(DiagnosticSeverity.Error);
        tooLong[0].Location.Should().Be(new SourceLocation("long.csv", 2, 5, "lab"));
        tooLong[0].Message.Should().Contain(InputLimits.MaxRecordCharacters.ToString("N0", CultureInfo.InvariantCulture))
            .And.Contain("quote").And.Contain("next line");

        // Line 3 is a row again; line 4 has the closing quote, now a stray one in K; line 5 is a row.
        var panels = items.Where(i => i.Panel is not null).Select(i => i.Panel!).ToList();
        panels.Select(p => p.SampleId).Should().Equal("R-2", "R-3", "R-4");
        panels[0].Find("Ca")!.Amount.Value.Should().Be(41m);
        panels[0].Find("Ca")!.Source!.Line.Should().Be(3);
        panels[2].Find("Ca")!.Source!.Line.Should().Be(5);
        items.SelectMany(i => i.Diagnostics).Should().Contain(d => d.Code == DiagnosticCodes.MalformedQuoting && d.Location.Line == 4);
    }

    [Test]
    public void A_quote_never_closed_in_the_first_row_loses_only_that_row()
    {
        var csv = new StringBuilder(Header).Append("\nQ-1,\"ARL,40,10\n");
        var rows = 0;
        while (csv.Length < 2 * InputLimits.MaxRecordCharacters)
        {
            rows++;
            csv.Append(CultureInfo.InvariantCulture, $"G-{rows},ARL,{40 + (rows % 50)},10\n");
        }

        var items = ReadWide(csv.ToString());

        items.SelectMany(i => i.Diagnostics).Should().ContainSingle()
            .Which.Location.Should().Be(new SourceLocation("long.csv", 2, 5, "lab"));
        items.SelectMany(i => i.Diagnostics).Single().Code.Should().Be(DiagnosticCodes.RecordTooLong);
        var panels = items.Where(i => i.Panel is not null).Select(i => i.Panel!).ToList();
        panels.Should().HaveCount(rows);
        panels[^1].SampleId.Should().Be($"G-{rows}");
        panels[^1].Find("Ca")!.Source!.Line.Should().Be(rows + 2);
    }

    [TestCase(0, false)]
    [TestCase(1, true)]
    public void A_line_too_long_without_quotes_is_skipped_up_to_its_end(int past, bool skipped)
    {
        // A row padded with empty fields to the limit (ragged, but read) or one character past it (skipped; the field
        // there is past the header's, so the location names none).
        var row = "L-1,ARL,40,10";
        row += new string(',', InputLimits.MaxRecordCharacters + past - row.Length);
        var items = ReadWide(Header + "\n" + row + "\nL-2,ARL,41,9\n");

        var panels = items.Where(i => i.Panel is not null).Select(i => i.Panel!.SampleId).ToList();
        var tooLong = items.SelectMany(i => i.Diagnostics).Where(d => d.Code == DiagnosticCodes.RecordTooLong).ToList();
        if (skipped)
        {
            panels.Should().Equal("L-2");
            tooLong.Should().ContainSingle().Which.Location.Should().Be(new SourceLocation("long.csv", 2, InputLimits.MaxRecordCharacters + 1, null));
        }
        else
        {
            panels.Should().Equal("L-1", "L-2");
            tooLong.Should().BeEmpty();
        }
    }

    [Test]
    public void A_comment_line_too_long_is_skipped_without_a_diagnostic()
    {
        var items = ReadWide(Header + "\n# \"" + new string('c', InputLimits.MaxRecordCharacters) + "\nC-1,ARL,41,9\n");

        items.SelectMany(i => i.Diagnostics).Should().BeEmpty();
        items.Single(i => i.Panel is not null).Panel!.Find("Ca")!.Source!.Line.Should().Be(3);
    }

    [Test]
    public void A_long_layout_csv_resumes_after_a_runaway_quote_too()
    {
        var csv = "# sample_id: S-1\nelement,value,unit\nCa,\"40," + new string('9', InputLimits.MaxRecordCharacters) + "\nMg,10,mg%\nK,10,mg%\n";

        var result = Read(csv, "long-layout.csv");

        SingleWithCode(result, DiagnosticCodes.RecordTooLong).Location.Should().Be(new SourceLocation("long-layout.csv", 3, 4, "value"));
        var panel = Single(result);
        panel.Find("Mg")!.Amount.Value.Should().Be(10m);
        panel.Find("K")!.Source!.Line.Should().Be(5);
        panel.Find("Ca").Should().BeNull();
    }

    [Test]
    public void The_record_reader_gives_records_as_they_are_and_holds_at_most_one()
    {
        // Quoted line breaks (\n, \r\n, \r), escaped quotes, text after a closing quote, comments and empty lines pass
        // through unchanged when no record is too long.
        const string text = "a,\"b\r\nc\",d\n\"e\"\"f\",g\rh,\"i\"j\"k,l\n# \"x\n\n\"m\rn\",o";
        using var reader = new BoundedRecordReader(new StringReader(text), ',', firstLine: 2, limit: 16);
        reader.ReadToEnd().Should().Be(text);
        reader.TooLong.Should().BeEmpty();

        // With a limit of 8: the first record (10 characters, line 2) becomes a line break and its second line is read
        // as a record; "e""f",g (8) fits; h,"i"j"k,l (10, line 5: its quote is closed, it is too long at column 9) is
        // skipped to its end; the comment, the empty line and the last record pass.
        using var limited = new BoundedRecordReader(new StringReader(text), ',', firstLine: 2, limit: 8);
        limited.ReadToEnd().Should().Be("\r\nc\",d\n\"e\"\"f\",g\r\r\n# \"x\n\n\"m\rn\",o");
        limited.TooLong.Should().Equal(new TooLongRecord(2, 3, 1), new TooLongRecord(5, 9, 1));
    }
}
