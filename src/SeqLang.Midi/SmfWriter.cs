using System.Buffers.Binary;

namespace SeqLang.Midi;

/// <summary>
/// Writes a Standard MIDI File, format 1: MThd, the conductor track, then one MTrk per
/// <see cref="MidiTrack"/>. The output depends on the content only (no timestamps, no
/// dictionary order, no running-status heuristics), so equal input gives equal bytes.
/// </summary>
public static class SmfWriter
{
    /// <summary>The file as bytes.</summary>
    public static byte[] ToBytes(MidiFileContent content)
    {
        ArgumentNullException.ThrowIfNull(content);
        // Every chunk first, then one array of exactly the file's size: no stream growing and copying.
        var chunks = new TrackChunkWriter[content.Tracks.Count + 1];
        chunks[0] = ConductorChunk(content);
        for (var i = 0; i < content.Tracks.Count; i++) chunks[i + 1] = TrackChunk(content.Tracks[i], content.EndTick);
        long size = HeaderLength;
        foreach (var chunk in chunks) size += chunk.ChunkLength;
        var bytes = new byte[checked((int)size)];
        WriteHeader(bytes, chunks.Length, content.Ppq);
        var at = HeaderLength;
        foreach (var chunk in chunks)
        {
            chunk.CopyTo(bytes.AsSpan(at));
            at += chunk.ChunkLength;
        }
        return bytes;
    }

    /// <summary>
    /// Writes the file to <paramref name="path"/> atomically: either the whole new file is there
    /// afterwards, or the previous file (if any) is untouched and no temporary file is left.
    /// </summary>
    public static void WriteFile(string path, MidiFileContent content) =>
        AtomicFileWriter.Write(path, stream => Write(stream, content));

    /// <summary>
    /// Writes the file to <paramref name="output"/>, one chunk at a time: a track that cannot be
    /// written (a delta time too large) throws after the earlier chunks have gone out, which is
    /// why <see cref="WriteFile"/> writes to a temporary file first.
    /// </summary>
    public static void Write(Stream output, MidiFileContent content)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(content);
        Span<byte> header = stackalloc byte[HeaderLength];
        WriteHeader(header, content.Tracks.Count + 1, content.Ppq);
        output.Write(header);
        ConductorChunk(content).CopyTo(output);
        foreach (var track in content.Tracks) TrackChunk(track, content.EndTick).CopyTo(output);
        output.Flush();
    }

    /// <summary>MThd, its length and its 6 bytes.</summary>
    private const int HeaderLength = 14;

    private static void WriteHeader(Span<byte> header, int trackCount, int ppq)
    {
        "MThd"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], 6);                 // header length
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], 1);                 // format 1
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)trackCount);
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], (ushort)ppq);      // bit 15 clear: ticks per quarter
    }

    private static TrackChunkWriter ConductorChunk(MidiFileContent content)
    {
        var chunk = new TrackChunkWriter();
        foreach (var meta in content.Conductor.MetaEvents()) chunk.Write(meta);
        chunk.Write(MidiMetaEvent.EndOfTrack(Math.Max(content.EndTick, chunk.Tick)));
        return chunk;
    }

    private static TrackChunkWriter TrackChunk(MidiTrack track, long endTick)
    {
        // The renderer's tracks come encoded, their end of track at the file's end already.
        if (track.Chunk is { } encoded && encoded.Tick == Math.Max(endTick, track.LastTick)) return encoded;
        // Most channel events take 4 or 5 bytes (a one- or two-byte delta and 3 bytes); the chunk grows if not.
        var array = track.Messages as MidiChannelMessage[];
        var chunk = new TrackChunkWriter(capacity: (int)Math.Min(Array.MaxLength, 5L * (array?.Length ?? track.Messages.Count) + 64 + 4 * track.Name.Length));
        chunk.Write(MidiMetaEvent.TrackName(track.Name));
        if (array is not null) chunk.Write(array);
        else
        {
            foreach (var message in track.Messages) chunk.Write(message);
        }
        chunk.Write(MidiMetaEvent.EndOfTrack(Math.Max(endTick, chunk.Tick)));
        return chunk;
    }
}
