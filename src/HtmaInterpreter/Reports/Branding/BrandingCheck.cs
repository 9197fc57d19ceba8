using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Reports;

/// <summary>
/// The one set of checks on a <see cref="ReportBranding"/>, used by <see cref="ReportBranding.Validate"/>, by
/// <see cref="ReportBrandingReader"/> (with file locations) and by rendering (which leaves out what fails).
/// </summary>
internal static partial class BrandingCheck
{
    /// <summary>A problem with one part: its code and a message for the practitioner.</summary>
    internal readonly record struct Problem(string Code, string Message);

    /// <summary>Checks every part, adding an error per part that rendering would leave out.</summary>
    /// <param name="branding">The branding.</param>
    /// <param name="locate">Where a part is, by its key (<c>practice</c>, <c>address</c>, <c>logo</c>, <c>footer</c>, <c>css</c>).</param>
    /// <param name="diagnostics">Where the errors go.</param>
    public static void Check(ReportBranding branding, Func<string, SourceLocation> locate, ICollection<Diagnostic> diagnostics)
    {
        void Add(Problem? problem, string part)
        {
            if (problem is { } p)
            {
                diagnostics.Add(Diagnostic.Error(p.Code, p.Message, locate(part)));
            }
        }

        Add(Text(branding.PracticeName, "The practice name"), "practice");
        Add(Address(branding.Address ?? []), "address");
        Add(branding.Logo is { } logo ? Logo(logo.Bytes.AsSpan()) : null, "logo");
        Add(Text(branding.Footer, "The footer"), "footer");
        Add(branding.ExtraCss is { } css ? Css(css) : null, "css");
    }

    /// <summary>The branding with every part that fails its check left out.</summary>
    public static ReportBranding Usable(ReportBranding branding) => new()
    {
        PracticeName = Text(branding.PracticeName, "") is null ? branding.PracticeName : null,
        Address = branding.Address is { } lines && Address(lines) is null ? [.. lines.Select(line => line ?? "")] : [],
        Logo = branding.Logo is { } logo && Logo(logo.Bytes.AsSpan()) is null ? logo : null,
        Footer = Text(branding.Footer, "") is null ? branding.Footer : null,
        ExtraCss = branding.ExtraCss is { } css && Css(css) is null ? css : null,
    };

    public static Problem? Text(string? text, string what) =>
        text is { Length: > InputLimits.MaxBrandingTextCharacters }
            ? new(DiagnosticCodes.BrandingTextTooLong, Invariant($"{what} is {text.Length:N0} characters long, more than the {InputLimits.MaxBrandingTextCharacters} a letterhead line can hold; it is left out of the report."))
            : null;

    public static Problem? Address(IReadOnlyList<string> lines)
    {
        if (lines.Count > InputLimits.MaxBrandingAddressLines)
        {
            return new(DiagnosticCodes.TooManyAddressLines, Invariant($"The address has {lines.Count} lines, more than the {InputLimits.MaxBrandingAddressLines} a letterhead can hold; it is left out of the report."));
        }

        for (var i = 0; i < lines.Count; i++)
        {
            if (Text(lines[i], Invariant($"Line {i + 1} of the address")) is { } problem)
            {
                return problem with { Message = problem.Message.Replace("it is left out", "the address is left out", StringComparison.Ordinal) };
            }
        }

        return null;
    }

    public static Problem? Logo(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length > InputLimits.MaxLogoBytes)
        {
            return new(DiagnosticCodes.LogoTooLarge, Invariant($"The logo is {bytes.Length:N0} bytes, more than the {InputLimits.MaxLogoBytes:N0} bytes ({InputLimits.MaxLogoBytes / 1024} KiB) allowed; it is left out of the report. Save it smaller (a letterhead logo needs a few KiB)."));
        }

        if (MediaType(bytes) is not null)
        {
            return null;
        }

        return new(
            DiagnosticCodes.LogoNotPngOrJpeg,
            LooksLikeMarkup(bytes)
                ? "The logo looks like an SVG or other markup, which is not allowed because it can carry scripts and load from elsewhere; it is left out of the report. Save it as PNG or JPEG."
                : "The logo is not a PNG or JPEG image (judged by its first bytes, not its name); it is left out of the report. Save it as PNG or JPEG.");
    }

    /// <summary>The media type from the magic bytes: PNG's 8-byte signature or JPEG's start-of-image marker.</summary>
    public static string? MediaType(ReadOnlySpan<byte> bytes) =>
        bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) ? "image/png"
        : bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]) ? "image/jpeg"
        : null;

    private static bool LooksLikeMarkup(ReadOnlySpan<byte> bytes)
    {
        var start = bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]) ? 3 : 0;
        while (start < bytes.Length && bytes[start] is (byte)' ' or (byte)'\t' or (byte)'\r' or (byte)'\n')
        {
            start++;
        }

        return start < bytes.Length && bytes[start] == (byte)'<';
    }

    /// <summary>
    /// Checks extra CSS: its length, and that it neither ends the style element nor loads anything. The check runs on
    /// the CSS with comments removed and escapes decoded (so <c>@im\70ort</c> is <c>@import</c>); a harmless text that
    /// merely looks like a loader (inside a string) is refused too, which errs on the safe side.
    /// </summary>
    public static Problem? Css(string css)
    {
        if (css.Length > InputLimits.MaxBrandingCssCharacters)
        {
            return new(DiagnosticCodes.BrandingCssTooLong, Invariant($"The extra CSS is {css.Length:N0} characters long, more than the {InputLimits.MaxBrandingCssCharacters:N0} allowed; it is left out of the report."));
        }

        var plain = Normalise(css);
        if (css.Contains('<', StringComparison.Ordinal) || plain.Contains('<', StringComparison.Ordinal))
        {
            return Unsafe(css, css.IndexOf('<', StringComparison.Ordinal), "a '<', which could end the style element (CSS never needs one)");
        }

        if (plain.Contains("@import", StringComparison.Ordinal))
        {
            return Unsafe(css, -1, "@import, which loads another style sheet");
        }

        foreach (var word in (string[])["expression(", "behavior", "-moz-binding"])
        {
            if (plain.Contains(word, StringComparison.Ordinal))
            {
                return Unsafe(css, -1, $"'{word}', which old browsers use to run or load code");
            }
        }

        foreach (Match match in LoaderFunction().Matches(plain))
        {
            var name = match.Groups["name"].Value;
            var arguments = Arguments(plain, match.Index + match.Length);
            if (name == "url")
            {
                if (!arguments.Trim().TrimStart('"', '\'').TrimStart().StartsWith("data:", StringComparison.Ordinal))
                {
                    return Unsafe(css, -1, "url( with an address that is not a data: URI, which would load from elsewhere");
                }

                continue;
            }

            if (arguments.Contains("var(", StringComparison.Ordinal) || arguments.Contains("attr(", StringComparison.Ordinal)
                || Strings(arguments).Any(s => !s.TrimStart().StartsWith("data:", StringComparison.Ordinal))
                || (name is "src" or "image" && !Strings(arguments).Any()))
            {
                return Unsafe(css, -1, $"{name}( with an address that is not a data: URI, which would load from elsewhere");
            }
        }

        return null;
    }

    private static Problem Unsafe(string css, int index, string what)
    {
        var where = index < 0 ? "" : Invariant($" (line {css.AsSpan(0, index).Count('\n') + 1} of the CSS)");
        return new(DiagnosticCodes.BrandingCssUnsafe, $"The extra CSS holds {what}{where}; the report must stay one file that loads nothing, so the CSS is left out. Embed images as data: URIs.");
    }

    /// <summary>The CSS in lower case with comments removed and escapes (<c>\70</c>, <c>\p</c>) decoded; strings are kept with their quotes.</summary>
    private static string Normalise(string css)
    {
        var text = new StringBuilder(css.Length);
        char? quote = null;
        for (var i = 0; i < css.Length; i++)
        {
            var c = css[i];
            if (quote is null && c == '/' && i + 1 < css.Length && css[i + 1] == '*')
            {
                var end = css.IndexOf("*/", i + 2, StringComparison.Ordinal);
                i = end < 0 ? css.Length : end + 1;
                continue;
            }

            if (c == '\\' && i + 1 < css.Length)
            {
                var hex = 0;
                while (hex < 6 && i + 1 + hex < css.Length && char.IsAsciiHexDigit(css[i + 1 + hex]))
                {
                    hex++;
                }

                if (hex > 0)
                {
                    var code = int.Parse(css.AsSpan(i + 1, hex), NumberStyles.HexNumber, CultureInfo.InvariantCulture);
                    text.Append(code is > 0 and <= 0x10FFFF and not (>= 0xD800 and <= 0xDFFF) ? char.ConvertFromUtf32(code) : "\uFFFD");
                    i += hex;
                    if (i + 1 < css.Length && char.IsWhiteSpace(css[i + 1]))
                    {
                        i++;
                    }
                }
                else if (css[i + 1] != '\n')
                {
                    text.Append(css[++i]);
                }
                else
                {
                    i++;
                }

                continue;
            }

            if (quote is null && c is '"' or '\'')
            {
                quote = c;
            }
            else if (quote == c)
            {
                quote = null;
            }

            text.Append(c);
        }

        return text.ToString().ToLowerInvariant();
    }

    /// <summary>The text inside a function's parentheses, from <paramref name="start"/> to its closing parenthesis (or the end).</summary>
    private static string Arguments(string text, int start)
    {
        var depth = 1;
        char? quote = null;
        for (var i = start; i < text.Length; i++)
        {
            var c = text[i];
            if (quote is not null)
            {
                quote = c == quote ? null : quote;
            }
            else if (c is '"' or '\'')
            {
                quote = c;
            }
            else if (c == '(')
            {
                depth++;
            }
            else if (c == ')' && --depth == 0)
            {
                return text[start..i];
            }
        }

        return text[start..];
    }

    /// <summary>The contents of the quoted strings in a text.</summary>
    private static IEnumerable<string> Strings(string text)
    {
        foreach (Match match in QuotedString().Matches(text))
        {
            yield return match.Groups["body"].Value;
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    [GeneratedRegex(@"(?<![a-z0-9_-])(?<name>url|src|image|(?:-[a-z]+-)?image-set)\(", RegexOptions.CultureInvariant)]
    private static partial Regex LoaderFunction();

    [GeneratedRegex(@"(?<q>[""'])(?<body>.*?)(\k<q>|$)", RegexOptions.CultureInvariant | RegexOptions.Singleline)]
    private static partial Regex QuotedString();
}
