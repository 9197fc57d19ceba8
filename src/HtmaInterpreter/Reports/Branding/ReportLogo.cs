using System.Collections.Immutable;

namespace HtmaInterpreter.Reports;

/// <summary>
/// A practice logo, embedded in the HTML report as a <c>data:</c> URI. Its type is told from its first bytes, never from a
/// file name: only PNG and JPEG are shown (SVG is refused because it can carry scripts and external references).
/// </summary>
public sealed record ReportLogo
{
    /// <summary>Creates a logo from the bytes of an image file (copied).</summary>
    /// <param name="bytes">The image file's bytes.</param>
    public ReportLogo(ReadOnlySpan<byte> bytes) => Bytes = [.. bytes];

    /// <summary>The image file's bytes.</summary>
    public ImmutableArray<byte> Bytes { get; }

    /// <summary>The media type told from the first bytes: <c>image/png</c>, <c>image/jpeg</c>, or <c>null</c> for anything else.</summary>
    public string? MediaType => BrandingCheck.MediaType(Bytes.AsSpan());
}
