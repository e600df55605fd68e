namespace SeqLang.Player.Control;

/// <summary>
/// The controller's messages on their way from the MIDI system's thread (under JACK, its process thread, which
/// must never wait) to live control's worker: a preallocated ring with one writer and one reader, so posting
/// copies a few bytes and publishes an index, with no lock and no allocation. A full ring drops the message
/// and counts it rather than make the MIDI system wait.
/// </summary>
public sealed class ControlInbox
{
    /// <summary>The longest message kept: channel messages have 3 bytes; the binding ignores sysex.</summary>
    public const int MaxMessageLength = 8;

    private readonly byte[] _bytes;
    private readonly byte[] _lengths;
    private readonly int _mask;
    private long _written;
    private long _read;
    private long _dropped;

    /// <param name="capacity">Messages held at once, a power of two.</param>
    public ControlInbox(int capacity = 4096)
    {
        if (capacity <= 0 || (capacity & (capacity - 1)) != 0) throw new ArgumentOutOfRangeException(nameof(capacity), capacity, "a power of two");
        _bytes = new byte[capacity * MaxMessageLength];
        _lengths = new byte[capacity];
        _mask = capacity - 1;
    }

    /// <summary>Messages dropped because the ring was full or they were too long.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>The writer's side (one thread): false when the message was dropped.</summary>
    public bool TryPost(ReadOnlySpan<byte> message)
    {
        var written = _written;
        if (message.Length > MaxMessageLength || written - Volatile.Read(ref _read) > _mask)
        {
            Interlocked.Increment(ref _dropped);
            return false;
        }
        var slot = (int)(written & _mask);
        message.CopyTo(_bytes.AsSpan(slot * MaxMessageLength));
        _lengths[slot] = (byte)message.Length;
        // Published after its bytes: the reader sees the index only with the message in place.
        Volatile.Write(ref _written, written + 1);
        return true;
    }

    /// <summary>The reader's side (one thread): the oldest message, copied into <paramref name="destination"/>.</summary>
    public bool TryTake(Span<byte> destination, out int length)
    {
        var read = _read;
        if (read == Volatile.Read(ref _written))
        {
            length = 0;
            return false;
        }
        var slot = (int)(read & _mask);
        length = _lengths[slot];
        _bytes.AsSpan(slot * MaxMessageLength, length).CopyTo(destination);
        // Released after the copy: the writer may reuse the slot only once it is read.
        Volatile.Write(ref _read, read + 1);
        return true;
    }
}
