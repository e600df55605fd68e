using System.Text;

namespace SeqLang.Midi;

/// <summary>A meta event to write: FF, type, length (variable-length), data.</summary>
internal readonly record struct MidiMetaEvent(long Tick, byte Type, byte[] Data)
{
    public const byte TrackNameType = 0x03, EndOfTrackType = 0x2F, TempoType = 0x51, TimeSignatureType = 0x58, KeySignatureType = 0x59;

    /// <summary>
    /// FF 03. Names are written as UTF-8: ASCII titles are unchanged, and readers that assume
    /// Latin-1 (mido) show accents as two characters rather than losing them.
    /// </summary>
    public static MidiMetaEvent TrackName(string name) => new(0, TrackNameType, Encoding.UTF8.GetBytes(name));

    public static MidiMetaEvent EndOfTrack(long tick) => new(tick, EndOfTrackType, Array.Empty<byte>());

    public static MidiMetaEvent Tempo(TempoChange tempo)
    {
        var us = tempo.MicrosecondsPerQuarter;
        return new(tempo.Tick, TempoType, new[] { (byte)(us >> 16), (byte)(us >> 8), (byte)us });
    }

    public static MidiMetaEvent TimeSignature(MidiTimeSignature signature) => new(0, TimeSignatureType, new[]
    {
        (byte)signature.Numerator, (byte)signature.DenominatorPower, (byte)signature.ClocksPerClick, (byte)signature.ThirtySecondsPerQuarter,
    });

    /// <summary>sf is a signed byte on the wire: -1 (one flat) is FF.</summary>
    public static MidiMetaEvent KeySignature(MidiKeySignature signature) =>
        new(0, KeySignatureType, new[] { unchecked((byte)(sbyte)signature.SharpsOrFlats), (byte)(signature.IsMinor ? 1 : 0) });
}
