using System.Globalization;
using System.Text;
using CsvHelper;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Readers;

/// <summary>Opening a CSV input: its metadata lines and comments, the header and the separator it chooses.</summary>
internal sealed partial class CsvSource
{
    /// <summary>
    /// Reads up to the header. Returns <c>null</c> (with an <see cref="DiagnosticCodes.EmptyInput"/> error) when there
    /// is no header line, or with the error of a limit when a line before the records is too long or too wide, or there
    /// are more than <see cref="InputLimits.MaxMetadataLines"/> metadata lines.
    /// </summary>
    /// <remarks>
    /// <paramref name="firstLine"/> is the number of the text's first line in the input: a part of a file read on its
    /// own (the header, then lines from further down) keeps the lines of the whole file. With a
    /// <paramref name="decoding"/>, the first U+FFFD of the text read is located there (not reported: the reader of the
    /// whole input does that once).
    /// </remarks>
    public static CsvSource? Open(TextReader text, string? file, List<Diagnostic> diagnostics, int firstLine = 1, Utf8Decoding? decoding = null)
    {
        var metadata = new List<MetadataLine>();
        var lineNumber = firstLine - 1;
        string? header = null;
        var buffer = new StringBuilder();
        while (true)
        {
            var read = ReadLeadingLine(text, buffer, out var pastLimitAt);
            if (read == LeadingLine.EndOfInput)
            {
                break;
            }

            lineNumber++;
            if (read != LeadingLine.Complete)
            {
                diagnostics.Add(LeadingLineTooLarge(read, file, lineNumber, pastLimitAt));
                return null;
            }

            var line = buffer.ToString();
            if (lineNumber == 1 && line.Length > 0 && line[0] == '\uFEFF')
            {
                line = line[1..];
            }

            if (string.IsNullOrWhiteSpace(line))
            {
                continue;
            }

            decoding?.Find(line, file, lineNumber);
            if (line.TrimStart().StartsWith('#'))
            {
                var match = MetadataPattern().Match(line.Trim());
                if (match.Success)
                {
                    if (metadata.Count == InputLimits.MaxMetadataLines)
                    {
                        diagnostics.Add(Diagnostic.Error(
                            DiagnosticCodes.TooManyMetadataLines,
                            string.Create(CultureInfo.InvariantCulture,
                                $"The file has more than {InputLimits.MaxMetadataLines:N0} '# key: value' lines before its header (a lab export has about ten); the file is not read. Check that it is a panel export."),
                            new SourceLocation(file, lineNumber, 1)));
                        return null;
                    }

                    var valueGroup = match.Groups["value"];
                    var column = line.IndexOf(':', StringComparison.Ordinal) + 2;
                    column += valueGroup.Value.Length == 0 ? 0 : line[(column - 1)..].Length - line[(column - 1)..].TrimStart().Length;
                    var key = match.Groups["key"].Value;
                    metadata.Add(new MetadataLine(
                        key,
                        new FieldText(valueGroup.Value, new SourceLocation(file, lineNumber, column, key))));
                }

                continue;
            }

            header = line;
            break;
        }

        if (header is null)
        {
            diagnostics.Add(Diagnostic.Error(
                DiagnosticCodes.EmptyInput,
                metadata.Count == 0
                    ? "The file is empty: there is no header line and no data."
                    : "The file has metadata lines but no header line (element,value,unit) and no data.",
                new SourceLocation(file, Math.Max(lineNumber, 1), 1)));
            return null;
        }

        var separator = ChooseSeparator(header);
        var options = new CsvReaderOptions
        {
            Separator = separator,
            HasHeader = true,
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = true,
            CommentPrefix = '#',
            SkipEmptyLines = true,
            DetectSeparatorHint = false,
            IncludeValuesInExceptions = false,
            FieldCountMismatch = CsvFieldCountHandling.Allow,
            MissingField = CsvMissingFieldHandling.ReturnEmpty,
            MalformedData = CsvMalformedDataHandling.Recover,

            // The records reach CsvHelper no longer than the limit (BoundedRecordReader); this only bounds its buffer
            // should the two ever find different records (a UTF-16 character is at most 3 bytes of UTF-8).
            MaxRecordSize = 3 * (InputLimits.MaxRecordCharacters + 2),
        };

        CsvSource? source = null;
        options = options with { OnMalformedRecord = record => source?.OnMalformed(record) };
        var records = new BoundedRecordReader(text, separator, lineNumber + 1);
        var csv = CsvReader.Create(new PrefixedTextReader(header + "\n", records), options, leaveOpen: true);
        source = new CsvSource(csv, records, file, lineNumber, header, separator, metadata, decoding);
        return source;
    }

    /// <summary>How <see cref="ReadLeadingLine"/> ended.</summary>
    private enum LeadingLine
    {
        EndOfInput,
        Complete,
        TooLong,
        TooManyColumns,
    }

    /// <summary>
    /// Reads one line before the records (metadata, comment or header) into <paramref name="line"/>, ending as
    /// <see cref="TextReader.ReadLine"/> ends a line, but keeping at most <see cref="InputLimits.MaxRecordCharacters"/>
    /// characters and, outside a <c>#</c> line, stopping as soon as the line has more than
    /// <see cref="InputLimits.MaxColumns"/> columns for any separator: the separator chosen later is the one counted most,
    /// so the header would have too many columns whichever it is. <paramref name="pastLimitAt"/> is then the 1-based
    /// column where reading stopped.
    /// </summary>
    private static LeadingLine ReadLeadingLine(TextReader text, StringBuilder line, out int pastLimitAt)
    {
        line.Clear();
        pastLimitAt = 0;
        var separators = default(SeparatorCount);
        bool any = false, started = false, comment = false;
        while (true)
        {
            var next = text.Read();
            if (next < 0)
            {
                return any ? LeadingLine.Complete : LeadingLine.EndOfInput;
            }

            any = true;
            var c = (char)next;
            if (c == '\n')
            {
                return LeadingLine.Complete;
            }

            if (c == '\r')
            {
                if (text.Peek() == '\n')
                {
                    text.Read();
                }

                return LeadingLine.Complete;
            }

            if (line.Length == InputLimits.MaxRecordCharacters)
            {
                pastLimitAt = line.Length + 1;
                return LeadingLine.TooLong;
            }

            line.Append(c);
            if (!started && c != '\uFEFF' && !char.IsWhiteSpace(c))
            {
                started = true;
                comment = c == '#';
            }

            if (comment)
            {
                continue;
            }

            separators.Add(c);

            // n separators make n + 1 columns.
            if (separators.Most >= InputLimits.MaxColumns)
            {
                pastLimitAt = line.Length + 1;
                return LeadingLine.TooManyColumns;
            }
        }
    }

    private static Diagnostic LeadingLineTooLarge(LeadingLine read, string? file, int line, int column) =>
        read == LeadingLine.TooManyColumns
            ? Diagnostic.Error(
                DiagnosticCodes.TooManyColumns,
                string.Create(CultureInfo.InvariantCulture,
                    $"The CSV header has more than {InputLimits.MaxColumns:N0} columns (a lab export has about 60); the file is not read. Check that it is a panel export and that its separator is right."),
                new SourceLocation(file, line, column))
            : Diagnostic.Error(
                DiagnosticCodes.RecordTooLong,
                string.Create(CultureInfo.InvariantCulture,
                    $"This line, before the CSV's records, is longer than {InputLimits.MaxRecordCharacters:N0} characters; the file is not read. Check that it is a panel export."),
                new SourceLocation(file, line, column));


    private static char ChooseSeparator(string header)
    {
        var separators = default(SeparatorCount);
        foreach (var c in header)
        {
            separators.Add(c);
        }

        return separators.Choice;
    }

    /// <summary>Counts the separators a header line uses outside quotes, to choose its separator.</summary>
    private struct SeparatorCount
    {
        private int _commas;
        private int _semicolons;
        private int _tabs;
        private bool _inQuotes;

        /// <summary>The count of the separator used most.</summary>
        public readonly int Most => Math.Max(_commas, Math.Max(_semicolons, _tabs));

        /// <summary>The separator the line uses: <c>;</c> or tab where counted more than commas, else a comma.</summary>
        public readonly char Choice =>
            _semicolons > _commas && _semicolons >= _tabs ? ';' : _tabs > _commas ? '\t' : ',';

        public void Add(char c)
        {
            switch (c)
            {
                case '"':
                    _inQuotes = !_inQuotes;
                    break;
                case ',' when !_inQuotes:
                    _commas++;
                    break;
                case ';' when !_inQuotes:
                    _semicolons++;
                    break;
                case '\t' when !_inQuotes:
                    _tabs++;
                    break;
            }
        }
    }

    private static string[] SplitHeader(string header, char separator)
    {
        var cells = new List<string>();
        var current = new StringBuilder();
        var inQuotes = false;
        for (var i = 0; i < header.Length; i++)
        {
            var c = header[i];
            if (c == '"')
            {
                if (inQuotes && i + 1 < header.Length && header[i + 1] == '"')
                {
                    current.Append('"');
                    i++;
                }
                else
                {
                    inQuotes = !inQuotes;
                }
            }
            else if (c == separator && !inQuotes)
            {
                cells.Add(current.ToString().Trim());
                current.Clear();
            }
            else
            {
                current.Append(c);
            }
        }

        cells.Add(current.ToString().Trim());
        return cells.ToArray();
    }
}
