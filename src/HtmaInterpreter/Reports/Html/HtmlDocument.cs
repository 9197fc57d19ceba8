using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Reports;

/// <summary>
/// The shell every HTML report shares: doctype, head, one <c>&lt;style&gt;</c> (the report's CSS, the page-specific
/// additions, the practice letterhead and footer, the practice's extra CSS), and the letterhead at the top of the body.
/// Only the branding parts that pass <see cref="BrandingCheck"/> are written, so rendering never throws on a branding
/// and never loads anything.
/// </summary>
internal static class HtmlDocument
{
    private const string LetterheadCss =
        """
        .brand-letterhead { max-width: 210mm; margin: 16px auto -16px; padding: 8mm 13mm 4mm; background: #fff; display: flex; align-items: center; gap: 14px; }
        .brand-logo { max-height: 18mm; max-width: 60mm; object-fit: contain; }
        .brand-practice { min-width: 0; }
        .brand-name { margin: 0; font-size: 17px; font-weight: 650; overflow-wrap: anywhere; }
        .brand-address { margin: 2px 0 0; font-size: 11px; color: #5f6b7a; overflow-wrap: anywhere; }
        @media print { .brand-letterhead { max-width: none; margin: 0 0 5mm; padding: 0; } }

        """;

    /// <summary>Writes everything up to and including the opening of the body (the letterhead is <see cref="WriteLetterhead(StringBuilder, ReportOptions?)"/>).</summary>
    /// <param name="html">Where to write.</param>
    /// <param name="title">The document title (escaped here).</param>
    /// <param name="css">The report's own CSS.</param>
    /// <param name="pageCss">CSS that belongs to this document only (e.g. the page-margin boxes), or an empty string.</param>
    /// <param name="options">The options, with the branding if any.</param>
    public static void Begin(StringBuilder html, string title, string css, string pageCss, ReportOptions? options)
    {
        var branding = options?.Branding is { IsEmpty: false } given ? BrandingCheck.Usable(given) : null;
        html.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<meta name=\"generator\" content=\"HtmaInterpreter\">\n")
            .Append("<title>").Append(HtmlReport.Escape(title)).Append("</title>\n<style>\n").Append(css).Append(pageCss);
        if (branding is not null)
        {
            WriteBrandingCss(html, branding);
        }

        html.Append("</style>\n</head>\n<body>\n");
    }

    /// <summary>
    /// Writes the practice letterhead (logo, name, address), when the options carry one, at the top of a printed
    /// section: each panel's article carries its own, so it prints on the panel's first page, not on a page of its own.
    /// </summary>
    /// <param name="html">Where to write.</param>
    /// <param name="options">The options, with the branding if any.</param>
    public static void WriteLetterhead(StringBuilder html, ReportOptions? options)
    {
        if (options?.Branding is { IsEmpty: false } given)
        {
            WriteLetterhead(html, BrandingCheck.Usable(given));
        }
    }

    /// <summary>Closes the body and the document.</summary>
    public static void End(StringBuilder html) => html.Append("</body>\n</html>\n");

    /// <summary>
    /// Text as a double-quoted CSS string. Everything but letters, digits, space and a few safe punctuation marks is
    /// written as a hexadecimal escape, so no input can end the string, the rule or the <c>style</c> element.
    /// </summary>
    public static string CssString(string text)
    {
        // Control characters and bidirectional overrides are first shown as \u001B, as everywhere else.
        var shown = new StringBuilder(text.Length + 8);
        foreach (var c in text)
        {
            if (TerminalText.IsUnsafe(c))
            {
                TerminalText.AppendEscaped(shown, c);
            }
            else
            {
                shown.Append(c);
            }
        }

        var css = new StringBuilder(shown.Length + 16).Append('"');
        foreach (var rune in shown.ToString().EnumerateRunes())
        {
            if (rune.IsAscii && (char.IsAsciiLetterOrDigit((char)rune.Value) || rune.Value is ' ' or '-' or '_' or '.' or ',' or ':' or '/' or '(' or ')'))
            {
                css.Append((char)rune.Value);
            }
            else
            {
                css.Append('\\').Append(rune.Value.ToString("X", CultureInfo.InvariantCulture)).Append(' ');
            }
        }

        return css.Append('"').ToString();
    }

    private static void WriteBrandingCss(StringBuilder html, ReportBranding branding)
    {
        if (!string.IsNullOrEmpty(branding.PracticeName) || branding.Address.Count > 0 || branding.Logo is not null)
        {
            html.Append(LetterheadCss);
        }

        if (!string.IsNullOrEmpty(branding.Footer))
        {
            html.Append("@page { @bottom-left { content: ").Append(CssString(branding.Footer))
                .Append("; font-size: 8pt; color: #5f6b7a; vertical-align: top; } }\n");
        }

        if (!string.IsNullOrEmpty(branding.ExtraCss))
        {
            html.Append("/* practice CSS */\n").Append(branding.ExtraCss).Append('\n');
        }
    }

    private static void WriteLetterhead(StringBuilder html, ReportBranding branding)
    {
        if (string.IsNullOrEmpty(branding.PracticeName) && branding.Address.Count == 0 && branding.Logo is null)
        {
            return;
        }

        html.Append("<header class=\"brand-letterhead\">\n");
        if (branding.Logo is { MediaType: { } mediaType } logo)
        {
            html.Append("<img class=\"brand-logo\" alt=\"").Append(HtmlReport.Escape(branding.PracticeName is { Length: > 0 } name ? name + " logo" : "Practice logo"))
                .Append("\" src=\"data:").Append(mediaType).Append(";base64,").Append(Convert.ToBase64String(logo.Bytes.AsSpan())).Append("\">\n");
        }

        html.Append("<div class=\"brand-practice\">\n");
        if (!string.IsNullOrEmpty(branding.PracticeName))
        {
            html.Append("<p class=\"brand-name\">").Append(HtmlReport.Escape(branding.PracticeName)).Append("</p>\n");
        }

        if (branding.Address.Count > 0)
        {
            html.Append("<p class=\"brand-address\">").Append(string.Join("<br>", branding.Address.Select(HtmlReport.Escape))).Append("</p>\n");
        }

        html.Append("</div>\n</header>\n");
    }
}
