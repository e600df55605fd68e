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
        using var stream = new MemoryStream();
        Write(stream, content);
        return stream.ToArray();
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
        WriteHeader(output, content.Tracks.Count + 1, content.Ppq);
        ConductorChunk(content).CopyTo(output);
        foreach (var track in content.Tracks) TrackChunk(track, content.EndTick).CopyTo(output);
        output.Flush();
    }

    private static void WriteHeader(Stream output, int trackCount, int ppq)
    {
        Span<byte> header = stackalloc byte[14];
        "MThd"u8.CopyTo(header);
        BinaryPrimitives.WriteUInt32BigEndian(header[4..], 6);                 // header length
        BinaryPrimitives.WriteUInt16BigEndian(header[8..], 1);                 // format 1
        BinaryPrimitives.WriteUInt16BigEndian(header[10..], (ushort)trackCount);
        BinaryPrimitives.WriteUInt16BigEndian(header[12..], (ushort)ppq);      // bit 15 clear: ticks per quarter
        output.Write(header);
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
        var chunk = new TrackChunkWriter();
        chunk.Write(MidiMetaEvent.TrackName(track.Name));
        foreach (var message in track.Messages) chunk.Write(message);
        chunk.Write(MidiMetaEvent.EndOfTrack(Math.Max(endTick, chunk.Tick)));
        return chunk;
    }
}
