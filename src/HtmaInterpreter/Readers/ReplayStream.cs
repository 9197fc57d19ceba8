namespace HtmaInterpreter.Readers;

/// <summary>
/// A read-only stream that gives some bytes already read, then the rest of another stream (left open when this one is
/// disposed): the batch scanner hands on what it has not consumed, the CLI reads standard input after looking at its start.
/// </summary>
internal sealed class ReplayStream(byte[] first, Stream rest) : Stream
{
    private int _position;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        if (_position < first.Length)
        {
            var count = Math.Min(buffer.Length, first.Length - _position);
            first.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        return rest.Read(buffer);
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
