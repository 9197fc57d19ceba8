using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Readers;
using HtmaInterpreter.Yaml;
using YamlDotNet.RepresentationModel;

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
        var source = new SourceText(text, fileName);
        var diagnostics = new List<Diagnostic>();
        var root = source.ParseDocument(YamlDocumentKind.Branding, diagnostics);
        if (root is null)
        {
            return diagnostics.Count == 0 ? ParseResult.Ok(new ReportBranding()) : ParseResult.Failed<ReportBranding>(diagnostics);
        }

        if (root is not YamlMappingNode mapping)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidBrandingValue, "A branding file must be a mapping of keys: practice, address, logo, footer, css.", source.Locate(root)));
            return ParseResult.Failed<ReportBranding>(diagnostics);
        }

        var branding = new ReportBranding();
        var locations = new Dictionary<string, SourceLocation>(StringComparer.Ordinal);
        foreach (var (keyNode, valueNode) in mapping.Children)
        {
            var key = YamlNodes.KeyText(keyNode);
            var at = source.Locate(valueNode, key);
            if (!Keys.Contains(key))
            {
                diagnostics.Add(Diagnostic.Warning(DiagnosticCodes.UnknownBrandingKey, $"'{key}' is not a branding key (they are {string.Join(", ", Keys)}); it is ignored.", source.Locate(keyNode, key)));
                continue;
            }

            locations[key] = at;
            if (key == "address")
            {
                if (Lines(valueNode) is { } lines)
                {
                    branding = branding with { Address = lines };
                }
                else
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidBrandingValue, "'address' must be a list of lines or a (multi-line) text; it is left out.", at));
                }

                continue;
            }

            if (valueNode is not YamlScalarNode { Value: var value } || YamlNodes.IsNull(valueNode))
            {
                if (!YamlNodes.IsNull(valueNode))
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.InvalidBrandingValue, $"'{key}' must be one text, not a list or mapping; it is left out.", at));
                }

                continue;
            }

            branding = key switch
            {
                "practice" => branding with { PracticeName = value },
                "footer" => branding with { Footer = value },
                "css" => branding with { ExtraCss = value },
                _ => branding with { Logo = ReadLogo(value ?? "", baseDirectory, at, diagnostics) },
            };
        }

        BrandingCheck.Check(branding, part => locations.TryGetValue(part, out var location) ? location : new SourceLocation(fileName, Field: part), diagnostics);
        return new ParseResult<ReportBranding>(BrandingCheck.Usable(branding), diagnostics);
    }

    private static List<string>? Lines(YamlNode node)
    {
        switch (node)
        {
            case YamlScalarNode scalar when YamlNodes.IsNull(scalar):
                return [];
            case YamlScalarNode { Value: { } text }:
                return [.. text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)];
            case YamlSequenceNode sequence when sequence.Children.All(c => c is YamlScalarNode):
                return [.. sequence.Children.Cast<YamlScalarNode>().Select(c => (c.Value ?? "").Trim()).Where(l => l.Length > 0)];
            default:
                return null;
        }
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
