using HtmaInterpreter.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace HtmaInterpreter.Yaml;

/// <summary>
/// The one place a YAML (or YAML-read JSON) text is handed to YamlDotNet's parser: readers elsewhere walk the events or
/// nodes it gives, but never parse a text themselves (a test holds this). The text is parsed through a parser that counts the nesting of lists and maps as the events come, so nothing recursive (the
/// panel loader, <c>YamlStream</c>) ever sees a document nested deeper than <see cref="InputLimits.MaxDefinitionNesting"/>,
/// and YamlDotNet's scanner, whose work per token grows with the flow nesting, stops early; whatever the parser throws
/// becomes a located diagnostic.
/// </summary>
internal static class YamlGuard
{
    /// <summary>
    /// Parses a text with <paramref name="read"/>, which takes the events from the parser given to it. A syntax error,
    /// nesting deeper than <see cref="InputLimits.MaxDefinitionNesting"/> or anything else the parser throws becomes one
    /// error in <paramref name="diagnostics"/>, and the result is <c>null</c>.
    /// </summary>
    /// <typeparam name="T">What <paramref name="read"/> builds.</typeparam>
    /// <param name="text">The YAML text.</param>
    /// <param name="kind">The kind of document, for the code and message.</param>
    /// <param name="locate">Turns a parser position into a location in the file.</param>
    /// <param name="read">Reads the document from the parser.</param>
    /// <param name="diagnostics">Where the error goes.</param>
    /// <param name="rejectAliases">Whether an alias (<c>*name</c>) is an error that stops the reading.</param>
    /// <returns>What <paramref name="read"/> built, or <c>null</c> on an error.</returns>
    public static T? Parse<T>(
        TextReader text,
        YamlDocumentKind kind,
        Func<Mark, SourceLocation> locate,
        Func<IParser, T> read,
        ICollection<Diagnostic> diagnostics,
        bool rejectAliases = false)
        where T : class
    {
        var nulGuard = new NulStoppingReader(text);
        var scanner = new Scanner(nulGuard);
        var parser = new NestingParser(new Parser(scanner), rejectAliases);
        try
        {
            var result = read(parser);
            if (nulGuard.NulAt is not { } nul)
            {
                return result;
            }

            // YamlDotNet takes a NUL for the end of the text, so whatever followed it would vanish without a word.
            diagnostics.Add(SyntaxError(kind, "it holds a NUL character, which YAML does not allow (is it a binary or damaged file?); nothing after it is read", locate(nul)));
            return null;
        }
        catch (YamlException) when (parser.AliasAt is { } alias)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.YamlAnchorOrAlias,
                $"YAML aliases (*name) are not allowed in a {kind.Name}, because they can make a small file expand without bound; write the value out instead. The file is not used.",
                locate(alias)));
        }
        catch (YamlException) when (parser.TooDeepAt is { } start)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.NestingTooDeep,
                $"The YAML is nested more than {InputLimits.MaxDefinitionNesting} levels deep here, which no {kind.Name} needs; the file is not used.",
                locate(start)));
        }
        catch (YamlException exception)
        {
            diagnostics.Add(SyntaxError(kind, Reason(exception), locate(exception.Start)));
        }
#pragma warning disable CA1031 // YamlDotNet's scanner also throws InvalidOperationException and others on bad input; here every one is a syntax error.
        catch (Exception)
#pragma warning restore CA1031
        {
            diagnostics.Add(SyntaxError(kind, "the text cannot be read past this point", locate(scanner.CurrentPosition)));
        }

        return null;
    }

    /// <summary>
    /// Loads the root node of a text's first document into YamlDotNet's representation model through
    /// <see cref="Parse{T}"/>. Aliases are refused: the model shares an aliased node, so a few lines of nested aliases
    /// ("billion laughs") would be walked as billions of nodes.
    /// </summary>
    /// <param name="text">The YAML text.</param>
    /// <param name="kind">The kind of document, for the code and message.</param>
    /// <param name="locate">Turns a parser position into a location in the file.</param>
    /// <param name="diagnostics">Where the error goes.</param>
    /// <param name="root">The root node; <c>null</c> when the text holds no document or cannot be read.</param>
    /// <returns><c>false</c> when the text cannot be read (the error is in <paramref name="diagnostics"/>).</returns>
    public static bool TryLoadRoot(string text, YamlDocumentKind kind, Func<Mark, SourceLocation> locate, ICollection<Diagnostic> diagnostics, out YamlNode? root)
    {
        var stream = Parse(
            new StringReader(text),
            kind,
            locate,
            parser =>
            {
                var stream = new YamlStream();
                stream.Load(parser);
                return stream;
            },
            diagnostics,
            rejectAliases: true);
        root = stream is null || stream.Documents.Count == 0 ? null : stream.Documents[0].RootNode;
        return stream is not null;
    }

    private static Diagnostic SyntaxError(YamlDocumentKind kind, string reason, SourceLocation location) => Diagnostic.Error(
        kind.SyntaxCode,
        $"The YAML is not well formed here, so the {kind.Name} cannot be used: {reason}.{kind.Hint}",
        location);

    /// <summary>The parser's reason, without the positions it starts with (the location is carried separately).</summary>
    private static string Reason(YamlException exception)
    {
        var message = exception.Message.Length == 0 && exception.InnerException is { } inner ? inner.Message : exception.Message;
        if (message.StartsWith("(Line", StringComparison.Ordinal))
        {
            var second = message.IndexOf(") - (", StringComparison.Ordinal);
            var end = message.IndexOf("): ", second < 0 ? 0 : second, StringComparison.Ordinal);
            if (end >= 0)
            {
                message = message[(end + 3)..];
            }
        }

        message = message.TrimEnd('.', ' ');

        // It follows a colon in our message: "While scanning ..." becomes "while scanning ...".
        return message.Length > 1 && char.IsUpper(message[0]) && char.IsLower(message[1])
            ? char.ToLowerInvariant(message[0]) + message[1..]
            : message;
    }

    /// <summary>Passes a text on up to its first NUL character, which it treats as the end, and says where that was.</summary>
    private sealed class NulStoppingReader(TextReader inner) : TextReader
    {
        private long _index;
        private long _line = 1;
        private long _column = 1;

        /// <summary>Where the first NUL character stands, once it has been met.</summary>
        public Mark? NulAt { get; private set; }

        public override int Peek() => NulAt is null && inner.Peek() is var next and not 0 ? next : -1;

        public override int Read()
        {
            if (NulAt is not null)
            {
                return -1;
            }

            var next = inner.Read();
            if (next == 0)
            {
                NulAt = new Mark(_index, _line, _column);
                return -1;
            }

            if (next >= 0)
            {
                Advance((char)next);
            }

            return next;
        }

        public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

        public override int Read(Span<char> buffer)
        {
            var read = 0;
            while (read < buffer.Length && Read() is var next and >= 0)
            {
                buffer[read++] = (char)next;
            }

            return read;
        }

        private void Advance(char c)
        {
            _index++;
            if (c == '\n')
            {
                _line++;
                _column = 1;
            }
            else
            {
                _column++;
            }
        }
    }

    /// <summary>
    /// Passes a parser's events on, counting the lists and maps open; past the limit, or when the stream ends inside
    /// one (which YamlDotNet's parser can let happen), it throws a <see cref="YamlException"/> at that event.
    /// </summary>
    private sealed class NestingParser(Parser inner, bool rejectAliases) : IParser
    {
        private int _depth;

        public ParsingEvent? Current => inner.Current;

        /// <summary>Where an alias stands, once one has been met while aliases are refused.</summary>
        public Mark? AliasAt { get; private set; }

        /// <summary>Where the list or map one level too deep starts, once it has been met.</summary>
        public Mark? TooDeepAt { get; private set; }

        public bool MoveNext()
        {
            if (!inner.MoveNext())
            {
                return false;
            }

            switch (inner.Current)
            {
                case MappingStart or SequenceStart:
                    _depth++;
                    if (_depth > InputLimits.MaxDefinitionNesting)
                    {
                        TooDeepAt = inner.Current.Start;
                        throw new YamlException(inner.Current.Start, inner.Current.End, "The nesting is too deep.");
                    }

                    break;
                case MappingEnd or SequenceEnd:
                    _depth--;
                    break;
                case AnchorAlias when rejectAliases:
                    AliasAt = inner.Current.Start;
                    throw new YamlException(inner.Current.Start, inner.Current.End, "An alias is not allowed here.");
                case DocumentEnd or StreamEnd when _depth > 0:
                    throw new YamlException(inner.Current.Start, inner.Current.End, "the text ends before every list and map in it is closed");
            }

            return true;
        }
    }
}
