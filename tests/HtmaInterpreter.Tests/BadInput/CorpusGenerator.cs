using System.Globalization;
using System.Reflection;
using System.Text;
using System.Text.RegularExpressions;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Tests.BadInput;

/// <summary>
/// Makes the corpus inputs too large or too deep to commit, from a manifest entry <c>gen:KIND(N).ext</c>, where N is a
/// number or a limit of <see cref="InputLimits"/> by name, optionally plus or minus a number (the limits are never
/// written twice).
/// </summary>
public static partial class CorpusGenerator
{
    private const string RuleHead =
        "rules:\n  - id: corpus-rule\n    title: Corpus rule\n    category: minerals\n    severity: info\n    explanation: A rule of the bad-input corpus.\n    source: potassium\n";

    private const string WideRow = ",P-1,ARL,2026-01-12,118,12,18,5,2.9,15,13";

    private const string WideHeader = "sample_id,subject_id,lab,collected,Ca (mg%),Mg (mg%),Na (mg%),K (mg%),Cu (mg%),Zn (mg%),P (mg%)\n";

    private const string YamlPanel = "sample_id: S-1\nsubject_id: P-1\nlab: ARL\ncollected: 2026-01-12\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 118 }\n  - { element: Mg, value: 12 }\n";

    /// <summary>The file name (with the generator's extension) and the content of a <c>gen:</c> input.</summary>
    public static (string FileName, byte[] Content) Generate(string spec)
    {
        var match = Spec().Match(spec);
        if (!match.Success)
        {
            throw new FormatException($"not a generator: '{spec}'");
        }

        var kind = match.Groups["kind"].Value;
        var n = Evaluate(match.Groups["n"].Value);
        var extension = match.Groups["ext"].Value;
        var text = kind switch
        {
            "brackets" => new StringBuilder().Append('[', n).Append(']', n).ToString(),
            "flowmaps" => new StringBuilder("a: ").Insert(3, "{a: ", n).Append('1').Append('}', n).ToString(),
            "blockmaps" => BlockMaps(n),
            "panelnesting" when extension == "json" =>
                "{\"sample_id\": \"S\", \"unit\": \"mg%\", \"measurements\": [{\"element\": \"Ca\", \"value\": 50}], \"extra\": " + Brackets(n - 1) + "}\n",
            "panelnesting" => "sample_id: S\nunit: mg%\nmeasurements:\n  - { element: Ca, value: 50 }\nextra: " + Brackets(n - 1) + "\n",
            "contextnesting" => "symptoms: " + Brackets(n - 1) + "\n",
            "definitionnesting" => "ratios: " + Brackets(n - 1) + "\n",
            "rulebrackets" => "rules: " + Brackets(n - 1) + "\n",
            "bigdocument" when extension == "json" => Padded("{\"sample_id\":\"S-1\",\"unit\":\"mg%\",\"measurements\":[{\"element\":\"Ca\",\"value\":118}],\"note\":\"", "\"}\n", n),
            "bigdocument" => PaddedWithComments(YamlPanel, n),
            "bigcontext" => PaddedWithComments("sex: female\n", n),
            "bigrules" => PaddedWithComments(Rule("\"Ca > 1\""), n),
            "widecolumns" => WideColumns(n),
            "runawayquote" => RunawayRows(WideHeader + "\"S-1" + WideRow + "\n", n),
            "longrunawayquote" => RunawayRows("# sample_id: S-1\nelement,value,unit\nCa,\"118,mg%\n", n),
            "longrecord" => WideHeader + "\"" + new string('a', n - WideRow.Length - 2) + "\"" + WideRow + "\n",
            "ruleparens" => Rule("\"" + new string('(', n) + "Ca > 1" + new string(')', n) + "\""),
            "rulenots" => Rule("\"" + string.Concat(Enumerable.Repeat("not ", n)) + "Ca > 1\""),
            "ruleors" => Rule("\"" + string.Join(" or ", Enumerable.Repeat("Ca > 1", n)) + "\""),
            "ruleands" => Rule("\"" + string.Join(" and ", Enumerable.Repeat("Ca > 1", n)) + "\""),
            "rulelength" => Rule("\"Ca >" + new string(' ', n - 5) + "1\""),
            _ => throw new FormatException($"unknown generator '{kind}'"),
        };
        return ($"{kind}-{match.Groups["n"].Value.Replace('+', 'p').Replace('-', 'm')}.{extension}", Encoding.UTF8.GetBytes(text));
    }

    /// <summary>A number, or an <see cref="InputLimits"/> constant by name with an optional <c>+N</c> or <c>-N</c>.</summary>
    internal static int Evaluate(string expression)
    {
        var match = Expression().Match(expression);
        var value = match.Groups["limit"].Success
            ? (int)(typeof(InputLimits).GetField(match.Groups["limit"].Value, BindingFlags.Public | BindingFlags.Static)?.GetValue(null)
                ?? throw new FormatException($"InputLimits has no '{match.Groups["limit"].Value}'"))
            : 0;
        if (match.Groups["number"].Success)
        {
            var number = int.Parse(match.Groups["number"].Value, CultureInfo.InvariantCulture);
            value = match.Groups["limit"].Success && match.Groups["sign"].Value == "-" ? value - number : value + number;
        }

        return value;
    }

    private static string Brackets(int n) => new StringBuilder().Append('[', n).Append(']', n).ToString();

    private static string Rule(string when) => RuleHead + "    when: " + when + "\n";

    private static string BlockMaps(int n)
    {
        var text = new StringBuilder();
        for (var i = 0; i < n; i++)
        {
            text.Append(' ', i).Append("a:\n");
        }

        return text.Append(' ', n).Append("1\n").ToString();
    }

    private static string Padded(string head, string tail, int size) => head + new string('x', Math.Max(0, size - head.Length - tail.Length)) + tail;

    private static string PaddedWithComments(string document, int size)
    {
        var text = new StringBuilder(document, size + 100);
        var line = "# " + new string('x', 97) + "\n";
        while (text.Length + line.Length <= size)
        {
            text.Append(line);
        }

        return text.Append('#', Math.Max(0, size - text.Length - 1)).Append('\n').ToString();
    }

    private static string WideColumns(int n)
    {
        var header = new StringBuilder("sample_id");
        var row = new StringBuilder("S-1");
        for (var i = 1; i < n; i++)
        {
            header.Append(",X").Append(i.ToString(CultureInfo.InvariantCulture)).Append(" (mg%)");
            row.Append(",1");
        }

        return header.Append('\n').Append(row).Append('\n').ToString();
    }

    private static string RunawayRows(string head, int size)
    {
        var text = new StringBuilder(head, size + 100);
        var i = 2;
        while (text.Length < size)
        {
            text.Append("S-").Append(i++.ToString(CultureInfo.InvariantCulture)).Append(WideRow).Append('\n');
        }

        return text.ToString();
    }

    [GeneratedRegex(@"^gen:(?<kind>[a-z]+)\((?<n>[A-Za-z0-9+\-]+)\)\.(?<ext>[a-z]+)$")]
    private static partial Regex Spec();

    [GeneratedRegex(@"^(?:(?<limit>[A-Za-z]+)(?:(?<sign>[+\-])(?<number>\d+))?|(?<number>\d+))$")]
    private static partial Regex Expression();
}
