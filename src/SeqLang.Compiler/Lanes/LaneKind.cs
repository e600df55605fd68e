namespace SeqLang.Compiler.Lanes;

/// <summary>How a lane's atoms are read (SPEC §3 "Atoms").</summary>
public enum LaneKind
{
    /// <summary>Kit track: drum names, MIDI numbers, and x/X when the lane is named after a drum.</summary>
    Drums,
    /// <summary>Pitched track: note names, MIDI numbers, Tidal chords, harmony words.</summary>
    Pitched,
    /// <summary>Pitched track in <c>degrees</c> mode: numbers are 0-based degrees of the key.</summary>
    Degrees,
    /// <summary>Pitched track in <c>tones</c> mode: numbers index the current chord's tones.</summary>
    Tones,
    /// <summary><c>cc N "..."</c>: numbers are controller values.</summary>
    Control,
    /// <summary><c>bend VALUE</c>: values are the 14-bit wheel position, 0..16383 (8192 centre), once read.</summary>
    Bend,
    /// <summary><c>touch VALUE</c>: values are channel pressure, 0..127.</summary>
    Pressure,
}
