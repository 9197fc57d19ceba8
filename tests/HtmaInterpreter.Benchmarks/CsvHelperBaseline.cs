using System.Text;
using CsvHelper;

namespace HtmaInterpreter.Benchmarks;

/// <summary>
/// The parse-only baseline of the batch benchmark: reads every field of a CSV with plain CsvHelper (no HtmaInterpreter
/// code), the least any CSV-based batch must do.
/// </summary>
internal static class CsvHelperBaseline
{
    public static (long Rows, long Fields) Parse(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);
        using var text = new StreamReader(stream, Encoding.UTF8, detectEncodingFromByteOrderMarks: true, 1 << 16);
        using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true });
        long rows = 0, fields = 0, characters = 0;
        while (csv.Read())
        {
            rows++;
            for (var i = 0; i < csv.FieldCount; i++)
            {
                characters += csv.GetString(i)?.Length ?? 0; // materialise every field, as a reader of values must
                fields++;
            }
        }

        return characters >= 0 ? (rows, fields) : (0, 0);
    }
}
