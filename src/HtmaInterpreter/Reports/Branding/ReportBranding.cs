using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Reports;

/// <summary>
/// A practice's letterhead for the HTML reports: its name, address and logo at the top, a footer at the foot of every
/// printed page, and extra CSS. Everything is optional. Read one from YAML with <see cref="ReadFile"/>, or
/// build one by hand; rendering never throws on a branding: a part that breaks a limit or a safety rule is left out of
/// the report, and <see cref="Validate"/> says which and why (the same diagnostics the reader gives).
/// </summary>
public sealed record ReportBranding
{
    /// <summary>
    /// Reads a branding file (YAML with the keys <c>practice</c>, <c>address</c>, <c>logo</c>, <c>footer</c>, <c>css</c>);
    /// a relative <c>logo</c> path is taken from the file's folder.
    /// </summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The branding (without the parts in error) and the diagnostics; no value when the file cannot be read at all.</returns>
    public static ParseResult<ReportBranding> ReadFile(string path) => ReportBrandingReader.ReadFile(path);

    /// <summary>Parses branding YAML (the same keys as <see cref="ReadFile"/>).</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The file name for diagnostics, or <c>null</c>.</param>
    /// <param name="baseDirectory">The folder a relative <c>logo</c> path is taken from; the current folder when <c>null</c>.</param>
    /// <returns>The branding (without the parts in error) and the diagnostics; no value when the YAML is not well formed.</returns>
    public static ParseResult<ReportBranding> Parse(string text, string? fileName = null, string? baseDirectory = null) =>
        ReportBrandingReader.Parse(text, fileName, baseDirectory);

    /// <summary>The practice name, shown at the top of the report; at most <see cref="InputLimits.MaxBrandingTextCharacters"/> characters.</summary>
    public string? PracticeName { get; init; }

    /// <summary>
    /// The address, one entry per printed line, under the practice name; at most <see cref="InputLimits.MaxBrandingAddressLines"/>
    /// lines of at most <see cref="InputLimits.MaxBrandingTextCharacters"/> characters.
    /// </summary>
    public IReadOnlyList<string> Address { get; init; } = [];

    /// <summary>The logo, shown beside the practice name (PNG or JPEG only, at most <see cref="InputLimits.MaxLogoBytes"/>).</summary>
    public ReportLogo? Logo { get; init; }

    /// <summary>
    /// The footer printed at the bottom left of every page (e.g. the practice's registration or contact line); at most
    /// <see cref="InputLimits.MaxBrandingTextCharacters"/> characters.
    /// </summary>
    public string? Footer { get; init; }

    /// <summary>
    /// Extra CSS appended after the report's own, e.g. to set the practice's colours (<c>:root { --accent: #004b87; }</c>).
    /// At most <see cref="InputLimits.MaxBrandingCssCharacters"/> characters, and nothing that loads from elsewhere or
    /// could end the style element (no <c>@import</c>, no <c>url(</c> other than a <c>data:</c> URI, no <c>&lt;</c>).
    /// The check is about safety, not content: the CSS can restyle anything, so whoever supplies it answers for not
    /// hiding or toning down the referrals, findings or the not-a-diagnosis note.
    /// </summary>
    public string? ExtraCss { get; init; }

    /// <summary>True when the branding has nothing to show.</summary>
    public bool IsEmpty =>
        string.IsNullOrEmpty(PracticeName) && (Address is null || Address.Count == 0) && Logo is null && string.IsNullOrEmpty(Footer) && string.IsNullOrEmpty(ExtraCss);

    /// <summary>
    /// Checks every part against the limits and safety rules that rendering applies. Each error names a part that the
    /// reports leave out; the location names the part (<c>practice</c>, <c>address</c>, <c>logo</c>, <c>footer</c>, <c>css</c>).
    /// </summary>
    /// <returns>The errors, in the order of the parts; empty when every part is shown.</returns>
    public IReadOnlyList<Diagnostic> Validate()
    {
        var diagnostics = new List<Diagnostic>();
        BrandingCheck.Check(this, part => new SourceLocation(Field: part), diagnostics);
        return diagnostics;
    }
}
