namespace HtmaInterpreter.Diagnostics;

public static partial class DiagnosticCodes
{
    // HTMA0901–HTMA0919: report branding (ReportBranding, --branding FILE).

    /// <summary>A branding file could not be read or is not well-formed YAML (error).</summary>
    public const string BrandingUnreadable = "HTMA0901";

    /// <summary>A branding file has a key other than practice, address, logo, footer and css (warning; the key is ignored).</summary>
    public const string UnknownBrandingKey = "HTMA0902";

    /// <summary>A branding value has the wrong shape, e.g. a list where one line of text is expected (error; the value is left out).</summary>
    public const string InvalidBrandingValue = "HTMA0903";

    /// <summary>The logo file of a branding could not be read (error; the logo is left out).</summary>
    public const string LogoUnreadable = "HTMA0904";

    /// <summary>The logo is not a PNG or JPEG image, judged by its first bytes; SVG is refused because it can carry scripts and external references (error; the logo is left out).</summary>
    public const string LogoNotPngOrJpeg = "HTMA0905";

    /// <summary>The logo is larger than <see cref="InputLimits.MaxLogoBytes"/> (error; the logo is left out).</summary>
    public const string LogoTooLarge = "HTMA0906";

    /// <summary>The extra CSS is longer than <see cref="InputLimits.MaxBrandingCssCharacters"/> (error; the CSS is left out).</summary>
    public const string BrandingCssTooLong = "HTMA0907";

    /// <summary>
    /// The extra CSS could load something from elsewhere or end the style element: <c>@import</c>, a <c>url(</c> that is
    /// not a <c>data:</c> URI, an address in <c>image-set(</c>, <c>image(</c> or <c>src(</c>, or a <c>&lt;</c> (error; the CSS is left out).
    /// </summary>
    public const string BrandingCssUnsafe = "HTMA0908";

    /// <summary>The practice name, footer or an address line is longer than <see cref="InputLimits.MaxBrandingTextCharacters"/> (error; it is left out).</summary>
    public const string BrandingTextTooLong = "HTMA0909";

    /// <summary>The address has more lines than <see cref="InputLimits.MaxBrandingAddressLines"/> (error; the address is left out).</summary>
    public const string TooManyAddressLines = "HTMA0910";
}
