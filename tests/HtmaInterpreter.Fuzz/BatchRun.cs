using System.Globalization;
using System.Text;
using HtmaInterpreter.Batch;
using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// One batch run written out, and the comparison of a fast-path run with a general-path one
/// (<see cref="BatchOptions.UseFastPath"/>): the fuzzer and the tests check that both paths give the same outcome.
/// </summary>
/// <param name="Output">The rows written (CSV or JSON Lines).</param>
/// <param name="Summary">The summary as text, or <c>null</c> when there is none.</param>
/// <param name="Counts">Rows, interpreted, rows with errors and whether there were errors, as one line.</param>
/// <param name="ReadDiagnostics">Every read diagnostic handed out, in order.</param>
internal sealed record BatchRun(byte[] Output, string? Summary, string Counts, IReadOnlyList<Diagnostic> ReadDiagnostics)
{
    /// <summary>Runs a wide CSV through <paramref name="batch"/> with a summary, written by a writer of the same path.</summary>
    public static BatchRun Write(BatchInterpreter batch, Func<Stream> open, string fileName, BatchOutputFormat format, bool useFastPath)
    {
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(open);
        var diagnostics = new List<Diagnostic>();
        using var input = open();
        using var output = new MemoryStream();
        BatchWriteResult written;
        using (var writer = new BatchResultWriter(output, format, leaveOpen: true) { UseFastPath = useFastPath })
        {
            written = batch.WriteWideCsv(input, fileName, writer, new BatchWriteOptions
            {
                Summarize = true,
                OnReadDiagnostics = result => diagnostics.AddRange(result.ReadDiagnostics),
            });
        }

        string? summary = null;
        if (written.Summary is { } summaryValue)
        {
            using var text = new StringWriter(CultureInfo.InvariantCulture);
            summaryValue.WriteText(text);
            summary = text.ToString();
        }

        var counts = string.Create(CultureInfo.InvariantCulture, $"{written.Rows} rows, {written.Interpreted} interpreted, {written.RowsWithErrors} with errors, errors: {written.HasErrors}");
        return new BatchRun(output.ToArray(), summary, counts, diagnostics);
    }

    /// <summary>The first part in which two runs differ, with a short excerpt of each, or <c>null</c> when they are the same.</summary>
    public static (string Part, string Fast, string General)? Difference(BatchRun fast, BatchRun general)
    {
        ArgumentNullException.ThrowIfNull(fast);
        ArgumentNullException.ThrowIfNull(general);
        if (!fast.Output.AsSpan().SequenceEqual(general.Output))
        {
            var at = fast.Output.AsSpan().CommonPrefixLength(general.Output);
            return ("rows written", Excerpt(fast.Output, at), Excerpt(general.Output, at));
        }

        if (fast.Summary != general.Summary)
        {
            var a = fast.Summary ?? "(none)";
            var b = general.Summary ?? "(none)";
            var at = a.AsSpan().CommonPrefixLength(b);
            return ("summary", Excerpt(a, at), Excerpt(b, at));
        }

        if (fast.Counts != general.Counts)
        {
            return ("counts", fast.Counts, general.Counts);
        }

        for (var i = 0; i < Math.Max(fast.ReadDiagnostics.Count, general.ReadDiagnostics.Count); i++)
        {
            var a = i < fast.ReadDiagnostics.Count ? Describe(fast.ReadDiagnostics[i]) : "(none)";
            var b = i < general.ReadDiagnostics.Count ? Describe(general.ReadDiagnostics[i]) : "(none)";
            if (a != b)
            {
                return (string.Create(CultureInfo.InvariantCulture, $"read diagnostic {i + 1}"), a, b);
            }
        }

        return null;
    }

    /// <summary>A diagnostic as one line: code, severity, file, line, column, field and message.</summary>
    public static string Describe(Diagnostic diagnostic)
    {
        ArgumentNullException.ThrowIfNull(diagnostic);
        var at = diagnostic.Location;
        return string.Create(CultureInfo.InvariantCulture, $"{diagnostic.Code} {diagnostic.Severity} {at.File}:{at.Line}:{at.Column} [{at.Field}] {diagnostic.Message}");
    }

    private static string Excerpt(byte[] bytes, int at) => Excerpt(Encoding.UTF8.GetString(bytes), Encoding.UTF8.GetCharCount(bytes, 0, at));

    private static string Excerpt(string text, int at)
    {
        var start = Math.Max(0, at - 40);
        var end = Math.Min(text.Length, at + 80);
        return string.Create(CultureInfo.InvariantCulture, $"at {at}: \"{text[start..end].ReplaceLineEndings("\\n")}\"");
    }
}
