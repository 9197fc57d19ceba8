using System.Globalization;
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
        var candidate = text.Trim();
        if (decimalComma && candidate.Contains(',', StringComparison.Ordinal) && !candidate.Contains('.', StringComparison.Ordinal))
        {
            candidate = candidate.Replace(',', '.');
        }

        return decimal.TryParse(candidate, Style, CultureInfo.InvariantCulture, out value);
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
