using System.Buffers.Binary;

namespace SeqLang.Midi;

/// <summary>
/// Reads any format 0, 1 or 2 Standard MIDI File: running status, meta events, F0/F7 sysex,
/// variable-length quantities, and chunks of unknown type (skipped, as the SMF spec asks).
/// It is a strict reader for tests and tools: anything malformed (truncation, a missing or
/// early end of track, a data byte where a status is needed, trailing bytes) throws
/// <see cref="SmfFormatException"/> with the offending byte's offset, rather than guessing
/// and letting a writer bug through.
/// </summary>
public static class SmfReader
{
    public static SmfFile ReadFile(string path) => Read(File.ReadAllBytes(path));

    public static SmfFile Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var cursor = new Cursor(bytes);

        ExpectChunkType(ref cursor, "MThd"u8);
        var headerLength = cursor.ReadUInt32();
        if (headerLength < 6) throw new SmfFormatException($"header length {headerLength} is less than 6", cursor.Position - 4);
        var headerStart = cursor.Position;
        var format = cursor.ReadUInt16();
        if (format > 2) throw new SmfFormatException($"unknown format {format}", cursor.Position - 2);
        var trackCount = cursor.ReadUInt16();
        if (format == 0 && trackCount != 1) throw new SmfFormatException($"format 0 must have exactly one track, not {trackCount}", cursor.Position - 2);
        var division = cursor.ReadUInt16();
        if (division == 0) throw new SmfFormatException("division is 0", cursor.Position - 2);
        cursor.Skip(headerLength - (cursor.Position - headerStart)); // longer headers: later versions may add fields

        var tracks = new List<SmfTrack>(trackCount);
        while (tracks.Count < trackCount)
        {
            if (cursor.AtEnd) throw new SmfFormatException($"the header announces {trackCount} tracks but the file holds {tracks.Count}", cursor.Position);
            var chunkStart = cursor.Position;
            var type = cursor.ReadBytes(4);
            var length = cursor.ReadUInt32();
            if (!type.SequenceEqual("MTrk"u8))
            {
                if (!IsPrintable(type)) throw new SmfFormatException($"expected a chunk, found bytes {Convert.ToHexString(type)}", chunkStart);
                cursor.Skip(length);
                continue;
            }
            tracks.Add(ReadTrack(cursor.Slice(length)));
        }
        if (!cursor.AtEnd) throw new SmfFormatException($"{cursor.Remaining} unexpected bytes after the last track", cursor.Position);
        return new SmfFile(format, division, tracks);
    }

    private static SmfTrack ReadTrack(Cursor cursor)
    {
        var events = new List<SmfEvent>();
        long tick = 0;
        byte runningStatus = 0;
        while (true)
        {
            if (cursor.AtEnd) throw new SmfFormatException("the track ends without an end of track event (FF 2F 00)", cursor.Position);
            tick += cursor.ReadVariableLength();
            var offset = cursor.Position;
            var first = cursor.ReadByte();
            SmfEvent ev;
            if (first == 0xFF)
            {
                runningStatus = 0; // meta and sysex events cancel running status
                var type = cursor.ReadByte();
                if (type >= 0x80) throw new SmfFormatException($"meta type 0x{type:X2} has bit 7 set", cursor.Position - 1);
                var data = cursor.ReadBytes(cursor.ReadVariableLength());
                ev = new SmfEvent(tick, offset, SmfEventKind.Meta, -1, type, data);
                if (type == 0x2F)
                {
                    if (data.Length != 0) throw new SmfFormatException("end of track must have length 0", offset);
                    if (!cursor.AtEnd) throw new SmfFormatException($"{cursor.Remaining} bytes after the end of track event", cursor.Position);
                    events.Add(ev);
                    return new SmfTrack(events);
                }
            }
            else if (first is 0xF0 or 0xF7)
            {
                runningStatus = 0;
                var data = cursor.ReadBytes(cursor.ReadVariableLength());
                ev = new SmfEvent(tick, offset, first == 0xF0 ? SmfEventKind.SysEx : SmfEventKind.SysExEscape, -1, 0, data);
            }
            else if (first >= 0xF0)
            {
                throw new SmfFormatException($"system message 0x{first:X2} cannot appear in a MIDI file", offset);
            }
            else
            {
                byte status;
                if (first >= 0x80)
                {
                    status = first;
                }
                else
                {
                    if (runningStatus == 0) throw new SmfFormatException($"data byte 0x{first:X2} with no running status in effect", offset);
                    status = runningStatus;
                    cursor.Back(); // the byte read is the first data byte
                }
                runningStatus = status;
                var kind = KindOf(status);
                var data = cursor.ReadBytes(kind is SmfEventKind.ProgramChange or SmfEventKind.ChannelPressure ? 1 : 2);
                for (var i = 0; i < data.Length; i++)
                {
                    if (data[i] >= 0x80) throw new SmfFormatException($"data byte 0x{data[i]:X2} has bit 7 set", cursor.Position - data.Length + i);
                }
                ev = new SmfEvent(tick, offset, kind, status & 0x0F, 0, data);
            }
            events.Add(ev);
        }
    }

    private static SmfEventKind KindOf(byte status) => (status & 0xF0) switch
    {
        0x80 => SmfEventKind.NoteOff,
        0x90 => SmfEventKind.NoteOn,
        0xA0 => SmfEventKind.PolyPressure,
        0xB0 => SmfEventKind.ControlChange,
        0xC0 => SmfEventKind.ProgramChange,
        0xD0 => SmfEventKind.ChannelPressure,
        _ => SmfEventKind.PitchBend,
    };

    private static void ExpectChunkType(ref Cursor cursor, ReadOnlySpan<byte> type)
    {
        var start = cursor.Position;
        var found = cursor.ReadBytes(4);
        if (!found.AsSpan().SequenceEqual(type))
            throw new SmfFormatException($"expected chunk '{System.Text.Encoding.ASCII.GetString(type)}', found bytes {Convert.ToHexString(found)}", start);
    }

    private static bool IsPrintable(byte[] type) => type.All(b => b is >= 0x20 and < 0x7F);

    /// <summary>A read position over a window of the file that reports absolute offsets.</summary>
    private struct Cursor
    {
        private readonly byte[] _bytes;
        private readonly long _end;
        private readonly string _window;

        public Cursor(byte[] bytes) : this(bytes, 0, bytes.Length, "file") { }

        private Cursor(byte[] bytes, long start, long end, string window)
        {
            _bytes = bytes;
            Position = start;
            _end = end;
            _window = window;
        }

        public long Position { get; private set; }
        public readonly bool AtEnd => Position >= _end;
        public readonly long Remaining => _end - Position;

        public byte ReadByte()
        {
            if (AtEnd) throw Truncated(1);
            return _bytes[Position++];
        }

        public void Back() => Position--;

        public byte[] ReadBytes(long count)
        {
            if (count > Remaining) throw Truncated(count);
            var result = _bytes.AsSpan((int)Position, (int)count).ToArray();
            Position += count;
            return result;
        }

        public void Skip(long count)
        {
            if (count > Remaining) throw Truncated(count);
            Position += count;
        }

        public uint ReadUInt32() => BinaryPrimitives.ReadUInt32BigEndian(ReadBytes(4));
        public ushort ReadUInt16() => BinaryPrimitives.ReadUInt16BigEndian(ReadBytes(2));

        /// <summary>Takes the next <paramref name="length"/> bytes as a window of their own (a chunk body).</summary>
        public Cursor Slice(long length)
        {
            if (length > Remaining) throw new SmfFormatException($"the chunk announces {length} bytes but only {Remaining} remain", Position - 4);
            var slice = new Cursor(_bytes, Position, Position + length, "chunk");
            Position += length;
            return slice;
        }

        public int ReadVariableLength()
        {
            var start = Position;
            var value = 0;
            for (var i = 0; i < VariableLengthQuantity.MaxLength; i++)
            {
                var b = ReadByte();
                value = (value << 7) | (b & 0x7F);
                if ((b & 0x80) == 0) return value;
            }
            throw new SmfFormatException("a variable-length quantity is longer than 4 bytes", start);
        }

        private readonly SmfFormatException Truncated(long wanted) =>
            new($"expected {wanted} more byte(s) but the {_window} ends", Position);
    }
}
