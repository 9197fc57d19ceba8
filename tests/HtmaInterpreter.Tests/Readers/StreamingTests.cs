using System.Diagnostics;
using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using HtmaInterpreter.Readers;
using static HtmaInterpreter.Tests.Readers.ReaderTestSupport;

namespace HtmaInterpreter.Tests.Readers;

public class StreamingTests
{
    private const string Header =
        "sample_id,lab,sex,age,collected,treatment,Ca (mg%),Mg (mg%),Na (mg%),K (mg%),Cu (mg%),Zn (mg%),P (mg%),Fe (mg%)," +
        "Mn (mg%),Cr (mg%),Se (mg%),B (mg%),Co (mg%),Mo (mg%),Pb (mg%),Hg (mg%),Cd (mg%),As (mg%),Al (mg%),Ni (mg%)";

    [Test]
    public void Rows_are_yielded_one_at_a_time_with_their_own_diagnostics()
    {
        const string csv = "sample_id,Ca (mg%),Mg (mg%)\nA,73,6\nB,abc,6\nC,40,4\n";
        using var reader = new StringReader(csv);

        var items = Reader.ReadWideCsvStream(reader, "rows.csv").ToList();

        items.Should().HaveCount(3);
        items.Select(i => i.Panel!.SampleId).Should().Equal("A", "B", "C");
        items[0].Diagnostics.Should().BeEmpty();
        items[1].HasErrors.Should().BeTrue();
        items[1].Diagnostics.Single().Location.Should().Be(new SourceLocation("rows.csv", 3, 3, "Ca (mg%)"));
        items[1].Panel!.Find("Mg")!.Amount.Value.Should().Be(6m);
    }

    [Test]
    public void Header_problems_come_first_as_an_item_without_a_panel()
    {
        using var reader = new StringReader("sample_id,Ca (mg%),clinic\nA,73,North\n");

        var items = Reader.ReadWideCsvStream(reader, "h.csv").ToList();

        items.Should().HaveCount(2);
        items[0].Panel.Should().BeNull();
        items[0].Diagnostics.Single().Code.Should().Be(DiagnosticCodes.UnknownField);
        items[0].Diagnostics.Single().Location.Should().Be(new SourceLocation("h.csv", 1, 20, "clinic"));
        items[1].Panel!.ExtraFields.Should().ContainSingle().Which.Should().Be(new KeyValuePair<string, string>("clinic", "North"));
    }

    [Test]
    public void A_long_csv_given_to_the_wide_stream_reader_is_rejected()
    {
        using var reader = new StringReader("element,value,unit\nCa,73,mg%\n");

        var items = Reader.ReadWideCsvStream(reader, "long.csv").ToList();

        items.Should().ContainSingle();
        items[0].Diagnostics.Single().Code.Should().Be(DiagnosticCodes.MissingRequiredColumn);
        items[0].Diagnostics.Single().Location.Line.Should().Be(1);
    }

    [Test]
    [Category("Slow")]
    public void A_100_MB_wide_csv_is_streamed_without_loading_it_whole()
    {
        var directory = Directory.CreateTempSubdirectory("htma-stream-");
        var path = Path.Combine(directory.FullName, "big.csv");
        try
        {
            var clock = Stopwatch.StartNew();
            var rows = WriteBigFile(path, 100L * 1024 * 1024);
            var writeTime = clock.Elapsed;
            clock.Restart();
            var fileSize = new FileInfo(path).Length;
            fileSize.Should().BeGreaterThanOrEqualTo(100L * 1024 * 1024);

            GC.Collect();
            GC.WaitForPendingFinalizers();
            var baseline = GC.GetTotalMemory(forceFullCollection: true);
            long peakManaged = 0;
            long count = 0;
            long errors = 0;
            Panel? last = null;
            using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 4096, FileOptions.SequentialScan))
            {
                foreach (var item in Reader.ReadWideCsvStream(stream, path))
                {
                    if (item.Panel is not null)
                    {
                        count++;
                        last = item.Panel;
                    }

                    errors += item.Diagnostics.Count;
                    if (count % 20_000 == 0)
                    {
                        // Live memory, after a collection: without it the figure is whatever garbage the last
                        // collection left, which swung past the bound on a loaded machine.
                        peakManaged = Math.Max(peakManaged, GC.GetTotalMemory(forceFullCollection: true) - baseline);
                    }
                }
            }

            var readTime = clock.Elapsed;
            count.Should().Be(rows);
            errors.Should().Be(0);
            last!.SampleId.Should().Be(string.Create(CultureInfo.InvariantCulture, $"S-{rows - 1}"));
            last.Measurements.Should().HaveCount(20);
            TestContext.Out.WriteLine($"{fileSize / (1024 * 1024)} MB, {rows} rows, peak managed growth {peakManaged / (1024 * 1024)} MB, written in {writeTime.TotalSeconds:F1} s, read in {readTime.TotalSeconds:F1} s");
            peakManaged.Should().BeLessThan(fileSize / 4, "the file is read a record at a time, never whole");
        }
        finally
        {
            directory.Delete(recursive: true);
        }
    }

    private static long WriteBigFile(string path, long minimumBytes)
    {
        using var writer = new StreamWriter(path, append: false, new UTF8Encoding(false), 1 << 16);
        writer.Write(Header);
        writer.Write('\n');
        var line = new StringBuilder(256);
        long rows = 0;
        while (writer.BaseStream.Position < minimumBytes)
        {
            line.Clear();
            line.Append(CultureInfo.InvariantCulture, $"S-{rows},ARL,{(rows % 2 == 0 ? "female" : "male")},{20 + (rows % 60)},2026-03-14,unwashed");
            for (var element = 0; element < 20; element++)
            {
                line.Append(CultureInfo.InvariantCulture, $",{(rows + element) % 97}.{element % 10}5");
            }

            line.Append('\n');
            writer.Write(line);
            rows++;
            if (rows % 4096 == 0)
            {
                writer.Flush();
            }
        }

        return rows;
    }
}
