using System.Globalization;
using System.Text;

namespace HtmaInterpreter.Benchmarks;

/// <summary>
/// Writes a large wide CSV for the batch benchmark: each row copies a random row of a template file (the sample
/// <c>samples/wide-clinic-batch.csv</c>) with every measured value scaled by a random factor between 0.7 and 1.4, so
/// the values stay in the ranges of real panels and every oxidation type occurs. Deterministic for a given seed.
/// Four rows in the middle are broken on purpose (a non-numeric value, a missing sample id, an extra field, a stray
/// quote) so the run must report and skip them.
/// </summary>
internal static class WideCsvGenerator
{
    public static long Generate(int rows, string outPath, string templatePath, int seed)
    {
        var lines = File.ReadAllLines(templatePath).Where(l => l.Length > 0).ToArray();
        var header = lines[0];
        var templates = lines.Skip(1).Select(l => l.Split(',')).ToArray();
        var firstElement = Array.FindIndex(header.Split(','), h => h.Contains('(', StringComparison.Ordinal));
        var random = new Random(seed);
        var broken = new HashSet<int> { rows / 2, (rows / 2) + 1, (rows / 2) + 2, (rows / 2) + 3 };

        using var output = new StreamWriter(outPath, append: false, new UTF8Encoding(false), 1 << 16);
        output.Write(header);
        output.Write('\n');
        var row = new StringBuilder(256);
        for (var i = 0; i < rows; i++)
        {
            var template = templates[random.Next(templates.Length)];
            row.Clear();
            row.Append(CultureInfo.InvariantCulture, $"B-{i + 1:D7}");
            for (var f = 1; f < template.Length; f++)
            {
                row.Append(',');
                var text = template[f];
                if (f == 1)
                {
                    row.Append(CultureInfo.InvariantCulture, $"P-{(i % 250_000) + 1:D6}");
                }
                else if (f >= firstElement && double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                {
                    var scaled = value * (0.7 + (0.7 * random.NextDouble()));
                    row.Append(scaled.ToString("G3", CultureInfo.InvariantCulture));
                }
                else
                {
                    row.Append(text);
                }
            }

            if (broken.Contains(i))
            {
                Break(row, i - (rows / 2), firstElement);
            }

            output.Write(row);
            output.Write('\n');
        }

        return rows;
    }

    private static void Break(StringBuilder row, int kind, int firstElement)
    {
        var fields = row.ToString().Split(',');
        switch (kind)
        {
            case 0:
                fields[firstElement] = "abc"; // Ca is not a number
                break;
            case 1:
                fields[0] = ""; // no sample id
                break;
            case 2:
                fields[^1] += ",0.01"; // one field more than the header
                break;
            default:
                fields[firstElement + 1] = "7\"5"; // a stray quote inside an unquoted field
                break;
        }

        row.Clear().Append(string.Join(',', fields));
    }
}
