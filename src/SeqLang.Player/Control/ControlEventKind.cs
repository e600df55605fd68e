namespace SeqLang.Player.Control;

/// <summary>What a <see cref="ControlEvent"/> is; its <see cref="ControlEvent.Number"/> and <see cref="ControlEvent.Value"/> mean what each member says.</summary>
public enum ControlEventKind : byte
{
    /// <summary>No event (the default value).</summary>
    None,

    /// <summary>Number: note 0..127; Value: velocity 1..127.</summary>
    NoteOn,

    /// <summary>Number: note; Value: release velocity (64 for a note-on with velocity 0, as MIDI 1.0 says receivers take it).</summary>
    NoteOff,

    /// <summary>A plain controller. Number: controller 0..127; Value: 0..127.</summary>
    ControlChange7,

    /// <summary>A configured 14-bit pair. Number: the MSB controller; Value: 0..16383 (MSB × 128 + LSB).</summary>
    ControlChange14,

    /// <summary>Data entry for a non-registered parameter. Number: parameter 0..16383; Value: 0..16383.</summary>
    Nrpn,

    /// <summary>Data entry for a registered parameter (pitch-bend range is 0, fine tuning 1...). Number and Value as for <see cref="Nrpn"/>.</summary>
    Rpn,

    /// <summary>Data increment (CC 96, Value +1) or decrement (CC 97, Value -1) of the selected non-registered parameter.</summary>
    NrpnStep,

    /// <summary>Data increment (Value +1) or decrement (Value -1) of the selected registered parameter.</summary>
    RpnStep,

    /// <summary>Timing clock, F8: 24 a quarter note.</summary>
    Clock,

    /// <summary>Start, FA: play from the beginning at the next clock.</summary>
    Start,

    /// <summary>Continue, FB: play from the song position at the next clock.</summary>
    Continue,

    /// <summary>Stop, FC.</summary>
    Stop,

    /// <summary>Song position pointer, F2. Value: 0..16383 sixteenth notes (6 clocks each) from the start.</summary>
    SongPosition,
}
