using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>
/// The <c># key: value</c> lines before a CSV header are kept until the header is read: at most
/// <see cref="InputLimits.MaxMetadataLines"/> of them; past that the file is not read, whatever follows.
/// </summary>
public sealed class CsvMetadataLimitTests
{
    /// <summary>
    /// A one-report CSV with <paramref name="count"/> metadata lines (sample_id, then unknown keys), a comment and a blank
    /// line after every hundredth (not counted), then the header and one measurement.
    /// </summary>
    private static string LongCsv(int count)
    {
        var csv = new StringBuilder("# sample_id: S-1\n");
        for (var i = 1; i < count; i++)
        {
            csv.Append(CultureInfo.InvariantCulture, $"# k{i}: v{i}\n");
            if (i % 100 == 0)
            {
                csv.Append("# a comment, not metadata\n\n");
            }
        }

        return csv.Append("element,value,unit\nCa,40,mg%\n").ToString();
    }

    /// <summary>The 1-based line of the <paramref name="n"/>th metadata line of <see cref="LongCsv"/>.</summary>
    private static int MetadataLine(int n) => n + (2 * Math.Max(0, (n - 2) / 100));

    [Test]
    public void A_csv_with_metadata_lines_at_the_limit_is_read_and_keeps_every_one()
    {
        var result = Read(LongCsv(InputLimits.MaxMetadataLines), "meta.csv");

        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TooManyMetadataLines);
        var panel = Single(result);
        panel.SampleId.Should().Be("S-1");
        panel.Find("Ca")!.Amount.Value.Should().Be(40m);
        var last = $"k{InputLimits.MaxMetadataLines - 1}";
        panel.ExtraFields.Should().HaveCount(InputLimits.MaxMetadataLines - 1).And.ContainKey(last);
        result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownField).Should().HaveCount(InputLimits.MaxMetadataLines - 1)
            .And.Contain(d => d.Location.Line == MetadataLine(InputLimits.MaxMetadataLines) && d.Location.Field == last);
    }

    [Test]
    public void A_csv_with_one_metadata_line_past_the_limit_is_not_read_and_the_error_is_at_that_line()
    {
        var result = Read(LongCsv(InputLimits.MaxMetadataLines + 1), "meta.csv");

        var error = result.Diagnostics.Should().ContainSingle("the file is not read: nothing else is reported").Subject;
        error.Code.Should().Be(DiagnosticCodes.TooManyMetadataLines);
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.Should().Be(new SourceLocation("meta.csv", MetadataLine(InputLimits.MaxMetadataLines + 1), 1));
        error.Message.Should().Contain(InputLimits.MaxMetadataLines.ToString("N0", CultureInfo.InvariantCulture)).And.Contain("not read");
        result.Value.Should().BeEmpty();
    }

    [Test]
    public void Endless_metadata_lines_are_read_no_further_than_the_line_past_the_limit()
    {
        using var endless = new EndlessMetadata();

        var items = Reader.ReadWideCsvStream(endless, "endless.csv").ToList();

        var error = items.Should().ContainSingle().Subject.Diagnostics.Should().ContainSingle().Subject;
        error.Code.Should().Be(DiagnosticCodes.TooManyMetadataLines);
        error.Location.Line.Should().Be(InputLimits.MaxMetadataLines + 1);
        endless.LinesStarted.Should().Be(InputLimits.MaxMetadataLines + 1, "nothing past the line over the limit is read");
    }

    /// <summary>A reader of <c># kN: value</c> lines without end, counting the lines it has begun to give.</summary>
    private sealed class EndlessMetadata : TextReader
    {
        private string _line = "";
        private int _at;

        public int LinesStarted { get; private set; }

        public override int Peek() => Current();

        public override int Read()
        {
            var c = Current();
            _at++;
            return c;
        }

        private char Current()
        {
            if (_at == _line.Length)
            {
                _line = string.Create(CultureInfo.InvariantCulture, $"# k{LinesStarted}: value\n");
                _at = 0;
                LinesStarted++;
            }

            return _line[_at];
        }
    }
}
