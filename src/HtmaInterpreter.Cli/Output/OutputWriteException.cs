namespace HtmaInterpreter.Cli.Output;

/// <summary>Writing, closing or moving an <see cref="OutputFile"/> failed; the inner exception says why.</summary>
internal sealed class OutputWriteException : IOException
{
    /// <summary>Wraps the error of a write to an output file.</summary>
    public OutputWriteException(Exception inner)
        : base(inner?.Message, inner)
    {
    }
}
