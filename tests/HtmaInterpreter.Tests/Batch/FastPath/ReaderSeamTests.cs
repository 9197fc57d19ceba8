using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Batch.FastPath;

/// <summary>
/// The reader's side of the fast path's seam (<see cref="IPlainRecordSink"/>): any sink may take records; the sample-id
/// check still spans the records it takes and those the reader reads, and a record handed back is read as any other.
/// </summary>
public class ReaderSeamTests
{
    private const string Csv =
        "sample_id,lab,Ca (mg%),K (mg%)\n"
        + "T-1,ARL,40,10\n" // 2: taken
        + "G-1,ARL,41,9\n" // 3: left to the reader
        + "T-1,ARL,42,8\n" // 4: its id repeats: handed back
        + "G-1,ARL,43,7\n" // 5: read by the reader, its id repeats
        + ",,,\n" // 6: blank, skipped by the sink
        + "T-2,ARL,44,6\n"; // 7: taken

    [Test]
    public void Records_a_sink_takes_and_those_the_reader_reads_share_one_sample_id_check()
    {
        var sink = new TakeT();
        using var source = CsvSource.Open(new StringReader(Csv), "f.csv", [])!;

        var items = CsvPanelReader.ReadWide(source, "f.csv", ElementCatalog.Default, sink).ToList();

        sink.Taken.Should().Equal((2, "T-1,ARL,40,10"), (7, "T-2,ARL,44,6"));
        items.Select(i => i.Panel!.SampleId).Should().Equal("G-1", "T-1", "G-1");
        items[0].Diagnostics.Should().BeEmpty();
        items[1].Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.DuplicateSampleId && d.Location.Line == 4 && d.Message.Contains("on line 2 and again on line 4"));
        items[1].Panel!.Measurements.Should().Contain(m => m.ReportedName.StartsWith("Ca") && m.Amount.Value == 42m);
        items[2].Diagnostics.Should().ContainSingle().Which.Should().Match<Diagnostic>(d =>
            d.Code == DiagnosticCodes.DuplicateSampleId && d.Location.Line == 5 && d.Message.Contains("on line 3 and again on line 5"));
    }

    /// <summary>Takes the records whose sample id starts with T, as the fast path's sink takes plain ones.</summary>
    private sealed class TakeT : IPlainRecordSink
    {
        private WideRecords? _records;

        public List<(int Line, string Text)> Taken { get; } = [];

        public bool Start(WideRecords records)
        {
            _records = records;
            return true;
        }

        public bool TryTake(ReadOnlySpan<byte> raw, int line, out PanelReadItem? item)
        {
            item = null;
            var text = Encoding.ASCII.GetString(raw);
            if (text.Trim(',').Length == 0)
            {
                return true;
            }

            if (!text.StartsWith('T'))
            {
                return false;
            }

            if (_records!.CountTaken(raw[..raw.IndexOf((byte)',')], line))
            {
                Taken.Add((line, text));
            }
            else
            {
                item = _records.ReadHere(new SplitRecord(text, line));
            }

            return true;
        }
    }

    private sealed class SplitRecord(string text, int line) : IWideRecord
    {
        private readonly string[] _fields = text.Split(',');

        public int Line => line;

        public int FieldCount => _fields.Length;

        public string? Get(int index) => index < _fields.Length && _fields[index].Length > 0 ? _fields[index] : null;

        public SourceLocation FieldLocation(int index, string? field) => new("f.csv", line, 1, field);
    }
}
