using System.Globalization;
using System.Text;

namespace HtmaInterpreter.Diagnostics;

/// <summary>
/// Where in the input a <see cref="Diagnostic"/> points: a file, a 1-based line and column, and/or a named field.
/// Every part is optional because not every input has all of them (an in-memory panel has no file).
/// </summary>
/// <param name="File">The file name or path as the caller gave it, or <c>null</c> for in-memory input.</param>
/// <param name="Line">1-based line number, or <c>null</c> when unknown.</param>
/// <param name="Column">1-based column number, or <c>null</c> when unknown.</param>
/// <param name="Field">The field, column header or element the problem concerns, or <c>null</c>.</param>
public sealed record SourceLocation(string? File = null, int? Line = null, int? Column = null, string? Field = null)
{
    /// <summary>A location that points nowhere in particular.</summary>
    public static SourceLocation None { get; } = new();

    /// <summary>Returns a copy that names <paramref name="field"/>.</summary>
    /// <param name="field">The field name.</param>
    /// <returns>The new location.</returns>
    public SourceLocation WithField(string? field) => this with { Field = field };

    /// <summary>Formats as <c>file:line:column (field)</c>, leaving out unknown parts.</summary>
    /// <returns>The formatted location.</returns>
    public override string ToString()
    {
        var text = new StringBuilder();
        text.Append(File ?? "<input>");
        if (Line is { } line)
        {
            text.Append(CultureInfo.InvariantCulture, $":{line}");
            if (Column is { } column)
            {
                text.Append(CultureInfo.InvariantCulture, $":{column}");
            }
        }

        if (Field is not null)
        {
            text.Append(CultureInfo.InvariantCulture, $" ({Field})");
        }

        return text.ToString();
    }
}
