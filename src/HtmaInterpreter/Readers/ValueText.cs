using System.Globalization;
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
}

/// <summary>The outcome of reading a value field.</summary>
/// <param name="Kind">What the text held.</param>
/// <param name="Amount">The number (the limit for detection-limit values, 0 for ND).</param>
/// <param name="Qualifier">The qualifier.</param>
internal readonly record struct ParsedValue(ValueTextKind Kind, decimal Amount, MeasurementQualifier Qualifier);

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
        if (IsNotDetected(trimmed))
        {
            return new(ValueTextKind.Number, 0m, MeasurementQualifier.NotDetected);
        }

        var qualifier = MeasurementQualifier.Exact;
        if (trimmed[0] == '<')
        {
            qualifier = MeasurementQualifier.BelowDetectionLimit;
            trimmed = trimmed[1..].TrimStart();
        }
        else if (trimmed[0] == '>')
        {
            qualifier = MeasurementQualifier.AboveQuantitationLimit;
            trimmed = trimmed[1..].TrimStart();
        }

        if (TryParseNumber(trimmed, decimalComma, out var amount))
        {
            return new(ValueTextKind.Number, amount, qualifier);
        }

        return IsNotFinite(trimmed)
            ? new(ValueTextKind.NotFinite, 0m, qualifier)
            : new(ValueTextKind.NotANumber, 0m, qualifier);
    }

    /// <summary>Reads a plain number (no qualifier), e.g. a reference range bound.</summary>
    /// <param name="text">The text.</param>
    /// <param name="decimalComma">True when a comma is the decimal mark.</param>
    /// <param name="value">The number.</param>
    /// <returns>True when the text is a finite number.</returns>
    public static bool TryParseNumber(string text, bool decimalComma, out decimal value)
    {
        if (TryParsePlain(text, out value))
        {
            return true; // the common case, e.g. 70.4: no copy, no culture lookup
        }

        var candidate = text.Trim();
        if (decimalComma && candidate.Contains(',', StringComparison.Ordinal) && !candidate.Contains('.', StringComparison.Ordinal))
        {
            candidate = candidate.Replace(',', '.');
        }

        return decimal.TryParse(candidate, Style, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Reads the plain forms labs print almost always, <c>123</c> and <c>123.456</c> (ASCII digits, at most one point,
    /// no sign, blank, exponent or comma, at most 18 digits), into the exact decimal <see cref="decimal.TryParse(string?, out decimal)"/>
    /// gives, trailing zeros (the scale) included. Anything else returns false and goes through decimal.TryParse.
    /// </summary>
    internal static bool TryParsePlain(ReadOnlySpan<char> text, out decimal value)
    {
        var parsed = TryParsePlain(text, out var mantissa, out var scale, out _);
        value = parsed ? DecimalParts.ToDecimal(mantissa, scale) : 0m;
        return parsed;
    }

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

    private static bool IsNotDetected(string text) =>
        text.Equals("ND", StringComparison.OrdinalIgnoreCase) || text.Equals("n.d.", StringComparison.OrdinalIgnoreCase)
        || text.Equals("not detected", StringComparison.OrdinalIgnoreCase);

    private static bool IsNotFinite(string text)
    {
        var lower = text.Trim().TrimStart('+', '-').ToUpperInvariant();
        return lower is "NAN" or ".NAN" or "INF" or ".INF" or "INFINITY" or "∞";
    }
}
