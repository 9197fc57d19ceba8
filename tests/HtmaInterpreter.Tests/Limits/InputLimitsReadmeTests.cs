using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Tests.Limits;

/// <summary>The README's "Limits" table states every <see cref="InputLimits"/> constant, with its value and code.</summary>
public partial class InputLimitsReadmeTests
{
    [Test]
    public void Readme_limits_table_lists_every_limit_with_its_value_and_code()
    {
        var readme = File.ReadAllText(Path.Combine(TestPaths.RepositoryRoot(), "README.md"));
        var rows = LimitRow().Matches(readme).ToDictionary(m => m.Groups["name"].Value, m => m);
        var limits = typeof(InputLimits).GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f.IsLiteral)
            .ToList();

        limits.Should().NotBeEmpty();
        rows.Keys.Should().BeEquivalentTo(limits.Select(f => f.Name), "every limit has one README row and every row a limit");
        foreach (var limit in limits)
        {
            var row = rows[limit.Name];
            var value = Convert.ToInt64(limit.GetRawConstantValue(), CultureInfo.InvariantCulture);
            long.Parse(row.Groups["value"].Value.Replace(",", "", StringComparison.Ordinal), CultureInfo.InvariantCulture)
                .Should().Be(value, $"the README states {limit.Name}'s value");
            var code = row.Groups["code"].Value;
            typeof(DiagnosticCodes).GetFields(BindingFlags.Public | BindingFlags.Static)
                .Select(f => (string?)f.GetRawConstantValue())
                .Should().Contain(code, $"{limit.Name}'s code is a known diagnostic code");
        }
    }

    [GeneratedRegex(@"^\| `(?<name>Max\w+)` \| (?<value>[\d,]+)[^|]*\|[^|]*\| (?<code>HTMA\d{4}) \|$", RegexOptions.Multiline)]
    private static partial Regex LimitRow();
}
