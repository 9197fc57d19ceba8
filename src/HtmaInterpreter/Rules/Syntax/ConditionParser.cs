using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>A located problem in a condition: code, message and offset in the condition text.</summary>
internal readonly record struct ConditionProblem(string Code, string Message, int Offset);

/// <summary>What the parser binds names against.</summary>
internal sealed class ConditionScope
{
    public required ElementCatalog Catalog { get; init; }

    public required FrozenDictionary<string, int> ElementIndex { get; init; }

    public required FrozenDictionary<string, int> RatioIndex { get; init; }

    public required IReadOnlySet<string> RuleIds { get; init; }
}

/// <summary>
/// A recursive-descent parser for rule conditions. It binds names while parsing (elements, ratios, rule ids, context
/// keys) and type-checks comparisons, so every problem is found at load time with its offset. A syntax error stops the
/// parse of that condition; name and type problems are collected and parsing goes on, so one run reports them all.
/// Grammar: see <c>ratios/rules/README.md</c>.
/// </summary>
/// <remarks>
/// The size limits of <see cref="InputLimits"/> are checked as the parse goes, before each step that recurses or adds a
/// term, so no condition can overflow the stack or cost more than its size: past a limit the parse stops there.
/// </remarks>
internal sealed partial class ConditionParser
{
    private static readonly string[] Keywords =
        ["and", "or", "not", "is", "includes", "any", "all", "count", "pattern", "fired", "undecided", "oxidation", "four_lows", "sex", "age", "sample", "context", "element", "previous"];

    private readonly string _text;
    private readonly ConditionScope _scope;
    private readonly bool _allowPlaceholder;
    private readonly List<Token> _tokens;
    private int _position;

    /// <summary>How many parentheses, <c>count(</c> and <c>not</c> enclose the current position.</summary>
    private int _depth;

    /// <summary>How many tests (leaves) have been read so far.</summary>
    private int _terms;

    private ConditionParser(string text, ConditionScope scope, bool allowPlaceholder, List<Token> tokens)
    {
        _text = text;
        _scope = scope;
        _allowPlaceholder = allowPlaceholder;
        _tokens = tokens;
    }

    public List<ConditionProblem> Problems { get; } = [];

    /// <summary>Rule ids referenced, with their offsets (for cycle detection).</summary>
    public List<(string RuleId, int Offset)> References { get; } = [];

    /// <summary>The offset of the first <c>previous.</c> in the condition, or <c>null</c> when it reads only the current test.</summary>
    public int? PreviousOffset { get; private set; }

    /// <summary>True when the condition compares with a numeric literal (which then needs a threshold source).</summary>
    public bool UsesNumericThreshold { get; private set; }

    /// <summary>Parses and binds a condition. Returns <c>null</c> with problems on a syntax error.</summary>
    public static (ConditionNode? Node, ConditionParser Parser) Parse(string text, ConditionScope scope, bool allowPlaceholder)
    {
        if (text.Length > InputLimits.MaxConditionCharacters)
        {
            var tooLong = new ConditionParser(text, scope, allowPlaceholder, []);
            tooLong.Problem(
                DiagnosticCodes.ConditionTooLong,
                string.Create(
                    CultureInfo.InvariantCulture,
                    $"The condition is {text.Length:N0} characters long; a condition may have at most {InputLimits.MaxConditionCharacters:N0}. The rule is not loaded: split it into smaller rules and combine them with 'pattern'."),
                0);
            return (null, tooLong);
        }

        List<Token> tokens;
        try
        {
            tokens = ConditionTokenizer.Tokenize(text);
        }
        catch (ConditionException exception)
        {
            var failed = new ConditionParser(text, scope, allowPlaceholder, []);
            failed.Problems.Add(new ConditionProblem(exception.Code, exception.Message, exception.Start));
            return (null, failed);
        }

        var parser = new ConditionParser(text, scope, allowPlaceholder, tokens);
        try
        {
            var node = parser.ParseOr();
            if (parser.Current.Kind != TokenKind.End)
            {
                throw parser.Syntax($"Expected 'and', 'or' or the end of the condition, found '{parser.Current.Text}'.");
            }

            parser.RemoveRepeatedProblems();
            return (node, parser);
        }
        catch (ConditionException exception)
        {
            parser.Problems.Add(new ConditionProblem(exception.Code, exception.Message, exception.Start));
            parser.RemoveRepeatedProblems();
            return (null, parser);
        }
    }

    /// <summary>any(...)/all(...) re-read their test once per element; report each problem once.</summary>
    private void RemoveRepeatedProblems()
    {
        var distinct = Problems.Distinct().ToList();
        Problems.Clear();
        Problems.AddRange(distinct);
    }

    private Token Current => _tokens[_position];

    private Token Next() => _tokens[_position++];

    private Token Peek(int ahead = 1) => _tokens[Math.Min(_position + ahead, _tokens.Count - 1)];

    private ConditionException Syntax(string message, int? at = null) =>
        new(DiagnosticCodes.ConditionSyntax, message, at ?? Current.Start);

    private void Problem(string code, string message, int offset) => Problems.Add(new ConditionProblem(code, message, offset));

    private bool Accept(string word)
    {
        if (Current.Is(word))
        {
            _position++;
            return true;
        }

        return false;
    }

    private Token Expect(TokenKind kind, string what)
    {
        if (Current.Kind != kind)
        {
            throw Syntax($"Expected {what}, found '{Current.Text}'.");
        }

        return Next();
    }

    private Token ExpectWord(string word)
    {
        if (!Current.Is(word))
        {
            throw Syntax($"Expected '{word}', found '{Current.Text}'.");
        }

        return Next();
    }

    private string Slice(int start, int end) => _text[start..end];

    /// <summary>Steps into a parenthesis, <c>count(</c> or <c>not</c> (the current token), unless that nests too deep.</summary>
    private Token Enter()
    {
        if (_depth == InputLimits.MaxConditionNesting)
        {
            throw new ConditionException(
                DiagnosticCodes.ConditionTooDeep,
                $"The condition nests parentheses, count(...) and 'not' more than {InputLimits.MaxConditionNesting} deep here. The rule is not loaded: write it with less nesting, or split it into rules combined with 'pattern'.",
                Current.Start);
        }

        _depth++;
        return Next();
    }

    /// <summary>Counts a test about to be read at <paramref name="start"/>, unless the condition already has as many as it may.</summary>
    private void CountTerm(int start)
    {
        if (_terms == InputLimits.MaxConditionTerms)
        {
            throw new ConditionException(
                DiagnosticCodes.ConditionTooManyTerms,
                $"The condition has more than {InputLimits.MaxConditionTerms} tests (each comparison, 'is' test and pattern counts, and each element of any(...) or all(...)). The rule is not loaded: split it into rules combined with 'pattern'.",
                start);
        }

        _terms++;
    }
}
