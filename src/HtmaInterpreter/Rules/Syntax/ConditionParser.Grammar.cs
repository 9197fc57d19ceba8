using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>The condition grammar: <c>or</c>, <c>and</c>, <c>not</c>, parentheses, rule references, <c>any</c>/<c>all</c> and <c>count</c> (the tests themselves: <c>ConditionParser.Leaves.cs</c>).</summary>
internal sealed partial class ConditionParser
{
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
