using HtmaInterpreter.Diagnostics;

namespace HtmaInterpreter.Fuzz;

/// <summary>
/// What the library gave for one input: every diagnostic, and the non-exhaustive outcomes found on the way (a result
/// with no value and no error saying why, a diagnostic without a code or message, an empty report). An exception is
/// not recorded here: it escapes to the caller, which treats it as a finding.
/// </summary>
internal sealed class LibraryOutcome
{
    public List<Diagnostic> Diagnostics { get; } = [];

    public List<string> Problems { get; } = [];

    /// <summary>Takes the diagnostics of a result and checks that a missing value is explained by an error.</summary>
    public T? Take<T>(ParseResult<T> result, string what)
    {
        ArgumentNullException.ThrowIfNull(result);
        Add(result.Diagnostics, what);
        if (result.Value is null && !result.HasErrors)
        {
            Problems.Add($"{what}: no value and no error diagnostic saying why");
        }

        return result.Value;
    }

    /// <summary>Takes diagnostics given outside a result (an interpretation's, a batch row's).</summary>
    public void Add(IEnumerable<Diagnostic> diagnostics, string what)
    {
        foreach (var diagnostic in diagnostics)
        {
            if (diagnostic is null)
            {
                Problems.Add($"{what}: a null diagnostic");
                continue;
            }

            if (diagnostic.Code is not { Length: 8 } code || !code.StartsWith("HTMA", StringComparison.Ordinal) || !code[4..].All(char.IsAsciiDigit))
            {
                Problems.Add($"{what}: a diagnostic with the malformed code '{diagnostic.Code}'");
            }

            if (string.IsNullOrWhiteSpace(diagnostic.Message))
            {
                Problems.Add($"{what}: diagnostic {diagnostic.Code} has no message");
            }

            if (diagnostic.Location is { Line: < 1 } or { Column: < 1 })
            {
                Problems.Add($"{what}: diagnostic {diagnostic.Code} has line {diagnostic.Location.Line}, column {diagnostic.Location.Column}");
            }

            Diagnostics.Add(diagnostic);
        }
    }

    /// <summary>Checks that a rendered report is not empty.</summary>
    public void Report(string report, string what)
    {
        if (string.IsNullOrEmpty(report))
        {
            Problems.Add($"{what}: an empty report");
        }
    }
}
