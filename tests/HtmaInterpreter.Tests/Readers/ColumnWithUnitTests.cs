using System.Text;
using System.Text.RegularExpressions;
using HtmaInterpreter.Readers;

namespace HtmaInterpreter.Tests.Readers;

/// <summary>
/// The wide-CSV header split (<c>Ca (mg%)</c> → name and unit) gives exactly what the regular expression it replaced
/// gave, and takes one pass on the header of spaces and brackets on which that expression backtracked for seconds.
/// </summary>
public partial class ColumnWithUnitTests
{
    [GeneratedRegex(@"^(?<name>.*?)\s*[\(\[]\s*(?<unit>[^\)\]]+?)\s*[\)\]]$", RegexOptions.CultureInvariant)]
    private static partial Regex FormerExpression();

    [TestCase("Ca (mg%)", "Ca", "mg%")]
    [TestCase("Ca [ppm]", "Ca", "ppm")]
    [TestCase("  Calcium  (  µg/g  ) ", null, null)]
    [TestCase("Ca (mg%)\n", "Ca", "mg%")]
    [TestCase("A (b (c)", "A", "b (c")]
    [TestCase("A (b) (c)", "A (b)", "c")]
    [TestCase("Ca ( )", "Ca", " ")]
    [TestCase("Ca ()", null, null)]
    [TestCase("Ca", null, null)]
    [TestCase("", null, null)]
    [TestCase("x\ny (mg%)", null, null)]
    public void Splits_a_header_as_the_former_expression_did(string header, string? name, string? unit)
    {
        var split = CsvPanelReader.TrySplitColumnWithUnit(header, out var actualName, out var actualUnit);

        split.Should().Be(name is not null);
        if (name is not null)
        {
            (actualName, actualUnit).Should().Be((name, unit!));
        }

        SameAsFormer(header);
    }

    [Test]
    public void Agrees_with_the_former_expression_on_200000_random_headers()
    {
        const string alphabet = "a( )[]\n\t\u00A0";
        var random = new Random(13);
        var header = new StringBuilder();
        for (var i = 0; i < 200_000; i++)
        {
            header.Clear();
            var length = random.Next(0, 12);
            for (var j = 0; j < length; j++)
            {
                header.Append(alphabet[random.Next(alphabet.Length)]);
            }

            SameAsFormer(header.ToString());
        }
    }

    [Test]
    public void A_header_of_thousands_of_blanks_between_brackets_is_split_in_one_pass()
    {
        // The former expression took about 40 s on 2 KB of this shape (a fuzz finding); 1 MB would never have ended.
        var header = "x" + new string(' ', 500_000) + "(" + new string(' ', 500_000) + "\"";

        CsvPanelReader.TrySplitColumnWithUnit(header, out _, out _).Should().BeFalse();
        CsvPanelReader.TrySplitColumnWithUnit(header[..^1] + "mg%)", out var name, out var unit).Should().BeTrue();
        (name, unit).Should().Be(("x", "mg%"));
    }

    private static void SameAsFormer(string header)
    {
        var match = FormerExpression().Match(header);
        var split = CsvPanelReader.TrySplitColumnWithUnit(header, out var name, out var unit);
        split.Should().Be(match.Success, $"the former expression {(match.Success ? "matched" : "did not match")} '{Regex.Escape(header)}'");
        if (match.Success)
        {
            (name, unit).Should().Be((match.Groups["name"].Value, match.Groups["unit"].Value), $"for '{Regex.Escape(header)}'");
        }
    }
}
