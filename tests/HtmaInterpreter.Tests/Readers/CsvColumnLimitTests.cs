using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Diagnostics;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>The CSV header: at most <see cref="InputLimits.MaxColumns"/> columns, read in time linear in its length.</summary>
public sealed class CsvColumnLimitTests
{
    /// <summary>A long-layout header of <paramref name="columns"/> columns: element, value, unit, then unknown ones.</summary>
    private static string LongHeader(int columns, char separator = ',') =>
        string.Join(separator, new[] { "element", "value", "unit" }.Concat(Enumerable.Range(0, columns - 3).Select(i => $"x{i}")));

    /// <summary>A wide-layout header of <paramref name="columns"/> columns: sample_id, two elements, then unknown ones.</summary>
    private static string WideHeader(int columns) =>
        string.Join(',', new[] { "sample_id", "Ca (mg%)", "Mg (mg%)" }.Concat(Enumerable.Range(0, columns - 3).Select(i => $"x{i}")));

    /// <summary>Where column <paramref name="index"/> (0-based) of a comma-separated header starts, 1-based.</summary>
    private static int ColumnStart(string header, int index)
    {
        var column = 1;
        for (var i = 0; i < index; i++)
        {
            column = header.IndexOf(',', column - 1) + 2;
        }

        return column;
    }

    [Test]
    public void A_long_csv_header_at_the_limit_is_read_and_every_unknown_column_is_located()
    {
        var header = LongHeader(InputLimits.MaxColumns);
        var result = Read($"# sample_id: S\n{header}\nCa,40,mg%\n", "long.csv");

        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TooManyColumns);
        Single(result).Find("Ca")!.Amount.Value.Should().Be(40m);
        var unknown = result.Diagnostics.Where(d => d.Code == DiagnosticCodes.UnknownField).ToList();
        unknown.Should().HaveCount(InputLimits.MaxColumns - 3);
        var last = unknown[^1];
        last.Location.Line.Should().Be(2);
        last.Location.Column.Should().Be(ColumnStart(header, InputLimits.MaxColumns - 1));
        last.Location.Field.Should().Be($"x{InputLimits.MaxColumns - 4}");
    }

    [Test]
    public void A_long_csv_header_one_column_past_the_limit_is_rejected_at_the_first_column_too_many()
    {
        var header = LongHeader(InputLimits.MaxColumns + 1);
        var result = Read($"# sample_id: S\n{header}\nCa,40,mg%\n", "long.csv");

        var error = SingleWithCode(result, DiagnosticCodes.TooManyColumns);
        error.Severity.Should().Be(DiagnosticSeverity.Error);
        error.Location.Should().Be(new Diagnostics.SourceLocation("long.csv", 2, ColumnStart(header, InputLimits.MaxColumns)));
        error.Message.Should().Contain(InputLimits.MaxColumns.ToString("N0", System.Globalization.CultureInfo.InvariantCulture)).And.Contain("not read");
        result.Diagnostics.Should().ContainSingle("the file is not read: nothing else is reported");
        result.Value.Should().BeEmpty();
    }

    [Test]
    public void A_semicolon_or_tab_separated_header_is_limited_alike()
    {
        foreach (var separator in new[] { ';', '\t' })
        {
            Read($"{LongHeader(InputLimits.MaxColumns, separator)}\nCa{separator}40{separator}mg%\n", "at.csv").Diagnostics
                .Should().NotContain(d => d.Code == DiagnosticCodes.TooManyColumns);
            SingleWithCode(Read($"{LongHeader(InputLimits.MaxColumns + 1, separator)}\nCa{separator}40{separator}mg%\n", "past.csv"), DiagnosticCodes.TooManyColumns);
        }
    }

    [Test]
    public void Separators_inside_quotes_and_in_comment_lines_are_not_columns()
    {
        var manyCommas = new string(',', InputLimits.MaxColumns * 2);
        var result = Read($"# note: {manyCommas}\n# {manyCommas}\nelement,value,unit,\"{manyCommas}\"\nCa,40,mg%\n", "quoted.csv");

        result.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TooManyColumns);
        Single(result).Find("Ca").Should().NotBeNull();
    }

    [Test]
    public void A_wide_csv_at_the_limit_is_read_and_one_column_past_it_is_not_by_any_reader()
    {
        var atLimit = $"{WideHeader(InputLimits.MaxColumns)}\nW-1,40,10{new string(',', InputLimits.MaxColumns - 3)}\n";
        var pastHeader = WideHeader(InputLimits.MaxColumns + 1);
        var pastLimit = $"{pastHeader}\nW-1,40,10{new string(',', InputLimits.MaxColumns - 2)}\n";
        var expected = new Diagnostics.SourceLocation("wide.csv", 1, ColumnStart(pastHeader, InputLimits.MaxColumns));

        var read = Read(atLimit, "wide.csv");
        read.Diagnostics.Should().NotContain(d => d.Code == DiagnosticCodes.TooManyColumns || d.Severity == DiagnosticSeverity.Error);
        Single(read).Find("Mg")!.Amount.Value.Should().Be(10m);
        SingleWithCode(Read(pastLimit, "wide.csv"), DiagnosticCodes.TooManyColumns).Location.Should().Be(expected);

        // Streamed, and in a batch (whose line scanner reads the header on its own).
        var streamed = Reader.ReadWideCsvStream(new MemoryStream(Encoding.UTF8.GetBytes(pastLimit)), "wide.csv").ToList();
        streamed.Should().ContainSingle().Which.Diagnostics.Should().ContainSingle().Which.Location.Should().Be(expected);
        var results = ReaderTestSupport.RunBatchBothWays(pastLimit, "wide.csv");
        results.Should().ContainSingle().Which.ReadDiagnostics.Should().ContainSingle(d => d.Code == DiagnosticCodes.TooManyColumns)
            .Which.Location.Should().Be(expected);
        results[0].HasErrors.Should().BeTrue();
        ReaderTestSupport.RunBatchBothWays(atLimit, "wide.csv").Should().ContainSingle(r => r.IsInterpreted);
    }

    [Test]
    public void A_header_of_endless_columns_is_rejected_after_reading_little_of_it()
    {
        foreach (var batch in new bool?[] { null, true, false })
        {
            using var endless = new EndlessHeader(batch is null ? "element,value,unit," : "sample_id,");
            var diagnostics = batch is { } useFastPath
                ? new BatchInterpreter(Interpreter.Default, new BatchOptions { UseFastPath = useFastPath }).RunWideCsv(endless, "endless.csv").SelectMany(r => r.ReadDiagnostics).ToList()
                : Reader.Read(endless, "endless.csv").Diagnostics.ToList();

            diagnostics.Should().ContainSingle().Which.Code.Should().Be(DiagnosticCodes.TooManyColumns);
            endless.BytesRead.Should().BeLessThan(InputLimits.MaxRecordCharacters * 2, "the header is read only up to the limit (plus a read buffer)");
        }

        ReaderTestSupport.RunBatchBothWays(() => new EndlessHeader("sample_id,"), "endless.csv").Should().ContainSingle();
    }

    [Test]
    public void A_line_before_the_records_longer_than_a_record_may_be_is_rejected()
    {
        var atLimit = "# note: " + new string('a', InputLimits.MaxRecordCharacters - "# note: ".Length);
        Read($"{atLimit}\nelement,value,unit\nCa,40,mg%\n", "ok.csv").Diagnostics
            .Should().NotContain(d => d.Code == DiagnosticCodes.RecordTooLong);

        var result = Read($"{atLimit}a\nelement,value,unit\nCa,40,mg%\n", "long-line.csv");
        var error = SingleWithCode(result, DiagnosticCodes.RecordTooLong);
        error.Location.Should().Be(new Diagnostics.SourceLocation("long-line.csv", 1, InputLimits.MaxRecordCharacters + 1));
        result.Value.Should().BeEmpty();
    }

    /// <summary>A stream of a header line that never ends: a column name followed by <c>,x</c> forever.</summary>
    private sealed class EndlessHeader(string start) : Stream
    {
        private readonly byte[] _start = Encoding.ASCII.GetBytes(start);

        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            for (var i = 0; i < count; i++)
            {
                var at = BytesRead + i;
                buffer[offset + i] = at < _start.Length ? _start[at] : (at - _start.Length) % 2 == 0 ? (byte)'x' : (byte)',';
            }

            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
