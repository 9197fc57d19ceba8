namespace HtmaInterpreter.Readers;

/// <summary>
/// A text reader that first returns a prefix (a line already read to find the header) and then the rest of another
/// reader, so a CSV parser can start at the header without the whole input being buffered.
/// </summary>
internal sealed class PrefixedTextReader : TextReader
{
    private readonly string _prefix;
    private readonly TextReader _rest;
    private int _position;

    public PrefixedTextReader(string prefix, TextReader rest)
    {
        _prefix = prefix;
        _rest = rest;
    }

    public override int Peek() => _position < _prefix.Length ? _prefix[_position] : _rest.Peek();

    public override int Read() => _position < _prefix.Length ? _prefix[_position++] : _rest.Read();

    public override int Read(char[] buffer, int index, int count) => Read(buffer.AsSpan(index, count));

    public override int Read(Span<char> buffer)
    {
        if (_position < _prefix.Length)
        {
            var count = Math.Min(buffer.Length, _prefix.Length - _position);
            _prefix.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        return _rest.Read(buffer);
    }

    public override ValueTask<int> ReadAsync(Memory<char> buffer, CancellationToken cancellationToken = default) =>
        _position < _prefix.Length ? new ValueTask<int>(Read(buffer.Span)) : _rest.ReadAsync(buffer, cancellationToken);

    public override Task<int> ReadAsync(char[] buffer, int index, int count) =>
        ReadAsync(buffer.AsMemory(index, count)).AsTask();
}
