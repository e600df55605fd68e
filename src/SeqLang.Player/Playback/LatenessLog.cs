namespace SeqLang.Player;

/// <summary>
/// The lateness of every send, in Stopwatch ticks, for <c>--timing-report</c>, with the clock time it went
/// out at (so a late send can be matched with what else the machine did then). Stored in chunks that the
/// producer allocates before it publishes the messages that will need them, so the clock thread only
/// writes into memory that already exists.
/// </summary>
internal sealed class LatenessLog
{
    private const int ChunkBits = 16;
    private const int ChunkSize = 1 << ChunkBits;
    private readonly long[]?[] _chunks = new long[]?[1 << 14]; // room for a billion sends
    private readonly long[]?[] _times = new long[]?[1 << 14];
    private long _capacity;
    private long _count;

    /// <summary>Producer: makes room for <paramref name="entries"/> sends in all.</summary>
    public void EnsureCapacity(long entries)
    {
        while (_capacity < entries && (_capacity >> ChunkBits) < _chunks.Length)
        {
            // The times first: the clock thread takes a chunk's presence as the sign that both exist.
            _times[_capacity >> ChunkBits] = new long[ChunkSize];
            Volatile.Write(ref _chunks[_capacity >> ChunkBits], new long[ChunkSize]);
            _capacity += ChunkSize;
        }
    }

    /// <summary>Clock thread: records one send's lateness and clock time (dropped past the log's size).</summary>
    public void Add(long lateness, long at)
    {
        var i = _count;
        if (Volatile.Read(ref _chunks[i >> ChunkBits]) is not { } chunk) return;
        chunk[i & (ChunkSize - 1)] = lateness;
        _times[i >> ChunkBits]![i & (ChunkSize - 1)] = at;
        _count = i + 1;
    }

    public long Count => _count;

    /// <summary>After playback: every lateness in send order.</summary>
    public long[] ToArray() => Copy(_chunks);

    /// <summary>After playback: every send's clock time, in send order.</summary>
    public long[] TimesToArray() => Copy(_times);

    private long[] Copy(long[]?[] chunks)
    {
        var result = new long[_count];
        for (long i = 0; i < _count; i++) result[i] = chunks[i >> ChunkBits]![i & (ChunkSize - 1)];
        return result;
    }
}
