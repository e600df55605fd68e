using System.Buffers.Binary;

namespace SeqLang.Audio;

/// <summary>
/// Gives every page of an Ogg file one fixed stream serial number and its checksum again. libsndfile picks the
/// serial at random, so two renders of the same piece differed in those 4 bytes a page (and the CRCs) while the
/// audio was the same; the serial need only be unique among the streams of one file, and ours has one.
/// </summary>
internal static class OggSerial
{
    /// <summary>"SEQ!" read as a little-endian number.</summary>
    public const uint Fixed = 0x21514553;

    private static readonly uint[] Table = BuildTable();

    public static void Fix(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var offset = 0;
        while (offset + 27 <= bytes.Length)
        {
            if (bytes[offset] != 'O' || bytes[offset + 1] != 'g' || bytes[offset + 2] != 'g' || bytes[offset + 3] != 'S')
                throw new InvalidDataException($"libsndfile wrote no Ogg page at byte {offset} (this might be a bug)");
            int segments = bytes[offset + 26];
            var length = 27 + segments;
            for (var i = 0; i < segments; i++) length += bytes[offset + 27 + i];
            if (offset + length > bytes.Length) throw new InvalidDataException($"the Ogg page at byte {offset} is cut short (this might be a bug)");
            var page = bytes.AsSpan(offset, length);
            BinaryPrimitives.WriteUInt32LittleEndian(page[14..], Fixed);
            BinaryPrimitives.WriteUInt32LittleEndian(page[22..], 0);
            BinaryPrimitives.WriteUInt32LittleEndian(page[22..], Crc(page));
            offset += length;
        }
        if (offset != bytes.Length) throw new InvalidDataException("the Ogg file ends inside a page header (this might be a bug)");
        File.WriteAllBytes(path, bytes);
    }

    /// <summary>Ogg's CRC-32: polynomial 0x04C11DB7, not reflected, initial value and final XOR 0.</summary>
    private static uint Crc(ReadOnlySpan<byte> data)
    {
        uint crc = 0;
        foreach (var b in data) crc = (crc << 8) ^ Table[(byte)(crc >> 24) ^ b];
        return crc;
    }

    private static uint[] BuildTable()
    {
        var table = new uint[256];
        for (uint i = 0; i < 256; i++)
        {
            var r = i << 24;
            for (var bit = 0; bit < 8; bit++) r = (r & 0x80000000) != 0 ? (r << 1) ^ 0x04C11DB7 : r << 1;
            table[i] = r;
        }
        return table;
    }
}
