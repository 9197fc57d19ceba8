namespace HtmaInterpreter.Reports;

/// <summary>The registry of report formats: the one list that rendering and the command line's <c>--format</c> read.</summary>
internal static class ReportFormats
{
    /// <summary>Every format, in the order the help lists them; the first is the default.</summary>
    public static IReadOnlyList<IReportFormat> All { get; } =
    [
        new TextFormat(),
        new JsonFormat(),
        new MarkdownFormat(),
        new HtmlFormat(),
    ];

    /// <summary>The format used when none is named: text.</summary>
    public static IReportFormat Default => All[0];

    /// <summary>The format for a <see cref="ReportFormat"/> value; the default for a value no format claims.</summary>
    public static IReportFormat For(ReportFormat format)
    {
        foreach (var candidate in All)
        {
            if (candidate.Format == format)
            {
                return candidate;
            }
        }

        return Default;
    }

    /// <summary>The format with <paramref name="name"/> as its name or an alias (exact, lower case), or <c>null</c>.</summary>
    public static IReportFormat? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return All.FirstOrDefault(f => f.Name == name || f.Aliases.Contains(name));
    }

    /// <summary>The names for a usage line: <c>text|json|markdown|html</c>.</summary>
    public static string Choices => string.Join("|", All.Select(f => f.Name));

    /// <summary>The names in words, <c>text, json, markdown or html</c>; with <paramref name="markDefault"/> the first is followed by <c>(default)</c>.</summary>
    public static string InWords(bool markDefault = false)
    {
        var names = All.Select((f, index) => index == 0 && markDefault ? f.Name + " (default)" : f.Name).ToList();
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }
}
