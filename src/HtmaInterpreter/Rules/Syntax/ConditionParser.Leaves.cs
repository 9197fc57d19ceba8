using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Oxidation;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

/// <summary>The tests of a condition and their operands: comparisons, levels, oxidation, sex, sample and context, each bound to its names and type-checked.</summary>
internal sealed partial class ConditionParser
{
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

    private static bool TryOxidationType(string text, out OxidationType type) => OxidationWords.TryParse(text, out type);

    private static bool TryDegree(string text, out OxidationDegree degree) => OxidationWords.TryParse(text, out degree);

    private SexNode ParseSex()
    {
        var (sex, negated, start, word) = ParseIsWord(Sex.Unknown, "a sex", (PanelWords.Female, Sex.Female), (PanelWords.Male, Sex.Male));
        return new SexNode(sex, negated, start, word.End, Slice(start, word.End));
    }

    private SampleNode ParseSample()
    {
        var (treatment, negated, start, word) = ParseIsWord(
            SampleTreatment.Unknown, "a sample treatment", (PanelWords.Washed, SampleTreatment.Washed), (PanelWords.Unwashed, SampleTreatment.Unwashed));
        return new SampleNode(treatment, negated, start, word.End, Slice(start, word.End));
    }

    /// <summary>
    /// <c>FIELD is [not] WORD</c> for a field with two words (sex, sample): the value of the word, or
    /// <paramref name="unknown"/> with a type-mismatch problem naming <paramref name="what"/> and the two words.
    /// </summary>
    private (T Value, bool Negated, int Start, Token Word) ParseIsWord<T>(T unknown, string what, (string Word, T Value) first, (string Word, T Value) second)
    {
        var start = Next().Start;
        ExpectWord("is");
        var negated = Accept("not");
        var expected = $"{first.Word} or {second.Word}";
        var word = Expect(TokenKind.Word, expected);
        var value = word.Text == first.Word ? first.Value : word.Text == second.Word ? second.Value : unknown;
        if (EqualityComparer<T>.Default.Equals(value, unknown))
        {
            Problem(DiagnosticCodes.ConditionTypeMismatch, $"'{word.Text}' is not {what}; expected {expected}.", word.Start);
        }

        return (value, negated, start, word);
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
}
