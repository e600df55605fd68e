using System.Runtime.InteropServices;

namespace SeqLang.Player;

/// <summary>
/// A single-producer single-consumer ring of preallocated <see cref="TimedMessage"/> slots: the compiling
/// thread writes, the clock thread reads, with no lock and no allocation. The producer publishes a slot by
/// a release write of the tail after filling it; the consumer frees it by a release write of the head after
/// using it. Head and tail sit on separate cache lines so the two cores do not fight over one.
/// </summary>
internal sealed class MessageRing
{
    private readonly TimedMessage[] _slots;
    private readonly int _mask;
    private Positions _positions;

    public MessageRing(int capacityPowerOfTwo)
    {
        if (capacityPowerOfTwo < 2 || (capacityPowerOfTwo & (capacityPowerOfTwo - 1)) != 0)
            throw new ArgumentOutOfRangeException(nameof(capacityPowerOfTwo), capacityPowerOfTwo, "The capacity must be a power of two.");
        _slots = new TimedMessage[capacityPowerOfTwo];
        _mask = capacityPowerOfTwo - 1;
    }

    public int Capacity => _slots.Length;

    /// <summary>Messages written and not yet consumed (exact on either thread for its own side).</summary>
    public long Count => Volatile.Read(ref _positions.Tail) - Volatile.Read(ref _positions.Head);

    /// <summary>Producer: writes one message, or returns false when the ring is full.</summary>
    public bool TryWrite(in TimedMessage message)
    {
        var tail = _positions.Tail;
        if (tail - Volatile.Read(ref _positions.Head) >= _slots.Length) return false;
        _slots[tail & _mask] = message;
        Volatile.Write(ref _positions.Tail, tail + 1);
        return true;
    }

    /// <summary>Consumer: the oldest message, without removing it.</summary>
    public bool TryPeek(out TimedMessage message)
    {
        var head = _positions.Head;
        if (head == Volatile.Read(ref _positions.Tail))
        {
            message = default;
            return false;
        }
        message = _slots[head & _mask];
        return true;
    }

    /// <summary>Consumer: removes the message <see cref="TryPeek"/> returned.</summary>
    public void Advance() => Volatile.Write(ref _positions.Head, _positions.Head + 1);

    [StructLayout(LayoutKind.Explicit, Size = 256)]
    private struct Positions
    {
        [FieldOffset(64)] public long Head;
        [FieldOffset(192)] public long Tail;
    }
}
