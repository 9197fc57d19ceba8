using System.Text;
using CsvHelper;
using HtmaInterpreter.Diagnostics;
using HtmaInterpreter.Panels;
using YamlDotNet.Core;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Reads lab panels from CSV (long or wide), YAML or JSON. Never throws for bad input: every problem becomes a
/// located <see cref="Diagnostic"/>, and every value read is kept. Instances are immutable and thread-safe.
/// </summary>
/// <remarks>
/// <para>The format is taken from the file
/// extension (<c>.csv</c>/<c>.tsv</c>/<c>.txt</c>, <c>.yaml</c>/<c>.yml</c>, <c>.json</c>), else from the content.
/// A CSV is wide when its header's first column is <c>sample_id</c>, long when it has <c>element</c> and <c>value</c>.</para>
/// <para>In a long CSV, leading lines <c># key: value</c> (key in snake_case) are metadata; other <c>#</c> lines are
/// comments. The separator is chosen from the header; with <c>;</c>, decimal commas are read (<c>73,5</c>).</para>
/// <para>The same element twice in one panel: the first is kept and the second is reported with both lines and its
/// value (<see cref="DiagnosticCodes.DuplicateElement"/>).</para>
/// </remarks>
public sealed partial class PanelReader
{
    internal const int BufferSize = 64 * 1024;

    /// <summary>Creates a reader with the default element catalogue; the format is detected per file.</summary>
    public PanelReader()
        : this(null)
    {
    }

    /// <summary>Creates a reader with these options (<c>null</c> for the defaults).</summary>
    internal PanelReader(PanelReaderOptions? options) => Options = options ?? new PanelReaderOptions();

    /// <summary>The options in use.</summary>
    internal PanelReaderOptions Options { get; }

    /// <summary>Reads every panel in a file.</summary>
    /// <param name="path">The file path; diagnostics name the file as given here.</param>
    /// <returns>The panels read and the diagnostics.</returns>
    public ParseResult<IReadOnlyList<Panel>> ReadFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        FileStream stream;
        try
        {
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize, FileOptions.SequentialScan);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            return Failed(Diagnostic.Error(
                DiagnosticCodes.FileNotReadable,
                exception is FileNotFoundException or DirectoryNotFoundException
                    ? "The file does not exist."
                    : "The file cannot be opened (check the path and the permissions).",
                new SourceLocation(path)));
        }

        using (stream)
        {
            return Read(stream, path, Options.Format);
        }
    }

    /// <summary>
    /// Reads every panel in a stream (UTF-8, with or without a byte order mark); the format is chosen by the file name's
    /// extension, else from the content. The stream is left open.
    /// </summary>
    /// <param name="stream">The input.</param>
    /// <param name="fileName">The name diagnostics give the input; its extension helps choose the format.</param>
    /// <returns>The panels read and the diagnostics.</returns>
    public ParseResult<IReadOnlyList<Panel>> Read(Stream stream, string fileName) => Read(stream, fileName, PanelFormat.Auto);

    /// <summary>Reads every panel in a stream in a format (<see cref="PanelFormat.Auto"/>: <see cref="PanelReaderOptions.Format"/>, then detected).</summary>
    internal ParseResult<IReadOnlyList<Panel>> Read(Stream stream, string fileName, PanelFormat format)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        var decoding = new Utf8Decoding();
        using var text = decoding.Reader(stream, BufferSize);
        return Read(text, fileName, format, decoding);
    }

    /// <summary>Reads every panel in a text; the format is chosen by the file name's extension, else from the content.</summary>
    /// <param name="text">The input text.</param>
    /// <param name="fileName">The name diagnostics give the input; its extension helps choose the format.</param>
    /// <returns>The panels read and the diagnostics.</returns>
    public ParseResult<IReadOnlyList<Panel>> ReadText(string text, string fileName) => ReadText(text, fileName, PanelFormat.Auto);

    /// <summary>Reads every panel in a text in a format (<see cref="PanelFormat.Auto"/>: <see cref="PanelReaderOptions.Format"/>, then detected).</summary>
    internal ParseResult<IReadOnlyList<Panel>> ReadText(string text, string fileName, PanelFormat format)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(fileName);
        using var reader = new StringReader(text.Length > 0 && text[0] == '\uFEFF' ? text[1..] : text);
        return Read(reader, fileName, format);
    }

    /// <summary>
    /// Reads a wide CSV (a row per sample) one row at a time, so a file of millions of rows is never held in memory.
    /// Each item is one row's panel with that row's diagnostics; items without a panel carry diagnostics of the header
    /// or of the file as a whole. The stream is left open; reading starts when the enumeration does.
    /// </summary>
    /// <param name="stream">The input (UTF-8, with or without a byte order mark).</param>
    /// <param name="fileName">The name diagnostics give the input.</param>
    /// <returns>The rows' panels and diagnostics, in file order.</returns>
    public IEnumerable<PanelReadItem> ReadWideCsvStream(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadWide(decoding => decoding.Reader(stream, BufferSize), fileName);
    }

    /// <summary>
    /// <see cref="ReadWideCsvStream(Stream, string)"/> without the guard, handing the records <paramref name="sink"/> takes to it
    /// as raw bytes instead of reading them (they yield no item); every other record, the header's and the file's
    /// diagnostics are items as usual, in file order with the records taken. The batch fast path reads through this.
    /// </summary>
    internal IEnumerable<PanelReadItem> ReadWideCsvStream(Stream stream, string fileName, IPlainRecordSink sink) =>
        ReadWide(decoding => decoding.Reader(stream, BufferSize), fileName, sink);

    /// <summary>The items, until reading the input fails: that ends them with an item saying the input is unreadable.</summary>
    internal static IEnumerable<PanelReadItem> Guarded(IEnumerable<PanelReadItem> items, string fileName)
    {
        using var each = items.GetEnumerator();
        var more = true;
        while (more)
        {
            PanelReadItem item;
            try
            {
                if (!each.MoveNext())
                {
                    break;
                }

                item = each.Current;
            }
            catch (Exception exception) when (IsInputException(exception))
            {
                item = new PanelReadItem(null, [Unreadable(fileName, exception)]);
                more = false;
            }

            yield return item;
        }
    }

    /// <summary>
    /// Reads a wide CSV (a row per sample) one row at a time from a text reader; see
    /// <see cref="ReadWideCsvStream(Stream, string)"/>. The reader is left open.
    /// </summary>
    /// <param name="reader">The input.</param>
    /// <param name="fileName">The name diagnostics give the input.</param>
    /// <returns>The rows' panels and diagnostics, in file order.</returns>
    public IEnumerable<PanelReadItem> ReadWideCsvStream(TextReader reader, string fileName)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentNullException.ThrowIfNull(fileName);
        return ReadWide(_ => new NonClosingTextReader(reader), fileName);
    }

    /// <summary>
    /// The items of a wide CSV. <paramref name="open"/> opens the text, decoding bytes with the decoding it is given, if
    /// any: then a last item reports the bytes that were not valid UTF-8.
    /// </summary>
    private IEnumerable<PanelReadItem> ReadWide(Func<Utf8Decoding, TextReader> open, string fileName, IPlainRecordSink? sink = null)
    {
        var decoding = new Utf8Decoding();
        using var text = open(decoding);
        var diagnostics = new List<Diagnostic>();
        CsvSource? source;
        try
        {
            source = CsvSource.Open(text, fileName, diagnostics, decoding: decoding);
        }
        catch (Exception exception) when (IsInputException(exception))
        {
            source = null;
            diagnostics.Add(Unreadable(fileName, exception));
        }

        if (source is null)
        {
            yield return new PanelReadItem(null, diagnostics);
            yield break;
        }

        using (source)
        {
            if (CsvPanelReader.LayoutOf(source.Headers) != PanelFormat.CsvWide)
            {
                yield return new PanelReadItem(null, [NotWideHeader(source)]);
                yield break;
            }

            foreach (var item in Guarded(CsvPanelReader.ReadWide(source, fileName, Options.Catalog, sink), fileName))
            {
                yield return item;
            }
        }

        if (decoding.Warning(fileName) is { } invalidText)
        {
            yield return new PanelReadItem(null, [invalidText]);
        }
    }

    private ParseResult<IReadOnlyList<Panel>> Read(TextReader text, string fileName, PanelFormat format, Utf8Decoding? decoding = null)
    {
        if (format == PanelFormat.Auto)
        {
            format = Options.Format;
        }

        try
        {
            if (format == PanelFormat.Auto)
            {
                format = FormatFromExtension(fileName);
            }

            if (format == PanelFormat.Auto)
            {
                // Only a CSV is read on past the size limit (it is read a record at a time).
                var all = DocumentText.Read(text, out var complete);
                format = FormatFromContent(all);
                if (!complete && format != CsvByHeader)
                {
                    return Failed(DocumentText.TooLarge(fileName));
                }

                if (format == PanelFormat.Auto)
                {
                    return Failed(string.IsNullOrWhiteSpace(all)
                        ? Diagnostic.Error(DiagnosticCodes.EmptyInput, "The file is empty.", new SourceLocation(fileName, 1, 1))
                        : Diagnostic.Error(
                            DiagnosticCodes.UnknownFormat,
                            "The format cannot be told from the file name or the content; use .csv, .yaml or .json.",
                            new SourceLocation(fileName, 1, 1)));
                }

                using TextReader rest = complete ? new StringReader(all) : new PrefixedTextReader(all, text);
                return ReadFormat(rest, fileName, format, decoding);
            }

            return ReadFormat(text, fileName, format, decoding);
        }
        catch (Exception exception) when (IsInputException(exception))
        {
            return Failed(Unreadable(fileName, exception));
        }
    }

    private ParseResult<IReadOnlyList<Panel>> ReadFormat(TextReader text, string fileName, PanelFormat format, Utf8Decoding? decoding)
    {
        var diagnostics = new List<Diagnostic>();
        switch (format)
        {
            case PanelFormat.CsvLong or PanelFormat.CsvWide:
                return CsvPanelReader.Read(text, fileName, format, Options.Catalog, decoding);
            case PanelFormat.Yaml:
            {
                var all = DocumentText.Read(text, out var complete);
                if (!complete)
                {
                    return Failed(DocumentText.TooLarge(fileName));
                }

                if (string.IsNullOrWhiteSpace(all))
                {
                    return Failed(Diagnostic.Error(DiagnosticCodes.EmptyInput, "The file is empty.", new SourceLocation(fileName, 1, 1)));
                }

                InvalidText(all, fileName, decoding, diagnostics);
                using var yaml = new StringReader(all);
                var documents = YamlDocumentLoader.Load(yaml, fileName, diagnostics);
                return Built(documents, fileName, diagnostics);
            }

            case PanelFormat.Json:
            {
                var all = DocumentText.Read(text, out var complete);
                if (!complete)
                {
                    return Failed(DocumentText.TooLarge(fileName));
                }

                if (string.IsNullOrWhiteSpace(all))
                {
                    return Failed(Diagnostic.Error(DiagnosticCodes.EmptyInput, "The file is empty.", new SourceLocation(fileName, 1, 1)));
                }

                InvalidText(all, fileName, decoding, diagnostics);
                var documents = JsonDocumentLoader.Load(Encoding.UTF8.GetBytes(all), fileName, diagnostics);
                return Built(documents, fileName, diagnostics);
            }

            default:
                return CsvPanelReader.Read(text, fileName, null, Options.Catalog, decoding);
        }
    }

    /// <summary>Reports bytes of a document read whole that were not valid UTF-8, at its first U+FFFD.</summary>
    private static void InvalidText(string all, string fileName, Utf8Decoding? decoding, List<Diagnostic> diagnostics)
    {
        if (decoding is { InvalidBytes: > 0 })
        {
            decoding.Find(all, fileName, 1);
            decoding.AddWarning(fileName, diagnostics);
        }
    }

    private ParseResult<IReadOnlyList<Panel>> Built(IReadOnlyList<DocumentNode> documents, string fileName, List<Diagnostic> diagnostics)
    {
        var panels = new DocumentPanelBuilder(Options.Catalog, fileName, diagnostics).Build(documents);
        return new ParseResult<IReadOnlyList<Panel>>(panels, diagnostics);
    }

    /// <summary>The format the extension names; <see cref="PanelFormat.CsvLong"/> stands for "CSV, layout from the header".</summary>
    internal static PanelFormat FormatFromExtension(string fileName) =>
        Path.GetExtension(fileName).ToLowerInvariant() switch
        {
            ".csv" or ".tsv" or ".txt" => CsvByHeader,
            ".yaml" or ".yml" => PanelFormat.Yaml,
            ".json" => PanelFormat.Json,
            _ => PanelFormat.Auto,
        };

    /// <summary>Guesses the format from the text: JSON starts with a brace or bracket, CSV has a separated header, YAML has <c>key:</c>.</summary>
    internal static PanelFormat FormatFromContent(string text)
    {
        // Spans, not substrings: the text may be a whole file of up to the size limit.
        var trimmed = text.AsSpan().TrimStart("\uFEFF \t\r\n");
        if (trimmed.IsEmpty)
        {
            return PanelFormat.Auto;
        }

        if (trimmed[0] is '{' or '[')
        {
            return PanelFormat.Json;
        }

        foreach (var line in trimmed.EnumerateLines())
        {
            var content = line.Trim();
            if (content.IsEmpty || content[0] == '#' || content is "---")
            {
                continue;
            }

            if (content.IndexOfAny(",;\t") >= 0)
            {
                var header = content.ToString().Split(',', ';', '\t').Select(h => h.Trim()).ToArray();
                if (header.Length > 1 && CsvPanelReader.LayoutOf(header) is not null)
                {
                    return CsvByHeader;
                }
            }

            return YamlStart().IsMatch(content) ? PanelFormat.Yaml : PanelFormat.Auto;
        }

        return PanelFormat.Auto;
    }

    [System.Text.RegularExpressions.GeneratedRegex(@"^(-\s|---|[A-Za-z_][A-Za-z0-9_]*\s*:(\s|$))", System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex YamlStart();

    /// <summary>Marks "a CSV whose layout the header decides" (not a public format value).</summary>
    internal const PanelFormat CsvByHeader = (PanelFormat)(-1);

    /// <summary>The error for a CSV read as a row per sample whose header does not start with sample_id.</summary>
    internal static Diagnostic NotWideHeader(CsvSource source) => Diagnostic.Error(
        DiagnosticCodes.MissingRequiredColumn,
        "A CSV with a row per sample must start with a 'sample_id' column; this header does not.",
        source.HeaderLocation(0, "sample_id"));

    internal static bool IsInputException(Exception exception) =>
        exception is IOException or DecoderFallbackException or CsvFormatException or YamlException or
            System.Text.Json.JsonException or InvalidDataException;

    internal static Diagnostic Unreadable(string fileName, Exception exception) => Diagnostic.Error(
        exception is CsvFormatException or YamlException or System.Text.Json.JsonException
            ? DiagnosticCodes.SyntaxError
            : DiagnosticCodes.FileNotReadable,
        "The input could not be read to the end; it is damaged or not text.",
        new SourceLocation(fileName));

    private static ParseResult<IReadOnlyList<Panel>> Failed(Diagnostic diagnostic) => new([], [diagnostic]);

    /// <summary>Lets a caller's reader be wrapped without being closed.</summary>
    private sealed class NonClosingTextReader(TextReader inner) : TextReader
    {
        public override int Peek() => inner.Peek();

        public override int Read() => inner.Read();

        public override int Read(char[] buffer, int index, int count) => inner.Read(buffer, index, count);

        public override int Read(Span<char> buffer) => inner.Read(buffer);

        public override string? ReadLine() => inner.ReadLine();

        public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
            inner.ReadAsync(buffer, cancellationToken);
    }
}
