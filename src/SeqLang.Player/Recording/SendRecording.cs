namespace SeqLang.Player.Recording;

/// <summary>
/// What the clock thread sent, for <c>--record</c> (SPEC §9): every channel message with its send time, in send
/// order. Like <c>LatenessLog</c>, it is stored in chunks that another thread (the producer) allocates before
/// they are needed, so <see cref="Add(long, ReadOnlySpan{byte})"/> on the clock thread only writes into memory that exists and
/// never allocates; a send with no room left is counted in <see cref="Dropped"/> rather than stalling the clock.
/// <para>
/// Contract: one writer thread calls <see cref="Add(long, ReadOnlySpan{byte})"/>; one other thread calls <see cref="EnsureCapacity"/>
/// with the number of channel messages it has published so far (or will publish next), before it publishes
/// them. <see cref="EnsureCapacity"/> adds <see cref="StopReserve"/> on top, for the note-offs, CC 123s and centred bends of
/// the stop, which no producer publishes. System messages (clock, start, stop: status F0 and above) are not
/// kept: the file cannot hold them, and the clock-out's 24 a quarter would otherwise need room too.
/// Read the entries (<see cref="ToArray"/>) after the clock thread has finished.
/// </para>
/// </summary>
public sealed class SendRecording
{
    /// <summary>Entries per chunk: 2^16 × 16 bytes, 1 MB.</summary>
    public const int ChunkSize = 1 << ChunkBits;

    /// <summary>Room always kept beyond the published messages: a note-off for all 16 × 128 keys, CC 123 and a centred bend on 16 channels.</summary>
    public const int StopReserve = 16 * 128 + 16 + 16;

    private const int ChunkBits = 16;
    private readonly RecordedSend[]?[] _chunks = new RecordedSend[]?[1 << 14]; // room for a billion sends
    private long _capacity;
    private long _count;
    private long _dropped;

    /// <summary>Producer: makes room for <paramref name="messages"/> sends in all, plus <see cref="StopReserve"/>.</summary>
    public void EnsureCapacity(long messages)
    {
        var entries = messages + StopReserve;
        while (_capacity < entries && (_capacity >> ChunkBits) < _chunks.Length)
        {
            Volatile.Write(ref _chunks[_capacity >> ChunkBits], new RecordedSend[ChunkSize]);
            _capacity += ChunkSize;
        }
    }

    /// <summary>Clock thread: records <paramref name="message"/> (1..3 bytes) sent at <paramref name="sentAt"/> clock ticks from the start.</summary>
    public void Add(long sentAt, ReadOnlySpan<byte> message)
    {
        if (message.IsEmpty) return;
        Add(sentAt, message[0], message.Length > 1 ? message[1] : (byte)0, message.Length > 2 ? message[2] : (byte)0, (byte)Math.Min(message.Length, 3));
    }

    /// <summary>Clock thread: records one message from its fields (<paramref name="length"/> 1..3).</summary>
    public void Add(long sentAt, byte status, byte data1, byte data2, byte length)
    {
        if (status >= 0xF0) return;
        var i = _count;
        if (Volatile.Read(ref _chunks[i >> ChunkBits]) is not { } chunk)
        {
            _dropped++;
            return;
        }
        chunk[i & (ChunkSize - 1)] = new RecordedSend(sentAt, status, data1, data2, length);
        Volatile.Write(ref _count, i + 1);
    }

    /// <summary>Messages recorded.</summary>
    public long Count => Volatile.Read(ref _count);

    /// <summary>Messages sent when no room was ready (the producer did not call <see cref="EnsureCapacity"/> in time).</summary>
    public long Dropped => _dropped;

    /// <summary>Room made so far, in entries.</summary>
    public long Capacity => _capacity;

    /// <summary>Entry <paramref name="index"/> (0 ≤ index &lt; <see cref="Count"/>).</summary>
    public RecordedSend this[long index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return _chunks[index >> ChunkBits]![index & (ChunkSize - 1)];
        }
    }

    /// <summary>After playback: every entry in send order.</summary>
    public RecordedSend[] ToArray()
    {
        var count = Count;
        var result = new RecordedSend[count];
        for (long i = 0; i < count; i += ChunkSize)
        {
            var n = (int)Math.Min(ChunkSize, count - i);
            Array.Copy(_chunks[i >> ChunkBits]!, 0, result, i, n);
        }
        return result;
    }
}
