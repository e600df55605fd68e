using System.Buffers.Binary;

namespace SeqLang.Midi;

/// <summary>
/// Builds one MTrk chunk in memory (its length must precede its body) from events in absolute
/// ticks, writing each as a delta time from the previous event. Every channel message is
/// written with its status byte: no running status, so each event's bytes stand alone and a
/// hex dump can be checked line by line.
/// </summary>
internal sealed class TrackChunkWriter
{
    private static ReadOnlySpan<byte> ChunkType => "MTrk"u8;

    /// <summary>The longest channel message with its delta time: a 4-byte delta and 3 bytes.</summary>
    private const int MaxChannelEventLength = VariableLengthQuantity.MaxLength + 3;

    private byte[] _body;
    private int _length;
    private long _tick;

    /// <param name="capacity">Bytes to reserve for the body, as estimated by the caller (it grows as needed).</param>
    public TrackChunkWriter(int capacity = 256) => _body = new byte[Math.Max(capacity, 64)];

    public void Write(MidiChannelMessage message)
    {
        Reserve(MaxChannelEventLength);
        WriteDelta(message.Tick);
        _length += message.CopyTo(_body.AsSpan(_length));
    }

    /// <summary>Writes the messages in order: what <see cref="Write(MidiChannelMessage)"/> does for each, in one loop.</summary>
    public void Write(MidiChannelMessage[] messages)
    {
        var body = _body;
        var length = _length;
        var tick = _tick;
        for (var i = 0; i < messages.Length; i++)
        {
            if (length > body.Length - MaxChannelEventLength)
            {
                // Grown for the rest at the worst case, once the caller's estimate proves short.
                _length = length;
                Reserve((long)(messages.Length - i) * MaxChannelEventLength);
                body = _body;
            }
            ref readonly var message = ref messages[i];
            var delta = message.Tick - tick;
            if ((ulong)delta > VariableLengthQuantity.MaxValue) ThrowBadDelta(message.Tick, tick);
            if (delta < 0x80) body[length++] = (byte)delta;
            else length += VariableLengthQuantity.Write(body.AsSpan(length), delta);
            tick = message.Tick;
            var status = message.Status;
            body[length] = status;
            body[length + 1] = message.Data1;
            // Program change and channel pressure have one data byte, every other channel message two.
            if ((status & 0xE0) == 0xC0) length += 2;
            else
            {
                body[length + 2] = message.Data2;
                length += 3;
            }
        }
        _length = length;
        _tick = tick;
    }

    /// <summary>A channel message given by its bytes (already validated), as the renderer's orderer emits it.</summary>
    public void Write(long tick, byte status, byte data1, byte data2)
    {
        if (_length > _body.Length - MaxChannelEventLength) Reserve(MaxChannelEventLength);
        var body = _body;
        var length = _length;
        var delta = tick - _tick;
        if ((ulong)delta > VariableLengthQuantity.MaxValue) ThrowBadDelta(tick, _tick);
        if (delta < 0x80) body[length++] = (byte)delta;
        else length += VariableLengthQuantity.Write(body.AsSpan(length), delta);
        _tick = tick;
        body[length] = status;
        body[length + 1] = data1;
        // Program change and channel pressure have one data byte, every other channel message two.
        if ((status & 0xE0) == 0xC0) length += 2;
        else
        {
            body[length + 2] = data2;
            length += 3;
        }
        _length = length;
    }

    /// <summary>Bytes of body written so far.</summary>
    public int BodyLength => _length;

    /// <summary>The body written so far (delta-timed events), for reading it back.</summary>
    public ReadOnlySpan<byte> Body => _body.AsSpan(0, _length);

    /// <summary>Makes room for at least <paramref name="bytes"/> bytes of body in all, as a caller that can estimate the total asks.</summary>
    public void EnsureCapacity(long bytes)
    {
        if (bytes > _length) Reserve(bytes - _length);
    }

    public void Write(MidiMetaEvent meta)
    {
        Reserve(MaxChannelEventLength + VariableLengthQuantity.MaxLength + meta.Data.Length);
        WriteDelta(meta.Tick);
        _body[_length++] = 0xFF;
        _body[_length++] = meta.Type;
        _length += VariableLengthQuantity.Write(_body.AsSpan(_length), meta.Data.Length);
        meta.Data.CopyTo(_body, _length);
        _length += meta.Data.Length;
    }

    /// <summary>The tick of the last event written.</summary>
    public long Tick => _tick;

    /// <summary>The chunk's size in the file: 8 bytes of header and the body.</summary>
    public int ChunkLength => 8 + _length;

    /// <summary>Writes "MTrk", the body's length as 32 bits big-endian, then the body.</summary>
    public void CopyTo(Stream output)
    {
        Span<byte> header = stackalloc byte[8];
        WriteHeader(header);
        output.Write(header);
        output.Write(_body, 0, _length);
    }

    /// <summary>The whole chunk into <paramref name="destination"/>, which holds at least <see cref="ChunkLength"/> bytes.</summary>
    public void CopyTo(Span<byte> destination)
    {
        WriteHeader(destination);
        _body.AsSpan(0, _length).CopyTo(destination[8..]);
    }

    private void WriteHeader(Span<byte> header)
    {
        ChunkType.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], checked((uint)_length));
    }

    private void WriteDelta(long tick)
    {
        var delta = tick - _tick;
        if ((ulong)delta > VariableLengthQuantity.MaxValue) ThrowBadDelta(tick, _tick);
        _length += VariableLengthQuantity.Write(_body.AsSpan(_length), delta);
        _tick = tick;
    }

    /// <summary>Makes room for <paramref name="bytes"/> more bytes of body.</summary>
    private void Reserve(long bytes)
    {
        var needed = _length + bytes;
        if (needed <= _body.Length) return;
        if (needed > Array.MaxLength) throw new InvalidOperationException("A track chunk cannot be larger than 2 GB.");
        _body = Arrays.Grow(_body, _length, (int)Math.Min(Array.MaxLength, Math.Max(needed, 2L * _body.Length)));
    }

    private static void ThrowBadDelta(long tick, long previous)
    {
        if (tick < previous)
            throw new InvalidOperationException($"Events out of order: tick {tick} after tick {previous}.");
        throw new InvalidOperationException($"A gap of {tick - previous} ticks before tick {tick} exceeds the largest delta time a MIDI file can hold ({VariableLengthQuantity.MaxValue}).");
    }
}
