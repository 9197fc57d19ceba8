using System.Globalization;
using System.Text;
using HtmaInterpreter.Batch;

namespace HtmaInterpreter.Tests.Batch;

internal static class BatchTestData
{
    public const string Header = "sample_id,lab,sex,age,Ca (mg%),Mg (mg%),Na (mg%),K (mg%),Cu (mg%),Zn (mg%),P (mg%)";

    /// <summary>A wide CSV of <paramref name="rows"/> panels with ids G-00001…; values vary so every type occurs.</summary>
    /// <param name="rows">How many rows.</param>
    /// <param name="broken">Row numbers (1-based, data rows) to replace with a broken row; the file line is row + 1.</param>
    public static string Generate(int rows, IReadOnlyDictionary<int, string>? broken = null)
    {
        var text = new StringBuilder(Header).Append('\n');
        for (var i = 1; i <= rows; i++)
        {
            if (broken is not null && broken.TryGetValue(i, out var line))
            {
                text.Append(line).Append('\n');
                continue;
            }

            // Ca from 10 to 300 and K from 2 to 30 in fixed steps: slow, fast and mixed panels all occur.
            var ca = 10 + (i * 7 % 290);
            var k = 2 + (i * 3 % 28);
            var na = 5 + (i * 11 % 60);
            text.Append(CultureInfo.InvariantCulture, $"G-{i:D5},ARL,female,40,{ca},8,{na},{k},1.5,16,14\n");
        }

        return text.ToString();
    }

    /// <summary><paramref name="options"/> (the defaults for <c>null</c>) with the fast path on or off: the batch fixtures run both ways.</summary>
    public static BatchOptions Way(BatchOptions? options, bool useFastPath) => (options ?? new BatchOptions()) with { UseFastPath = useFastPath };

    public static string Id(int row) => string.Create(CultureInfo.InvariantCulture, $"G-{row:D5}");
}
