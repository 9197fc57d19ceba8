namespace HtmaInterpreter.Diagnostics;

/// <summary>
/// The outcome of reading or loading something: the value that could be built (possibly partial) and every
/// diagnostic met on the way. Bad input never throws; it shows up here.
/// </summary>
/// <typeparam name="T">The type of the value.</typeparam>
public sealed class ParseResult<T>
{
    /// <summary>Creates a result.</summary>
    /// <param name="value">The value built, or <c>null</c> when nothing usable could be built.</param>
    /// <param name="diagnostics">The diagnostics, in input order.</param>
    public ParseResult(T? value, IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        Value = value;
        Diagnostics = diagnostics;
    }

    /// <summary>The value built from the input; may be partial when <see cref="HasErrors"/> is true, and <c>null</c> when nothing could be built.</summary>
    public T? Value { get; }

    /// <summary>Every diagnostic, in input order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>True when any diagnostic is an <see cref="DiagnosticSeverity.Error"/>.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error);

    /// <summary>True when a value was built and no diagnostic is an error.</summary>
    public bool Success => Value is not null && !HasErrors;

    /// <summary>Returns the value, or throws when there is none. For callers that have already checked <see cref="Success"/>.</summary>
    /// <returns>The value.</returns>
    /// <exception cref="InvalidOperationException">No value was built.</exception>
    public T GetValueOrThrow() =>
        Value ?? throw new InvalidOperationException(
            $"No value was produced ({Diagnostics.Count} diagnostics); check Success before calling GetValueOrThrow.");
}

/// <summary>Factory methods for <see cref="ParseResult{T}"/>.</summary>
internal static class ParseResult
{
    /// <summary>A result with a value and no diagnostics.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="value">The value.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Ok<T>(T value) => new(value, []);

    /// <summary>A result with no value.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="diagnostics">Why there is no value.</param>
    /// <returns>The result.</returns>
    public static ParseResult<T> Failed<T>(IReadOnlyList<Diagnostic> diagnostics) => new(default, diagnostics);
}
