namespace SeqLang.Player.Control;

/// <summary>
/// One decoded input event: a struct of plain fields, so decoding on the MIDI input thread allocates nothing.
/// <see cref="Channel"/> is 0..15 as on the wire (0 for system realtime and song position); what
/// <see cref="Number"/> and <see cref="Value"/> hold depends on <see cref="Kind"/> (see <see cref="ControlEventKind"/>).
/// </summary>
public readonly record struct ControlEvent(ControlEventKind Kind, int Channel, int Number, int Value)
{
    public static ControlEvent NoteOn(int channel, int note, int velocity) => new(ControlEventKind.NoteOn, channel, note, velocity);
    public static ControlEvent NoteOff(int channel, int note, int velocity) => new(ControlEventKind.NoteOff, channel, note, velocity);
    public static ControlEvent ControlChange7(int channel, int controller, int value) => new(ControlEventKind.ControlChange7, channel, controller, value);
    public static ControlEvent ControlChange14(int channel, int msbController, int value14) => new(ControlEventKind.ControlChange14, channel, msbController, value14);
    public static ControlEvent Nrpn(int channel, int parameter14, int value14) => new(ControlEventKind.Nrpn, channel, parameter14, value14);
    public static ControlEvent Rpn(int channel, int parameter14, int value14) => new(ControlEventKind.Rpn, channel, parameter14, value14);
    public static ControlEvent NrpnStep(int channel, int parameter14, int step) => new(ControlEventKind.NrpnStep, channel, parameter14, step);
    public static ControlEvent RpnStep(int channel, int parameter14, int step) => new(ControlEventKind.RpnStep, channel, parameter14, step);
    public static ControlEvent Realtime(ControlEventKind kind) => new(kind, 0, 0, 0);
    public static ControlEvent SongPosition(int sixteenths) => new(ControlEventKind.SongPosition, 0, 0, sixteenths);

    /// <summary>"nrpn ch1 0:32 = 8192": channel 1-based as printed on instruments, a parameter as MSB:LSB.</summary>
    public override string ToString() => Kind switch
    {
        ControlEventKind.NoteOn or ControlEventKind.NoteOff => $"{Name} ch{Channel + 1} {Number} {Value}",
        ControlEventKind.ControlChange7 or ControlEventKind.ControlChange14 => $"{Name} ch{Channel + 1} {Number} = {Value}",
        ControlEventKind.Nrpn or ControlEventKind.Rpn or ControlEventKind.NrpnStep or ControlEventKind.RpnStep =>
            $"{Name} ch{Channel + 1} {Number >> 7}:{Number & 0x7F} {(Kind is ControlEventKind.NrpnStep or ControlEventKind.RpnStep ? Value.ToString("+0;-0", System.Globalization.CultureInfo.InvariantCulture) : "= " + Value)}",
        ControlEventKind.SongPosition => $"{Name} {Value}",
        _ => Name,
    };

    private string Name => Kind switch
    {
        ControlEventKind.NoteOn => "note-on",
        ControlEventKind.NoteOff => "note-off",
        ControlEventKind.ControlChange7 => "cc",
        ControlEventKind.ControlChange14 => "cc14",
        ControlEventKind.Nrpn => "nrpn",
        ControlEventKind.Rpn => "rpn",
        ControlEventKind.NrpnStep => "nrpn-step",
        ControlEventKind.RpnStep => "rpn-step",
        ControlEventKind.SongPosition => "song-position",
        _ => Kind.ToString().ToLowerInvariant(),
    };
}
