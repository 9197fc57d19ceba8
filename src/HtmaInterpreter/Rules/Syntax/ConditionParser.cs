using System.Collections.Frozen;
using System.Globalization;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
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
internal sealed class ConditionParser
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

    private ConditionNode ParseOr()
    {
        var first = ParseAnd();
        if (!Current.Is("or"))
        {
            return first;
        }

        var items = new List<ConditionNode> { first };
        while (Accept("or"))
        {
            items.Add(ParseAnd());
        }

        return new OrNode(items);
    }

    private ConditionNode ParseAnd()
    {
        var first = ParseNot();
        if (!Current.Is("and"))
        {
            return first;
        }

        var items = new List<ConditionNode> { first };
        while (Accept("and"))
        {
            items.Add(ParseNot());
        }

        return new AndNode(items);
    }

    private ConditionNode ParseNot()
    {
        if (Current.Is("not"))
        {
            var start = Enter().Start;
            var operand = ParseNot();
            _depth--;
            return new NotNode(operand, start);
        }

        return ParsePrimary();
    }

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

    private ConditionNode ParsePrimary()
    {
        var token = Current;
        if (token.Kind == TokenKind.OpenParen)
        {
            Enter();
            var inner = ParseOr();
            Expect(TokenKind.CloseParen, "')'");
            _depth--;
            return inner;
        }

        if (token.Kind != TokenKind.End && !(token.Kind == TokenKind.Word && token.Text is "any" or "all" or "count"))
        {
            // any(...)/all(...) count a test per element; count(...) one per item.
            CountTerm(token.Start);
        }

        if (token.Kind == TokenKind.Word)
        {
            switch (token.Text)
            {
                case "four_lows":
                    Next();
                    return new FourLowsNode(token.Start, token.End, token.Text);
                case "previous" when Peek().Kind == TokenKind.Dot && Peek(2).Kind == TokenKind.Word && Peek(2).Text is "oxidation" or "four_lows":
                    {
                        var start = ReadPrevious();
                        if (Current.Text == "four_lows")
                        {
                            var word = Next();
                            return new FourLowsNode(start, word.End, Slice(start, word.End)) { Previous = true };
                        }

                        var oxidation = ParseOxidation();
                        return oxidation with { Start = start, Text = Slice(start, oxidation.End), Previous = true };
                    }

                case "pattern":
                    {
                        Next();
                        var id = Expect(TokenKind.Word, "a rule id after 'pattern'");
                        return RuleReference(id, token.Start, id.End);
                    }

                case "fired":
                    {
                        Next();
                        Expect(TokenKind.OpenParen, "'(' after 'fired'");
                        var id = Expect(TokenKind.Word, "a rule id");
                        var close = Expect(TokenKind.CloseParen, "')'");
                        return RuleReference(id, token.Start, close.End);
                    }

                case "undecided":
                    {
                        Next();
                        Expect(TokenKind.OpenParen, "'(' after 'undecided'");
                        var id = Expect(TokenKind.Word, "a rule id");
                        var close = Expect(TokenKind.CloseParen, "')'");
                        return RuleReference(id, token.Start, close.End) with { Undecided = true };
                    }

                case "oxidation":
                    return ParseOxidation();
                case "sex":
                    return ParseSex();
                case "sample":
                    return ParseSample();
                case "context":
                    return ParseContext();
                case "any" or "all":
                    return ParseQuantifier();
                case "count":
                    return ParseCount();
                case "and" or "or" or "is" or "includes":
                    throw Syntax($"Expected a test, found '{token.Text}'.");
            }
        }
        else if (token.Kind == TokenKind.End)
        {
            throw Syntax("The condition ends too early: expected a test.");
        }

        var left = ParseOperand();
        return ParseTestOn(left, left.Start, left.Text, elementIndex: left.Kind == OperandKind.Element ? left.Index : null);
    }

    private RuleRefNode RuleReference(Token id, int start, int end)
    {
        if (!_scope.RuleIds.Contains(id.Text))
        {
            Problem(DiagnosticCodes.UnknownPattern, $"No rule has the id '{id.Text}'.", id.Start);
        }

        References.Add((id.Text, id.Start));
        return new RuleRefNode(id.Text, start, end, Slice(start, end));
    }

    /// <summary>After an operand: <c>is [not] LEVEL</c> or <c>CMP operand</c>.</summary>
    private LeafNode ParseTestOn(Operand left, int start, string leftText, int? elementIndex)
    {
        if (Current.Is("is"))
        {
            Next();
            var negated = Accept("not");
            var word = Expect(TokenKind.Word, "high, low, within, elevated or ungraded");
            var level = word.Text switch
            {
                "high" or "elevated" => LevelWord.High,
                "low" => LevelWord.Low,
                "within" => LevelWord.Within,
                "ungraded" => LevelWord.Ungraded,
                _ => throw Syntax($"Expected high, low, within, elevated or ungraded, found '{word.Text}'.", word.Start),
            };
            if (elementIndex is null)
            {
                Problem(DiagnosticCodes.ConditionTypeMismatch, $"'is {word.Text}' compares an element with the lab profile's range; '{leftText}' is {Describe(left)}, not an element.", start);
            }

            return new LevelNode(elementIndex ?? -1, level, negated, start, word.End, $"{leftText} {Slice(left.End, word.End).Trim()}") { Previous = left.Previous };
        }

        if (Current.Kind != TokenKind.Compare)
        {
            throw Syntax($"Expected 'is' or a comparison (<, <=, >, >=, =, !=) after '{leftText}', found '{Current.Text}'.");
        }

        var op = Next().Op;
        var right = ParseOperand();
        CheckComparison(ref left, ref right);
        return new CompareNode(left, op, right, start, right.End, $"{leftText} {Slice(left.End, right.End).Trim()}");
    }

    private void CheckComparison(ref Operand left, ref Operand right)
    {
        if (left.Kind == OperandKind.Number && right.Kind == OperandKind.Number)
        {
            Problem(DiagnosticCodes.ConditionTypeMismatch, "A comparison needs an element, ratio or age on one side; this compares two numbers.", left.Start);
            return;
        }

        if (left.Kind == OperandKind.Number || right.Kind == OperandKind.Number)
        {
            UsesNumericThreshold = true;
            var (value, number) = left.Kind == OperandKind.Number ? (right, left) : (left, right);
            if (number.HasUnit && value.Kind != OperandKind.Element)
            {
                Problem(DiagnosticCodes.ConditionTypeMismatch, $"'{number.Text}' is a concentration but '{value.Text}' is {Describe(value)}; remove the unit.", number.Start);
            }

            return;
        }

        if (left.Kind != right.Kind)
        {
            Problem(DiagnosticCodes.ConditionTypeMismatch, $"Cannot compare '{left.Text}' ({Describe(left)}) with '{right.Text}' ({Describe(right)}).", left.Start);
        }
    }

    private static string Describe(Operand operand) => operand.Kind switch
    {
        OperandKind.Element => "a concentration",
        OperandKind.Ratio => "a ratio",
        OperandKind.Age => "an age in years",
        _ => "a number",
    };

    /// <summary>Reads <c>previous.</c> and returns its start offset; records the first use.</summary>
    private int ReadPrevious()
    {
        var start = Next().Start;
        Expect(TokenKind.Dot, "'.' after 'previous'");
        PreviousOffset ??= start;
        return start;
    }

    private Operand ParseOperand()
    {
        if (Current.Is("previous"))
        {
            var start = Current.Start;
            if (Peek().Kind != TokenKind.Dot)
            {
                throw Syntax("Expected 'previous.' followed by an element, a ratio, 'element', 'oxidation' or 'four_lows'.");
            }

            ReadPrevious();
            if (Current.Kind != TokenKind.Word || Current.Text is "previous" or "age" || (Array.IndexOf(Keywords, Current.Text) >= 0 && Current.Text != "element"))
            {
                throw Syntax($"'previous.' reads an element, a ratio, 'element', 'oxidation' or 'four_lows' of the earlier test; found '{Current.Text}'.");
            }

            var inner = ParseOperand();
            return inner with { Start = start, Text = Slice(start, inner.End), Previous = true };
        }

        var token = Current;
        if (token.Kind == TokenKind.Number)
        {
            Next();
            if (Current.Kind == TokenKind.Unit)
            {
                var unit = Next();
                var milligramPercent = Units.Convert(token.Number, unit.Unit, ConcentrationUnit.MilligramPercent);
                return new Operand(OperandKind.Number, Slice(token.Start, unit.End), token.Start, unit.End)
                {
                    Value = (double)milligramPercent,
                    HasUnit = true,
                };
            }

            return new Operand(OperandKind.Number, token.Text, token.Start, token.End) { Value = (double)token.Number };
        }

        if (token.Kind != TokenKind.Word)
        {
            throw Syntax($"Expected an element, ratio, number or test, found '{token.Text}'.");
        }

        Next();
        if (token.Text == "age")
        {
            return new Operand(OperandKind.Age, "age", token.Start, token.End);
        }

        if (token.Text == "element")
        {
            if (!_allowPlaceholder)
            {
                Problem(DiagnosticCodes.ConditionTypeMismatch, "'element' stands for the current element and is only allowed in a rule with for_each.", token.Start);
            }

            return new Operand(OperandKind.Element, "element", token.Start, token.End) { Index = -1 };
        }

        if (Current.Kind == TokenKind.Slash)
        {
            Next();
            var denominator = Expect(TokenKind.Word, "an element symbol after '/'");
            var name = $"{token.Text}/{denominator.Text}";
            var index = -1;
            if (CheckElement(token) && CheckElement(denominator) && !_scope.RatioIndex.TryGetValue(name, out index))
            {
                index = -1;
                var known = string.Join(", ", _scope.RatioIndex.OrderBy(pair => pair.Value).Select(pair => pair.Key));
                Problem(DiagnosticCodes.UnknownRatioInRule, $"'{name}' is not a known ratio; the known ratios are {known}.", token.Start);
            }

            return new Operand(OperandKind.Ratio, name, token.Start, denominator.End) { Index = index };
        }

        if (Array.IndexOf(Keywords, token.Text) >= 0)
        {
            throw Syntax($"Expected an element, ratio or number, found the keyword '{token.Text}'.", token.Start);
        }

        var elementIndex = CheckElement(token) ? _scope.ElementIndex[token.Text] : -2;
        return new Operand(OperandKind.Element, token.Text, token.Start, token.End) { Index = elementIndex };
    }

    private bool CheckElement(Token token)
    {
        if (_scope.ElementIndex.ContainsKey(token.Text))
        {
            return true;
        }

        var hint = _scope.Catalog.TryFind(token.Text, out var element) ? $" Write its symbol '{element.Symbol}'." : "";
        if (hint.Length == 0 && char.IsAsciiLetterLower(token.Text[0]))
        {
            throw Syntax($"Unknown word '{token.Text}': expected an element symbol (e.g. Ca), a ratio (e.g. Na/K), a number or a keyword.", token.Start);
        }

        Problem(DiagnosticCodes.UnknownElementInRule, $"'{token.Text}' is not an element symbol.{hint}", token.Start);
        return false;
    }

    private OxidationNode ParseOxidation()
    {
        var start = Next().Start;
        var field = OxidationField.Type;
        if (Current.Kind == TokenKind.Dot)
        {
            Next();
            var fieldToken = Expect(TokenKind.Word, "type, lean or degree after 'oxidation.'");
            field = fieldToken.Text switch
            {
                "type" => OxidationField.Type,
                "lean" => OxidationField.Lean,
                "degree" => OxidationField.Degree,
                _ => throw Syntax($"Expected type, lean or degree after 'oxidation.', found '{fieldToken.Text}'.", fieldToken.Start),
            };
        }

        ExpectWord("is");
        var negated = Accept("not");
        var word = Expect(TokenKind.Word, "an oxidation value");
        var type = OxidationType.Indeterminate;
        var degree = OxidationDegree.None;
        var valid = field switch
        {
            OxidationField.Type => TryOxidationType(word.Text, out type),
            OxidationField.Lean => TryOxidationType(word.Text, out type) && type is OxidationType.Slow or OxidationType.Fast,
            _ => TryDegree(word.Text, out degree),
        };
        if (!valid)
        {
            var expected = field switch
            {
                OxidationField.Type => "slow, fast, mixed or indeterminate",
                OxidationField.Lean => "slow or fast",
                _ => "none, mild, moderate or extreme",
            };
            Problem(DiagnosticCodes.ConditionTypeMismatch, $"'{word.Text}' is not a value of oxidation{(field == OxidationField.Type ? "" : "." + field.ToString().ToLowerInvariant())}; expected {expected}.", word.Start);
        }

        return new OxidationNode(field, type, degree, negated, start, word.End, Slice(start, word.End));
    }

    private static bool TryOxidationType(string text, out OxidationType type)
    {
        type = text switch
        {
            "slow" => OxidationType.Slow,
            "fast" => OxidationType.Fast,
            "mixed" => OxidationType.Mixed,
            "indeterminate" => OxidationType.Indeterminate,
            _ => (OxidationType)(-1),
        };
        return Enum.IsDefined(type);
    }

    private static bool TryDegree(string text, out OxidationDegree degree)
    {
        degree = text switch
        {
            "none" => OxidationDegree.None,
            "mild" => OxidationDegree.Mild,
            "moderate" => OxidationDegree.Moderate,
            "extreme" => OxidationDegree.Extreme,
            _ => (OxidationDegree)(-1),
        };
        return Enum.IsDefined(degree);
    }

    private SexNode ParseSex()
    {
        var start = Next().Start;
        ExpectWord("is");
        var negated = Accept("not");
        var word = Expect(TokenKind.Word, "female or male");
        var sex = word.Text switch
        {
            PanelWords.Female => Sex.Female,
            PanelWords.Male => Sex.Male,
            _ => Sex.Unknown,
        };
        if (sex == Sex.Unknown)
        {
            Problem(DiagnosticCodes.ConditionTypeMismatch, $"'{word.Text}' is not a sex; expected female or male.", word.Start);
        }

        return new SexNode(sex, negated, start, word.End, Slice(start, word.End));
    }

    private SampleNode ParseSample()
    {
        var start = Next().Start;
        ExpectWord("is");
        var negated = Accept("not");
        var word = Expect(TokenKind.Word, "washed or unwashed");
        var treatment = word.Text switch
        {
            PanelWords.Washed => SampleTreatment.Washed,
            PanelWords.Unwashed => SampleTreatment.Unwashed,
            _ => SampleTreatment.Unknown,
        };
        if (treatment == SampleTreatment.Unknown)
        {
            Problem(DiagnosticCodes.ConditionTypeMismatch, $"'{word.Text}' is not a sample treatment; expected washed or unwashed.", word.Start);
        }

        return new SampleNode(treatment, negated, start, word.End, Slice(start, word.End));
    }

    private ContextNode ParseContext()
    {
        var start = Next().Start;
        Expect(TokenKind.Dot, "'.' after 'context'");
        var key = Expect(TokenKind.Word, "a context key");
        if (ClientContext.KeyAliases.TryGetValue(key.Text, out var listKey))
        {
            ExpectWord("includes");
            var values = new List<Token>();
            int end;
            if (Current.Is("any") && Peek().Kind == TokenKind.OpenParen)
            {
                Next();
                Next();
                values.Add(Expect(TokenKind.Word, "a context value"));
                while (Current.Kind == TokenKind.Comma)
                {
                    Next();
                    values.Add(Expect(TokenKind.Word, "a context value"));
                }

                end = Expect(TokenKind.CloseParen, "')'").End;
            }
            else
            {
                var single = Expect(TokenKind.Word, "a context value");
                values.Add(single);
                end = single.End;
            }

            var vocabulary = ClientContext.Vocabulary[listKey];
            foreach (var value in values.Where(v => !vocabulary.Contains(v.Text)))
            {
                Problem(DiagnosticCodes.UnknownContextKeyInRule, $"'{value.Text}' is not a known {listKey} value; expected one of {string.Join(", ", vocabulary)}.", value.Start);
            }

            return new ContextNode(listKey, [.. values.Select(v => v.Text)], false, start, end, Slice(start, end));
        }

        if (ClientContext.ListOfValue.TryGetValue(key.Text, out var owner))
        {
            ExpectWord("is");
            var word = Expect(TokenKind.Word, "true or false");
            var negated = word.Text switch
            {
                "true" => false,
                "false" => true,
                _ => throw Syntax($"Expected true or false, found '{word.Text}'.", word.Start),
            };
            return new ContextNode(owner, [key.Text], negated, start, word.End, Slice(start, word.End));
        }

        Problem(
            DiagnosticCodes.UnknownContextKeyInRule,
            $"'context.{key.Text}' is not a known context key; use context.symptoms/conditions/lifestyle/diet includes VALUE, or context.VALUE is true.",
            key.Start);
        // Skip the rest of the test so that later problems are still found.
        if (Accept("includes") || Accept("is"))
        {
            Next();
        }

        return new ContextNode("symptoms", [], false, start, Current.Start, Slice(start, _tokens[_position - 1].End));
    }

    /// <summary><c>any(Pb, Cd) is elevated</c> → <c>Pb is elevated or Cd is elevated</c>; <c>all(...)</c> joins with and.</summary>
    private ConditionNode ParseQuantifier()
    {
        var keyword = Next();
        Expect(TokenKind.OpenParen, $"'(' after '{keyword.Text}'");
        var elements = new List<Token>();
        do
        {
            var element = Expect(TokenKind.Word, "an element symbol");
            if (element.Text is "toxic" or "nutrient")
            {
                var category = element.Text == "toxic" ? ElementCategory.Toxic : ElementCategory.Nutrient;
                elements.AddRange(_scope.Catalog.All.Where(e => e.Category == category)
                    .Select(e => new Token(TokenKind.Word, e.Symbol, element.Start, element.End)));
            }
            else
            {
                elements.Add(element);
            }
        }
        while (Current.Kind == TokenKind.Comma && Next().Kind == TokenKind.Comma);

        Expect(TokenKind.CloseParen, "')'");
        var testStart = _position;
        var leaves = new List<ConditionNode>(elements.Count);
        foreach (var element in elements)
        {
            CountTerm(element.Start);
            _position = testStart;
            var index = CheckElement(element) ? _scope.ElementIndex[element.Text] : -2;
            var operand = new Operand(OperandKind.Element, element.Text, element.Start, element.End) { Index = index };
            leaves.Add(ParseTestOn(operand with { End = _tokens[testStart - 1].End }, keyword.Start, element.Text, index));
        }

        return leaves.Count switch
        {
            0 => throw Syntax($"'{keyword.Text}(...)' needs at least one element.", keyword.Start),
            1 => leaves[0],
            _ => keyword.Text == "any" ? new OrNode(leaves) : new AndNode(leaves),
        };
    }

    private CountNode ParseCount()
    {
        var start = Next().Start;
        if (Current.Kind != TokenKind.OpenParen)
        {
            throw Syntax($"Expected '(' after 'count', found '{Current.Text}'.");
        }

        Enter();
        var items = new List<ConditionNode> { ParseOr() };
        while (Current.Kind == TokenKind.Comma)
        {
            Next();
            items.Add(ParseOr());
        }

        Expect(TokenKind.CloseParen, "')'");
        _depth--;
        var op = Expect(TokenKind.Compare, "a comparison after 'count(...)'").Op;
        var number = Expect(TokenKind.Number, "a whole number");
        if (number.Number != decimal.Truncate(number.Number) || number.Number > items.Count)
        {
            Problem(DiagnosticCodes.ConditionTypeMismatch, $"count(...) must be compared with a whole number from 0 to {items.Count}.", number.Start);
        }

        return new CountNode(items, op, (int)Math.Min(number.Number, int.MaxValue), start, number.End);
    }
}
