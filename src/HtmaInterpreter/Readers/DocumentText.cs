using System.Buffers;
using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Yaml;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Reads a file that is read whole (YAML or JSON panels, client context, rules, definitions) up to
/// <see cref="InputLimits.MaxDocumentBytes"/> of UTF-8, so an endless or huge input (<c>/dev/zero</c>) never takes more
/// memory than the limit and a buffer.
/// </summary>
internal static class DocumentText
{
    private const int BufferChars = 64 * 1024;

    /// <summary>
    /// Reads the rest of <paramref name="reader"/>, stopping once the text is longer than
    /// <see cref="InputLimits.MaxDocumentBytes"/> in UTF-8.
    /// </summary>
    /// <param name="reader">The input; it is read no further than the limit and one buffer.</param>
    /// <param name="complete"><c>false</c> when the input goes on past the limit (the text is then its first part only).</param>
    /// <returns>The text read.</returns>
    public static string Read(TextReader reader, out bool complete)
    {
        var encoder = Encoding.UTF8.GetEncoder();
        var text = new StringBuilder();
        var buffer = ArrayPool<char>.Shared.Rent(BufferChars);
        try
        {
            long bytes = 0;
            int read;
            while ((read = reader.Read(buffer, 0, BufferChars)) > 0)
            {
                text.Append(buffer, 0, read);
                bytes += encoder.GetByteCount(buffer, 0, read, flush: false);
                if (bytes > InputLimits.MaxDocumentBytes)
                {
                    complete = false;
                    return text.ToString();
                }
            }
        }
        finally
        {
            ArrayPool<char>.Shared.Return(buffer);
        }

        complete = true;
        return text.ToString();
    }

    /// <summary>
    /// Reads a whole file (UTF-8 unless a byte order mark says otherwise). I/O errors are thrown as by
    /// <see cref="File.ReadAllText(string)"/>, for the caller to report with its own code. Bytes that are not valid
    /// UTF-8 are read as U+FFFD, as ever, and reported (<see cref="DiagnosticCodes.InvalidText"/>, a warning).
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="diagnostics">Where the <see cref="DiagnosticCodes.InputTooLarge"/> error or the <see cref="DiagnosticCodes.InvalidText"/> warning goes.</param>
    /// <param name="fileName">The name diagnostics give the file; <paramref name="path"/> when <c>null</c>.</param>
    /// <returns>The text, or <c>null</c> when the file is larger than the limit.</returns>
    public static string? ReadFile(string path, ICollection<Diagnostic> diagnostics, string? fileName = null)
    {
        var decoding = new Utf8Decoding();
        using var reader = new StreamReader(path, decoding.Encoding, detectEncodingFromByteOrderMarks: true);
        var text = Read(reader, out var complete);
        if (complete)
        {
            if (decoding.InvalidBytes > 0)
            {
                decoding.Find(text, fileName ?? path, 1);
                decoding.AddWarning(fileName ?? path, diagnostics);
            }

            return text;
        }

        diagnostics.Add(TooLarge(fileName ?? path));
        return null;
    }

    /// <summary>
    /// Reads a whole YAML file (within the size limit) and parses its text: a file that cannot be opened or read is one
    /// located error with the code of a syntax error in such a file (<see cref="YamlDocumentKind.SyntaxCode"/>), a file
    /// over the limit is that limit's error, and the reading diagnostics come before the parser's.
    /// </summary>
    /// <param name="path">The file.</param>
    /// <param name="kind">The kind of file, for the code and the message.</param>
    /// <param name="parse">Parses the text.</param>
    /// <returns>The parsed value and every diagnostic.</returns>
    public static ParseResult<T> ReadAndParse<T>(string path, YamlDocumentKind kind, Func<string, ParseResult<T>> parse)
    {
        var diagnostics = new List<Diagnostic>();
        string? text;
        try
        {
            text = ReadFile(path, diagnostics);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return ParseResult.Failed<T>([Diagnostic.Error(kind.SyntaxCode, $"The {kind.Name} could not be read: {exception.Message}", new SourceLocation(path))]);
        }

        if (text is null)
        {
            return ParseResult.Failed<T>(diagnostics);
        }

        var parsed = parse(text);
        return diagnostics.Count == 0 ? parsed : new ParseResult<T>(parsed.Value, [.. diagnostics, .. parsed.Diagnostics]);
    }

    /// <summary>The error for a file larger than <see cref="InputLimits.MaxDocumentBytes"/>.</summary>
    /// <param name="fileName">The file.</param>
    /// <returns>The diagnostic.</returns>
    public static Diagnostic TooLarge(string? fileName) => Diagnostic.Error(
        DiagnosticCodes.InputTooLarge,
        string.Create(
            CultureInfo.InvariantCulture,
            $"The file is larger than {InputLimits.MaxDocumentBytes / (1024 * 1024)} MiB, far more than a panel, context, rule or definitions file needs, so it is not read; check that it is the file meant."),
        new SourceLocation(fileName));
}
