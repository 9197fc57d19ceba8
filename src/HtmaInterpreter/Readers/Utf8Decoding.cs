using System.Buffers;
using System.Globalization;
using System.Text;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>
/// Decodes the UTF-8 of one input as the readers always have (each invalid byte sequence becomes U+FFFD, and the text
/// is read on), counting the bytes that were not valid and remembering where the first U+FFFD of the text is, so that
/// the reader can say so once (<see cref="DiagnosticCodes.InvalidText"/>). One per input; not thread-safe.
/// </summary>
/// <remarks>
/// The location is that of the first U+FFFD in the text, which is the first invalid byte unless the file also holds a
/// real U+FFFD before it; telling the two apart would cost a byte-exact position on every path.
/// </remarks>
internal sealed class Utf8Decoding
{
    public Utf8Decoding()
    {
        // With the UTF-8 preamble a reader strips a byte order mark itself and keeps this encoding (it would switch to
        // Encoding.UTF8, and lose the count, were it to detect the mark).
        Encoding = Counting(new UTF8Encoding(encoderShouldEmitUTF8Identifier: true));
        EncodingWithoutPreamble = Counting(new UTF8Encoding(encoderShouldEmitUTF8Identifier: false));
    }

    /// <summary>UTF-8 that counts the invalid bytes it decodes. Only for a decoder that decodes each byte once (a <see cref="StreamReader"/>).</summary>
    public Encoding Encoding { get; }

    /// <summary><see cref="Encoding"/> without a preamble, for a reader that must not strip a byte order mark.</summary>
    public Encoding EncodingWithoutPreamble { get; }

    /// <summary>How many bytes were not valid UTF-8 so far.</summary>
    public long InvalidBytes { get; private set; }

    /// <summary>Where the text's first U+FFFD is, once a reader has found it.</summary>
    public SourceLocation? FirstReplacement { get; private set; }

    /// <summary>A reader of <paramref name="stream"/> (left open) in this encoding, or another one its byte order mark names.</summary>
    public StreamReader Reader(Stream stream, int bufferSize) =>
        new(stream, Encoding, detectEncodingFromByteOrderMarks: true, bufferSize, leaveOpen: true);

    /// <summary>Counts the bytes of <paramref name="bytes"/> that are not valid UTF-8, for bytes decoded with <see cref="System.Text.Encoding.UTF8"/>.</summary>
    public void Count(ReadOnlySpan<byte> bytes)
    {
        if (!System.Text.Unicode.Utf8.IsValid(bytes))
        {
            InvalidBytes += CountInvalid(bytes);
        }
    }

    /// <summary>Goes back to an earlier count and location, for text read again.</summary>
    public void Rewind(long invalidBytes, SourceLocation? firstReplacement) =>
        (InvalidBytes, FirstReplacement) = (invalidBytes, firstReplacement);

    /// <summary>Remembers <paramref name="location"/> as the first U+FFFD's unless one is known already.</summary>
    public void Found(SourceLocation location) => FirstReplacement ??= location;

    /// <summary>Remembers the first U+FFFD of <paramref name="text"/>, at <paramref name="line"/> (1-based) of the input, unless one is known already.</summary>
    public void Find(string text, string? file, int line, string? field = null)
    {
        if (FirstReplacement is null && text.IndexOf('\uFFFD', StringComparison.Ordinal) is var at and >= 0)
        {
            FirstReplacement = LocationIn(text, at, file, line, field);
        }
    }

    /// <summary>The warning for the input, or <c>null</c> when every byte was valid UTF-8.</summary>
    public Diagnostic? Warning(string? file) => InvalidBytes == 0 ? null : Diagnostic.Warning(
        DiagnosticCodes.InvalidText,
        string.Create(CultureInfo.InvariantCulture,
            $"{InvalidBytes:N0} {(InvalidBytes == 1 ? "byte of the file is" : "bytes of the file are")} not valid UTF-8 (the first is here): the file was probably saved in another encoding, such as Windows-1252. ") +
        "They are shown as \uFFFD and the text around them may be wrong; save the file as UTF-8.",
        FirstReplacement ?? new SourceLocation(file));

    /// <summary>Adds <see cref="Warning"/> to <paramref name="diagnostics"/> when there is one.</summary>
    public void AddWarning(string? file, ICollection<Diagnostic> diagnostics)
    {
        if (Warning(file) is { } warning)
        {
            diagnostics.Add(warning);
        }
    }

    /// <summary>The line (counted from <paramref name="firstLine"/>) and 1-based column of <paramref name="index"/> in <paramref name="text"/>.</summary>
    private static SourceLocation LocationIn(string text, int index, string? file, int firstLine, string? field)
    {
        var line = firstLine;
        var lineStart = 0;
        for (var i = 0; i < index; i++)
        {
            // \n, \r\n and a lone \r each end a line.
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 == text.Length || text[i + 1] != '\n')))
            {
                line++;
                lineStart = i + 1;
            }
        }

        return new SourceLocation(file, line, index - lineStart + 1, field);
    }

    /// <summary>How many bytes of <paramref name="bytes"/> the UTF-8 decoder replaces (each maximal invalid sequence is one U+FFFD).</summary>
    private static long CountInvalid(ReadOnlySpan<byte> bytes)
    {
        long count = 0;
        while (!bytes.IsEmpty)
        {
            var status = System.Text.Rune.DecodeFromUtf8(bytes, out _, out var consumed);
            if (status != OperationStatus.Done)
            {
                count += consumed;
            }

            bytes = bytes[consumed..];
        }

        return count;
    }

    private Encoding Counting(UTF8Encoding utf8)
    {
        var encoding = (Encoding)utf8.Clone();
        encoding.DecoderFallback = new CountingFallback(this);
        return encoding;
    }

    private sealed class CountingFallback(Utf8Decoding owner) : DecoderFallback
    {
        public override int MaxCharCount => 1;

        public override DecoderFallbackBuffer CreateFallbackBuffer() => new Buffer(owner);

        private sealed class Buffer(Utf8Decoding owner) : DecoderFallbackBuffer
        {
            private int _remaining;

            public override int Remaining => _remaining;

            public override bool Fallback(byte[] bytesUnknown, int index)
            {
                owner.InvalidBytes += bytesUnknown.Length;
                _remaining = 1;
                return true;
            }

            public override char GetNextChar()
            {
                if (_remaining == 0)
                {
                    return '\0';
                }

                _remaining--;
                return '\uFFFD';
            }

            public override bool MovePrevious()
            {
                if (_remaining != 0)
                {
                    return false;
                }

                _remaining = 1;
                return true;
            }

            public override void Reset() => _remaining = 0;
        }
    }
}
