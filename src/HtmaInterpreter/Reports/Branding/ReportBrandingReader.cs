using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Reports;

/// <summary>
/// Reads a <see cref="ReportBranding"/> from a small YAML file with the keys <c>practice</c> (the practice name),
/// <c>address</c> (a list of lines or a multi-line text), <c>logo</c> (a PNG or JPEG file, its path relative to the
/// YAML file), <c>footer</c> and <c>css</c>. Problems are located diagnostics (HTMA09xx; the same checks as
/// <see cref="ReportBranding.Validate"/>), and the part in question is left out; an unknown key is a warning.
/// Nothing throws on bad input.
/// </summary>
internal static class ReportBrandingReader
{
    /// <summary>The keys a branding file may have.</summary>
    public static IReadOnlyList<string> Keys { get; } = ["practice", "address", "logo", "footer", "css"];

    /// <summary>Reads a branding file; a relative <c>logo</c> path is taken from the file's folder.</summary>
    /// <param name="path">The YAML file.</param>
    /// <returns>The branding (without the parts in error) and the diagnostics; no value when the file cannot be read at all.</returns>
    public static ParseResult<ReportBranding> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DocumentText.ReadAndParse(path, YamlDocumentKind.Branding, text => Parse(text, path, Path.GetDirectoryName(Path.GetFullPath(path))));
    }

    /// <summary>Parses branding YAML.</summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="fileName">The file name for diagnostics, or <c>null</c>.</param>
    /// <param name="baseDirectory">The folder a relative <c>logo</c> path is taken from; the current folder when <c>null</c>.</param>
    /// <returns>The branding (without the parts in error) and the diagnostics; no value when the YAML is not well formed.</returns>
    public static ParseResult<ReportBranding> Parse(string text, string? fileName = null, string? baseDirectory = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<Diagnostic>();
        var reader = new YamlReader(new SourceText(text, fileName), YamlDocumentKind.Branding, diagnostics);
        var root = reader.Parse(text, out var readable);
        if (root is null)
        {
            return readable ? ParseResult.Ok(new ReportBranding()) : ParseResult.Failed<ReportBranding>(diagnostics);
        }

        if (reader.Map(root, "branding", Keys) is not { } map)
        {
            return ParseResult.Failed<ReportBranding>(diagnostics);
        }

        var branding = new ReportBranding();
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in map.Entries())
        {
            var key = keyNode.Value!;
            if (!Keys.Contains(key))
            {
                continue;
            }

            var at = reader.At(valueNode, key);
            locations[key] = at;
            if (key == "address")
            {
                var before = reader.Errors;
                if (reader.Scalars(valueNode, key, singleAllowed: true) is { } lines && reader.Errors == before)
                {
                    // A list gives a line per entry; one (multi-line) text a line per line of it.
                    branding = branding with
                    {
                        Address = valueNode is YamlDotNet.RepresentationModel.YamlSequenceNode
                            ? [.. lines.Select(line => line.Value!.Trim()).Where(line => line.Length > 0)]
                            : [.. lines.SelectMany(line => line.Value!.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))],
                    };
                }

                continue;
            }

            if (map.OptionalText(key) is not { } value)
            {
                continue;
            }

            branding = key switch
            {
                "practice" => branding with { PracticeName = value },
                "footer" => branding with { Footer = value },
                "css" => branding with { ExtraCss = value },
                _ => branding with { Logo = ReadLogo(value, baseDirectory, at, diagnostics) },
            };
        }

        BrandingCheck.Check(branding, part => locations.TryGetValue(part, out var location) ? location : new SourceLocation(fileName, Field: part), diagnostics);
        return new ParseResult<ReportBranding>(BrandingCheck.Usable(branding), diagnostics);
    }

    /// <summary>Reads the logo file, no more of it than the limit and a byte, so a huge or endless file is never held.</summary>
    private static ReportLogo? ReadLogo(string path, string? baseDirectory, SourceLocation at, List<Diagnostic> diagnostics)
    {
        if (path.Trim().Length == 0)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidBrandingValue, "'logo' must be the path of a PNG or JPEG file; it is empty.", at));
            return null;
        }

        try
        {
            var full = Path.IsPathRooted(path) || baseDirectory is null ? path : Path.Combine(baseDirectory, path);
            using var stream = new FileStream(full, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
            var buffer = new byte[InputLimits.MaxLogoBytes + 1];
            var length = 0;
            int read;
            while (length < buffer.Length && (read = stream.Read(buffer, length, buffer.Length - length)) > 0)
            {
                length += read;
            }

            return new ReportLogo(buffer.AsSpan(0, length));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.LogoUnreadable, $"The logo file '{path}' could not be read ({Reason(exception)}); it is left out.", at));
            return null;
        }
    }

    private static string Reason(Exception exception) => exception switch
    {
        FileNotFoundException or DirectoryNotFoundException => "it does not exist",
        UnauthorizedAccessException => "permission denied, or it is a folder",
        _ => exception.Message.TrimEnd('.'),
    };
}
