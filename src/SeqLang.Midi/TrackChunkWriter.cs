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

    private readonly MemoryStream _body = new();
    private long _tick;

    public void Write(MidiChannelMessage message)
    {
        Span<byte> bytes = stackalloc byte[3];
        WriteDelta(message.Tick);
        _body.Write(bytes[..message.CopyTo(bytes)]);
    }

    public void Write(MidiMetaEvent meta)
    {
        Span<byte> length = stackalloc byte[VariableLengthQuantity.MaxLength];
        WriteDelta(meta.Tick);
        _body.WriteByte(0xFF);
        _body.WriteByte(meta.Type);
        _body.Write(length[..VariableLengthQuantity.Write(length, meta.Data.Length)]);
        _body.Write(meta.Data);
    }

    /// <summary>The tick of the last event written.</summary>
    public long Tick => _tick;

    /// <summary>Writes "MTrk", the body's length as 32 bits big-endian, then the body.</summary>
    public void CopyTo(Stream output)
    {
        Span<byte> header = stackalloc byte[8];
        ChunkType.CopyTo(header);
        System.Buffers.Binary.BinaryPrimitives.WriteUInt32BigEndian(header[4..], checked((uint)_body.Length));
        output.Write(header);
        _body.Position = 0;
        _body.CopyTo(output);
    }

    private void WriteDelta(long tick)
    {
        if (tick < _tick)
            throw new InvalidOperationException($"Events out of order: tick {tick} after tick {_tick}.");
        var delta = tick - _tick;
        if (delta > VariableLengthQuantity.MaxValue)
            throw new InvalidOperationException($"A gap of {delta} ticks before tick {tick} exceeds the largest delta time a MIDI file can hold ({VariableLengthQuantity.MaxValue}).");
        Span<byte> bytes = stackalloc byte[VariableLengthQuantity.MaxLength];
        _body.Write(bytes[..VariableLengthQuantity.Write(bytes, delta)]);
        _tick = tick;
    }
}
