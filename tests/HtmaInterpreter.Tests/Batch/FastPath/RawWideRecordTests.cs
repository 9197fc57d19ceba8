using System.Text;
using HtmaInterpreter.Batch.FastPath;

namespace HtmaInterpreter.Tests.Batch.FastPath;

/// <summary>A raw record's fields must be what splitting at the separator gives, whatever the record's length.</summary>
public class RawWideRecordTests
{
    [Test]
    public void Splits_records_at_the_separator_as_string_Split_does_at_every_length()
    {
        var random = new Random(5);
        var checkedRecords = 0;
        foreach (var separator in new[] { ',', ';', '\t' })
        {
            var record = new RawWideRecord(separator, "f.csv");
            for (var i = 0; i < 3000; i++)
            {
                var fields = Enumerable.Range(0, random.Next(1, 60))
                    .Select(_ => new string('x', random.Next(0, random.Next(2) == 0 ? 3 : 40)))
                    .ToArray();
                var text = string.Join(separator, fields);
                var bytes = Encoding.ASCII.GetBytes("##" + text + "##");
                record.Reset(bytes, 2, bytes.Length - 4, 7);

                record.FieldCount.Should().Be(fields.Length, text);
                for (var f = 0; f < fields.Length; f++)
                {
                    Encoding.ASCII.GetString(record.Span(f)).Should().Be(fields[f]);
                }

                record.Span(fields.Length).IsEmpty.Should().BeTrue();
                checkedRecords++;
            }
        }

        checkedRecords.Should().Be(9000);
    }
}
