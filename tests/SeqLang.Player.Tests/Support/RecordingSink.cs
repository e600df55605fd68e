namespace SeqLang.Player.Tests.Support;

/// <summary>
/// A sink that keeps every message with the clock's time, in arrays made before playback, so that it
/// allocates nothing on the clock thread (the allocation test depends on that).
/// </summary>
public sealed class RecordingSink(IClock clock, int capacity = 1 << 16) : IMidiSink
{
    private readonly byte[] _bytes = new byte[capacity * 3];
    private readonly byte[] _lengths = new byte[capacity];
    private readonly long[] _times = new long[capacity];
    private int _count;

    public bool Send(ReadOnlySpan<byte> message)
    {
        if (_count == _lengths.Length) return false;
        message.CopyTo(_bytes.AsSpan(_count * 3));
        _lengths[_count] = (byte)message.Length;
        _times[_count] = clock.Now();
        _count++;
        return true;
    }

    /// <summary>Messages sent so far.</summary>
    public int Count => Volatile.Read(ref _count);

    public IReadOnlyList<Received> Messages =>
        Enumerable.Range(0, _count).Select(i => new Received(_times[i], _bytes.AsSpan(i * 3, _lengths[i]).ToArray())).ToList();
}
