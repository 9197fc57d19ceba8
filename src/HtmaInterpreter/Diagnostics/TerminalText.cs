using System.Buffers;
using System.Globalization;
using System.Text;

namespace HtmaInterpreter.Diagnostics;

/// <summary>
/// Makes text that came from input (a sample id, a column name, a rule's title, a diagnostic) safe to print on a
/// terminal: characters a terminal acts on instead of showing (ESC and BEL, which can retitle the terminal or inject
/// colour; the other C0 controls, DEL and the C1 controls) and the bidirectional overrides and isolates that reorder what
/// is shown (U+202A–U+202E, U+2066–U+2069) are written visibly as <c>\u001B</c>. The text reports, <c>htma show</c> and
/// diagnostics (<see cref="Diagnostics.Diagnostic.ToString"/>) all print through it.
/// </summary>
internal static class TerminalText
{
    private static readonly SearchValues<char> Unsafe = SearchValues.Create(Characters(keepLineBreaks: false));
    private static readonly SearchValues<char> UnsafeInLines = SearchValues.Create(Characters(keepLineBreaks: true));

    /// <summary>Escapes the characters a terminal would act on; text without any is returned as it is.</summary>
    /// <param name="text">The text; <c>null</c> gives an empty string.</param>
    /// <param name="keepLineBreaks">True to leave tab and line feed alone (running text where the layout allows them); false for one-line text and table cells.</param>
    /// <returns>The text with each such character written as <c>\uXXXX</c>. Escaping twice gives the same text as escaping once.</returns>
    public static string Escape(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            return "";
        }

        var unsafeCharacters = keepLineBreaks ? UnsafeInLines : Unsafe;
        var first = text.AsSpan().IndexOfAny(unsafeCharacters);
        if (first < 0)
        {
            return text;
        }

        var escaped = new StringBuilder(text.Length + 16).Append(text, 0, first);
        foreach (var c in text.AsSpan(first))
        {
            if (unsafeCharacters.Contains(c))
            {
                AppendEscaped(escaped, c);
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    /// <summary>Whether a terminal would act on the character instead of showing it (line feed and tab included).</summary>
    internal static bool IsUnsafe(char c) => Unsafe.Contains(c);

    /// <summary>Writes the character visibly, as <c>\u001B</c>.</summary>
    internal static void AppendEscaped(StringBuilder text, char c) =>
        text.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");

    private static string Characters(bool keepLineBreaks)
    {
        var characters = new StringBuilder();
        for (var c = '\0'; c <= '\u001F'; c++)
        {
            if (!keepLineBreaks || c is not ('\t' or '\n'))
            {
                characters.Append(c);
            }
        }

        for (var c = '\u007F'; c <= '\u009F'; c++)
        {
            characters.Append(c);
        }

        return characters.Append("\u202A\u202B\u202C\u202D\u202E\u2066\u2067\u2068\u2069").ToString();
    }
}
