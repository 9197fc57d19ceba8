using System.Globalization;
using System.Text;
using System.Runtime.CompilerServices;
using HtmaInterpreter.Panels;

namespace HtmaInterpreter.Readers;

/// <summary>What a value field turned out to hold.</summary>
internal enum ValueTextKind
{
    /// <summary>Nothing (empty or blank).</summary>
    Empty,

    /// <summary>A number, possibly with a detection-limit qualifier.</summary>
    Number,

    /// <summary>NaN or an infinity.</summary>
    NotFinite,

    /// <summary>Text that is not a number.</summary>
    NotANumber,

    /// <summary>A number too large for a decimal (beyond about 7.9 × 10^28).</summary>
    TooLarge,
}

/// <summary>The outcome of reading a value field.</summary>
/// <param name="Kind">What the text held.</param>
/// <param name="Amount">The number (the limit for detection-limit values, 0 for ND).</param>
/// <param name="Qualifier">The qualifier.</param>
/// <param name="Rounded">True when the text is a number the decimal cannot hold exactly: it has more digits than a decimal keeps, or (<see cref="Amount"/> is then 0) it is nonzero but smaller than 10^-28.</param>
internal readonly record struct ParsedValue(ValueTextKind Kind, decimal Amount, MeasurementQualifier Qualifier, bool Rounded = false);

/// <summary>Reads the numbers and detection-limit texts labs print.</summary>
internal static class ValueText
{
    private const NumberStyles Style =
        NumberStyles.AllowLeadingWhite | NumberStyles.AllowTrailingWhite | NumberStyles.AllowLeadingSign |
        NumberStyles.AllowDecimalPoint | NumberStyles.AllowExponent;

    /// <summary>Reads a value: a number, <c>&lt;0.002</c>, <c>&gt;500</c> or <c>ND</c>.</summary>
    /// <param name="text">The text as printed.</param>
    /// <param name="decimalComma">True when a comma is the decimal mark (European exports with a <c>;</c> separator).</param>
    /// <returns>What was found.</returns>
    public static ParsedValue Parse(string? text, bool decimalComma)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return new(ValueTextKind.Empty, 0m, MeasurementQualifier.Exact);
        }

        var trimmed = text.Trim();
        if (IsNotDetected(trimmed.AsSpan()))
        {
            return new(ValueTextKind.Number, 0m, MeasurementQualifier.NotDetected);
        }

        var qualifier = LimitQualifier(trimmed[0]);
        if (qualifier != MeasurementQualifier.Exact)
        {
            trimmed = trimmed[1..].TrimStart();
        }

        if (TryParseNumber(trimmed, decimalComma, out var amount, out var rounded))
        {
            return new(ValueTextKind.Number, amount, qualifier, rounded);
        }

        return IsNotFinite(trimmed) ? new(ValueTextKind.NotFinite, 0m, qualifier)
            : double.TryParse(Candidate(trimmed, decimalComma), Style, CultureInfo.InvariantCulture, out _) ? new(ValueTextKind.TooLarge, 0m, qualifier)
            : new(ValueTextKind.NotANumber, 0m, qualifier);
    }

    /// <summary>Reads a plain number (no qualifier), e.g. a reference range bound.</summary>
    /// <param name="text">The text.</param>
    /// <param name="decimalComma">True when a comma is the decimal mark.</param>
    /// <param name="value">The number.</param>
    /// <returns>True when the text is a finite number.</returns>
    public static bool TryParseNumber(string text, bool decimalComma, out decimal value) =>
        TryParseNumber(text, decimalComma, out value, out _);

    /// <summary>Reads a plain number (no qualifier), telling whether the decimal holds it exactly.</summary>
    /// <param name="text">The text.</param>
    /// <param name="decimalComma">True when a comma is the decimal mark.</param>
    /// <param name="value">The number, rounded to what a decimal holds (28 digits after the point, 28 or 29 in all).</param>
    /// <param name="rounded">True when <paramref name="value"/> is not exactly the number written (see <see cref="ParsedValue.Rounded"/>).</param>
    /// <returns>True when the text is a finite number within the decimal range.</returns>
    public static bool TryParseNumber(string text, bool decimalComma, out decimal value, out bool rounded)
    {
        rounded = false;
        if (TryParsePlain(text, out value))
        {
            return true; // the common case, e.g. 70.4: no copy, no culture lookup; at most 18 digits, so exact
        }

        var candidate = Candidate(text, decimalComma);
        if (!decimal.TryParse(candidate, Style, CultureInfo.InvariantCulture, out value))
        {
            return false;
        }

        rounded = !IsExactly(candidate, value);
        return true;
    }

    private static string Candidate(string text, bool decimalComma)
    {
        var candidate = text.Trim();
        return decimalComma && candidate.Contains(',', StringComparison.Ordinal) && !candidate.Contains('.', StringComparison.Ordinal)
            ? candidate.Replace(',', '.')
            : candidate;
    }

    /// <summary>
    /// True when <paramref name="value"/> is exactly the number <paramref name="text"/> writes (as decimal.TryParse read
    /// it: blanks, a sign, digits with one point, an exponent): both have the same significant digits, the first of them
    /// at the same power of ten. Reads the text once more, without copying it, however long it is.
    /// </summary>
    internal static bool IsExactly(ReadOnlySpan<char> text, decimal value)
    {
        Span<char> formatted = stackalloc char[48];
        value.TryFormat(formatted, out var written, default, CultureInfo.InvariantCulture); // no exponent, at most 31 characters
        formatted = formatted[..written];
        Span<char> digits = stackalloc char[32];
        var count = 0;
        foreach (var c in formatted)
        {
            if (char.IsAsciiDigit(c) && (count > 0 || c != '0'))
            {
                digits[count++] = c;
            }
        }

        while (count > 0 && digits[count - 1] == '0')
        {
            count--;
        }

        var firstPower = FirstPower(formatted, out _, out _);
        var textFirstPower = FirstPower(text, out var mantissaEnd, out var exponent);
        if (firstPower is null || textFirstPower is null)
        {
            return firstPower is null && textFirstPower is null; // both zero; a nonzero text read as 0 underflowed
        }

        if (textFirstPower + exponent != firstPower)
        {
            return false;
        }

        // The text's significant digits, in order, must be the decimal's followed only by zeros.
        var at = 0;
        foreach (var c in text[..mantissaEnd])
        {
            if (!char.IsAsciiDigit(c) || (at == 0 && c == '0'))
            {
                continue;
            }

            if (at < count ? c != digits[at] : c != '0')
            {
                return false;
            }

            at++;
        }

        return at >= count;
    }

    /// <summary>
    /// The power of ten of the first nonzero digit of a number's mantissa (<c>null</c> when it has none), where the
    /// mantissa ends, and the exponent written after it (saturated).
    /// </summary>
    private static long? FirstPower(ReadOnlySpan<char> text, out int mantissaEnd, out long exponent)
    {
        int digitsBeforePoint = 0, zerosBeforeFirst = 0;
        bool point = false, found = false, firstAfterPoint = false;
        mantissaEnd = text.Length;
        exponent = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsAsciiDigit(c))
            {
                if (c != '0' && !found)
                {
                    found = true;
                    firstAfterPoint = point;
                }
                else if (!found)
                {
                    zerosBeforeFirst++;
                }

                digitsBeforePoint += point ? 0 : 1;
            }
            else if (c == '.')
            {
                point = true;
            }
            else if (c is 'e' or 'E')
            {
                mantissaEnd = i;
                exponent = Exponent(text[(i + 1)..]);
                break;
            }
        }

        if (!found)
        {
            return null;
        }

        // 123.4: 3 digits before the point, the first at 10^2; 0.00123: 3 zeros (1 before the point), the first at 10^-3.
        return firstAfterPoint ? -(long)(zerosBeforeFirst - digitsBeforePoint) - 1 : (long)digitsBeforePoint - zerosBeforeFirst - 1;
    }

    private static long Exponent(ReadOnlySpan<char> text)
    {
        const long Saturated = 1_000_000_000; // far beyond any exponent a decimal can hold, and beyond any text's digits
        var negative = false;
        long value = 0;
        foreach (var c in text)
        {
            if (c == '-')
            {
                negative = true;
            }
            else if (char.IsAsciiDigit(c))
            {
                value = Math.Min(Saturated, (value * 10) + (c - '0'));
            }
        }

        return negative ? -value : value;
    }

    /// <summary>
    /// Reads the plain forms labs print almost always, <c>123</c> and <c>123.456</c> (ASCII digits, at most one point,
    /// no sign, blank, exponent or comma, at most 18 digits), into the exact decimal <see cref="decimal.TryParse(string?, out decimal)"/>
    /// gives, trailing zeros (the scale) included. Anything else returns false and goes through decimal.TryParse.
    /// </summary>
    internal static bool TryParsePlain(ReadOnlySpan<char> text, out decimal value)
    {
        var parsed = TryParsePlain(text, out var mantissa, out var scale, out _);
        value = parsed ? ToDecimal(mantissa, scale) : 0m;
        return parsed;
    }

    /// <summary>The decimal of a 64-bit mantissa and a scale (0 to 28), trailing zeros kept.</summary>
    internal static decimal ToDecimal(ulong mantissa, int scale) =>
        new((int)(mantissa & 0xFFFFFFFF), (int)(mantissa >> 32), 0, isNegative: false, (byte)scale);

    /// <summary>The plain form's parts: the digits as an integer (below 10^18) and how many of them follow the point.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)] // generic over the element type, so not compiled ahead of time; the batch's hottest loop
    internal static bool TryParsePlain<T>(ReadOnlySpan<T> text, out ulong mantissa, out int scale, out int wholeDigits)
        where T : unmanaged, System.Numerics.IBinaryInteger<T>
    {
        mantissa = 0;
        scale = 0;
        wholeDigits = 0;
        if (text.Length is 0 or > 19)
        {
            return false;
        }

        var digits = 0;
        var point = -1;
        for (var i = 0; i < text.Length; i++)
        {
            var c = int.CreateTruncating(text[i]);
            var digit = c - '0';
            if ((uint)digit <= 9)
            {
                mantissa = (mantissa * 10) + (uint)digit;
                digits++;
            }
            else if (c == '.' && point < 0)
            {
                point = i;
            }
            else
            {
                return false;
            }
        }

        if (digits == 0 || digits > 18)
        {
            return false;
        }

        scale = point < 0 ? 0 : text.Length - point - 1;
        wholeDigits = point < 0 ? text.Length : point;
        return true;
    }

    /// <summary>
    /// True when a (trimmed) value field says the element was not detected: <c>ND</c>, <c>n.d.</c> or
    /// <c>not detected</c>, ASCII case ignored. The general reader and the batch fast path (bytes) both ask this.
    /// </summary>
    internal static bool IsNotDetected(ReadOnlySpan<char> text) =>
        Ascii.EqualsIgnoreCase(text, NotDetected) || Ascii.EqualsIgnoreCase(text, NotDetectedDotted) || Ascii.EqualsIgnoreCase(text, NotDetectedWords);

    /// <inheritdoc cref="IsNotDetected(ReadOnlySpan{char})"/>
    internal static bool IsNotDetected(ReadOnlySpan<byte> text) =>
        Ascii.EqualsIgnoreCase(text, NotDetected) || Ascii.EqualsIgnoreCase(text, NotDetectedDotted) || Ascii.EqualsIgnoreCase(text, NotDetectedWords);

    /// <summary>
    /// The qualifier a value's first character stands for: <c>&lt;</c> below the detection limit, <c>&gt;</c> above the
    /// quantitation limit, anything else <see cref="MeasurementQualifier.Exact"/> (the character is then part of the
    /// number). The general reader and the batch fast path (a byte) both ask this.
    /// </summary>
    internal static MeasurementQualifier LimitQualifier(char first) => first switch
    {
        BelowLimit => MeasurementQualifier.BelowDetectionLimit,
        AboveLimit => MeasurementQualifier.AboveQuantitationLimit,
        _ => MeasurementQualifier.Exact,
    };

    /// <inheritdoc cref="LimitQualifier(char)"/>
    internal static MeasurementQualifier LimitQualifier(byte first) => LimitQualifier((char)first);

    private const char BelowLimit = '<';
    private const char AboveLimit = '>';
    private const string NotDetected = "ND";
    private const string NotDetectedDotted = "n.d.";
    private const string NotDetectedWords = "not detected";

    private static bool IsNotFinite(string text)
    {
        var lower = text.Trim().TrimStart('+', '-').ToUpperInvariant();
        return lower is "NAN" or ".NAN" or "INF" or ".INF" or "INFINITY" or "∞";
    }
}
