using System.Globalization;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Rules;

internal enum TokenKind
{
    Word,
    Number,
    Unit,
    Compare,
    OpenParen,
    CloseParen,
    Comma,
    Slash,
    Dot,
    End,
}

internal enum CompareOp
{
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    Equal,
    NotEqual,
}

/// <summary>One token of a condition; <see cref="Start"/> and <see cref="End"/> are offsets in the condition text.</summary>
internal readonly record struct Token(TokenKind Kind, string Text, int Start, int End)
{
    public decimal Number { get; init; }

    public ConcentrationUnit Unit { get; init; }

    public CompareOp Op { get; init; }

    public bool Is(string word) => Kind == TokenKind.Word && string.Equals(Text, word, StringComparison.Ordinal);
}

/// <summary>A located problem found while reading a condition.</summary>
internal sealed class ConditionException(string code, string message, int start) : Exception(message)
{
    public string Code { get; } = code;

    public int Start { get; } = start;
}

/// <summary>Splits a condition into tokens, recording each token's offset so errors can point inside the YAML scalar.</summary>
internal static class ConditionTokenizer
{
    public static List<Token> Tokenize(string text)
    {
        var tokens = new List<Token>();
        var i = 0;
        while (i < text.Length)
        {
            var c = text[i];
            if (char.IsWhiteSpace(c))
            {
                i++;
                continue;
            }

            var start = i;
            if (char.IsAsciiLetter(c) || c == '_')
            {
                while (i < text.Length && (char.IsAsciiLetterOrDigit(text[i]) || text[i] is '_' or '-'))
                {
                    i++;
                }

                tokens.Add(new Token(TokenKind.Word, text[start..i], start, i));
                continue;
            }

            if (char.IsAsciiDigit(c) || (c == '.' && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1])))
            {
                while (i < text.Length && (char.IsAsciiDigit(text[i]) || text[i] == '.'))
                {
                    i++;
                }

                var numberText = text[start..i];
                if (!decimal.TryParse(numberText, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var number))
                {
                    throw new ConditionException(Diagnostics.DiagnosticCodes.ConditionSyntax, $"'{numberText}' is not a number.", start);
                }

                tokens.Add(new Token(TokenKind.Number, numberText, start, i) { Number = number });
                i = ReadUnit(text, i, tokens);
                continue;
            }

            switch (c)
            {
                case '(':
                    tokens.Add(new Token(TokenKind.OpenParen, "(", start, ++i));
                    continue;
                case ')':
                    tokens.Add(new Token(TokenKind.CloseParen, ")", start, ++i));
                    continue;
                case ',':
                    tokens.Add(new Token(TokenKind.Comma, ",", start, ++i));
                    continue;
                case '/':
                    tokens.Add(new Token(TokenKind.Slash, "/", start, ++i));
                    continue;
                case '.':
                    tokens.Add(new Token(TokenKind.Dot, ".", start, ++i));
                    continue;
                case '≤':
                    tokens.Add(new Token(TokenKind.Compare, "<=", start, ++i) { Op = CompareOp.LessOrEqual });
                    continue;
                case '≥':
                    tokens.Add(new Token(TokenKind.Compare, ">=", start, ++i) { Op = CompareOp.GreaterOrEqual });
                    continue;
                case '≠':
                    tokens.Add(new Token(TokenKind.Compare, "!=", start, ++i) { Op = CompareOp.NotEqual });
                    continue;
                case '<' or '>' or '=' or '!':
                    var twoChars = i + 1 < text.Length && text[i + 1] == '=';
                    var op = (c, twoChars) switch
                    {
                        ('<', false) => CompareOp.Less,
                        ('<', true) => CompareOp.LessOrEqual,
                        ('>', false) => CompareOp.Greater,
                        ('>', true) => CompareOp.GreaterOrEqual,
                        ('=', _) => CompareOp.Equal,
                        ('!', true) => CompareOp.NotEqual,
                        _ => throw new ConditionException(Diagnostics.DiagnosticCodes.ConditionSyntax, "'!' must be followed by '=' (write 'not' to negate).", start),
                    };
                    i += twoChars ? 2 : 1;
                    tokens.Add(new Token(TokenKind.Compare, text[start..i], start, i) { Op = op });
                    continue;
                default:
                    throw new ConditionException(Diagnostics.DiagnosticCodes.ConditionSyntax, $"Unexpected character '{c}'.", start);
            }
        }

        tokens.Add(new Token(TokenKind.End, "end of condition", text.Length, text.Length));
        return tokens;
    }

    /// <summary>Reads a unit written after a number (<c>165 mg%</c>, <c>1.1 µg/g</c>); words such as <c>and</c> are left alone.</summary>
    private static int ReadUnit(string text, int i, List<Token> tokens)
    {
        var start = i;
        while (start < text.Length && text[start] == ' ')
        {
            start++;
        }

        var end = start;
        while (end < text.Length && (char.IsLetter(text[end]) || text[end] is '%' or '/' or 'µ' or 'μ'))
        {
            end++;
        }

        if (end == start)
        {
            return i;
        }

        var word = text[start..end];
        if (Units.TryParse(word, out var unit))
        {
            tokens.Add(new Token(TokenKind.Unit, word, start, end) { Unit = unit });
            return end;
        }

        if (word.IndexOfAny(['%', '/', 'µ', 'μ']) >= 0 || start == i)
        {
            throw new ConditionException(
                Diagnostics.DiagnosticCodes.UnknownUnitInRule,
                $"Unknown unit '{word}'; use one of mg%, ppm, µg/g, mcg/g, mg/kg, ppb, ng/g.",
                start);
        }

        return i;
    }
}
