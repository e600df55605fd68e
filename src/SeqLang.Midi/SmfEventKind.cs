namespace SeqLang.Midi;

/// <summary>What an event read from a file is.</summary>
public enum SmfEventKind
{
    NoteOff,
    NoteOn,
    PolyPressure,
    ControlChange,
    ProgramChange,
    ChannelPressure,
    PitchBend,
    /// <summary>F0 system exclusive; <see cref="SmfEvent.Data"/> is everything after the length.</summary>
    SysEx,
    /// <summary>F7 escape (a sysex continuation or raw bytes).</summary>
    SysExEscape,
    Meta,
}
