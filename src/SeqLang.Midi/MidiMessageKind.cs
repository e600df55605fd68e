namespace SeqLang.Midi;

/// <summary>The channel voice messages, valued as their status nibble.</summary>
public enum MidiMessageKind : byte
{
    NoteOff = 0x80,
    NoteOn = 0x90,
    PolyPressure = 0xA0,
    ControlChange = 0xB0,
    ProgramChange = 0xC0,
    ChannelPressure = 0xD0,
    PitchBend = 0xE0,
}
