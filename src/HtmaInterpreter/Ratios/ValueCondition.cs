using System.Globalization;
using System.Text.RegularExpressions;

namespace HtmaInterpreter.Ratios;

/// <summary>
/// A comparison written in YAML, such as <c>"&gt; 4"</c> or <c>"&gt;= 2 and &lt; 2.5 or &gt; 6"</c>: terms
/// <c>&gt;</c>, <c>&gt;=</c>, <c>&lt;</c>, <c>&lt;=</c> followed by a number, joined by <c>and</c> (binds first) and <c>or</c>.
/// Writing the operator makes the behaviour exactly at a threshold explicit. Equality compares the text.
/// </summary>
internal sealed partial class ValueCondition : IEquatable<ValueCondition>
{
    private readonly IReadOnlyList<IReadOnlyList<(string Operator, double Operand)>> _alternatives;

    // The same terms with the operator as a code (0 >, 1 >=, 2 <, 3 <=), so that Matches compares no strings.
    private readonly (byte Operator, double Operand)[][] _compiled;

    private ValueCondition(string text, IReadOnlyList<IReadOnlyList<(string, double)>> alternatives)
    {
        Text = text;
        _alternatives = alternatives;
        _compiled = alternatives
            .Select(terms => terms.Select(t => (t.Item1 switch { ">" => (byte)0, ">=" => (byte)1, "<" => (byte)2, _ => (byte)3 }, t.Item2)).ToArray())
            .ToArray();
    }

    /// <summary>The condition as written.</summary>
    public string Text { get; }

    /// <summary>Every number the condition compares with, for overlap and gap checks.</summary>
    public IEnumerable<double> Boundaries => _alternatives.SelectMany(a => a.Select(t => t.Operand));

    /// <summary>Parses a condition.</summary>
    /// <param name="text">The text.</param>
    /// <param name="condition">The condition, when valid.</param>
    /// <param name="error">Why it is not valid.</param>
    /// <returns>True when valid.</returns>
    public static bool TryParse(string text, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ValueCondition? condition, out string error)
    {
        condition = null;
        error = "";
        var alternatives = new List<IReadOnlyList<(string, double)>>();
        foreach (var alternative in OrSeparator().Split(text))
        {
            var terms = new List<(string, double)>();
            foreach (var term in AndSeparator().Split(alternative))
            {
                var match = Term().Match(term);
                if (!match.Success
                    || !double.TryParse(match.Groups[2].Value, NumberStyles.Float, CultureInfo.InvariantCulture, out var operand)
                    || !double.IsFinite(operand))
                {
                    error = $"'{term.Trim()}' is not a comparison; write an operator (>, >=, <, <=) and a number, e.g. \"> 4\" or \">= 2 and < 2.5\"";
                    return false;
                }

                terms.Add((match.Groups[1].Value, operand));
            }

            alternatives.Add(terms);
        }

        condition = new ValueCondition(text.Trim(), alternatives);
        return true;
    }

    /// <summary>Parses a condition that is known to be valid (tests, code-built definitions).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The condition.</returns>
    /// <exception cref="ArgumentException">The text is not a valid condition.</exception>
    public static ValueCondition Parse(string text) =>
        TryParse(text, out var condition, out var error) ? condition : throw new ArgumentException(error, nameof(text));

    /// <summary>True when the value satisfies the condition.</summary>
    /// <param name="value">The value.</param>
    /// <returns>The outcome.</returns>
    public bool Matches(double value)
    {
        // Plain loops: this runs for every band of every ratio of every panel, so it must not allocate.
        var alternatives = _compiled;
        for (var a = 0; a < alternatives.Length; a++)
        {
            var terms = alternatives[a];
            var all = true;
            for (var t = 0; t < terms.Length && all; t++)
            {
                var (op, operand) = terms[t];
                all = op switch
                {
                    0 => value > operand,
                    1 => value >= operand,
                    2 => value < operand,
                    _ => value <= operand,
                };
            }

            if (all)
            {
                return true;
            }
        }

        return false;
    }

    /// <inheritdoc />
    public bool Equals(ValueCondition? other) => other is not null && string.Equals(Text, other.Text, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ValueCondition);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Text);

    /// <inheritdoc />
    public override string ToString() => Text;

    [GeneratedRegex(@"\s+or\s+", RegexOptions.CultureInvariant)]
    private static partial Regex OrSeparator();

    [GeneratedRegex(@"\s+and\s+", RegexOptions.CultureInvariant)]
    private static partial Regex AndSeparator();

    [GeneratedRegex(@"^\s*(>=|<=|>|<)\s*([+-]?[0-9]+(?:\.[0-9]+)?)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex Term();
}
