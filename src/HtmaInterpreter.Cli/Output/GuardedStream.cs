namespace HtmaInterpreter.Cli.Output;

/// <summary>
/// Passes writes to an output stream (a report file, or standard output) and turns their errors into
/// <see cref="OutputWriteException"/> naming the output, so that a command tells a write error from a read error of
/// its input and reports it as HTMA0701 instead of a crash.
/// </summary>
/// <param name="inner">The stream written; disposed with this.</param>
/// <param name="name">What messages call the output: its path, or <c>standard output</c>.</param>
internal sealed class GuardedStream(Stream inner, string name) : Stream
{
    public override bool CanRead => false;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override void Write(byte[] buffer, int offset, int count)
    {
        try
        {
            inner.Write(buffer, offset, count);
        }
        catch (Exception exception) when (OutputFile.IsWriteError(exception))
        {
            throw new OutputWriteException(exception, name);
        }
    }

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            inner.Write(buffer);
        }
        catch (Exception exception) when (OutputFile.IsWriteError(exception))
        {
            throw new OutputWriteException(exception, name);
        }
    }

    public override void Flush()
    {
        try
        {
            inner.Flush();
        }
        catch (Exception exception) when (OutputFile.IsWriteError(exception))
        {
            throw new OutputWriteException(exception, name);
        }
    }

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        try
        {
            if (disposing)
            {
                inner.Dispose();
            }
        }
        catch (Exception exception) when (OutputFile.IsWriteError(exception))
        {
            throw new OutputWriteException(exception, name);
        }
        finally
        {
            base.Dispose(disposing);
        }
    }
}
