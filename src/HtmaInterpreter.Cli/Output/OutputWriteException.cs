namespace HtmaInterpreter.Cli.Output;

/// <summary>Writing, closing or moving an output (a report file or standard output) failed; the inner exception says why.</summary>
internal sealed class OutputWriteException : IOException
{
    /// <summary>Wraps the error of a write to an output.</summary>
    /// <param name="inner">What .NET threw.</param>
    /// <param name="target">What messages call the output: its path, or <c>standard output</c>.</param>
    public OutputWriteException(Exception inner, string target)
        : base(inner?.Message, inner)
    {
        Target = target;
    }

    /// <summary>What messages call the output: its path, or <c>standard output</c>.</summary>
    public string Target { get; }
}
