namespace SeqLang.Compiler.Control;

/// <summary>
/// What a mapping listens to. <see cref="Channel"/> is the input channel filter on the wire (0..15), null for any
/// channel. <see cref="MaxValue"/> is the top of the raw value: 127 for 7-bit messages, 16383 for 14-bit ones.
/// Matching rules for multi-message sources are in docs/live-control.md ("Matching messages").
/// </summary>
public abstract record ControlSource(int? Channel)
{
    public abstract int MaxValue { get; }

    /// <summary>True when a message on <paramref name="channel"/> (0..15) passes the channel filter.</summary>
    public bool Accepts(int channel) => Channel is null || Channel == channel;
}

/// <summary><c>cc N</c>: a 7-bit controller, value 0..127.</summary>
public sealed record CcSource(int Controller, int? Channel) : ControlSource(Channel)
{
    public override int MaxValue => 127;
    public override string ToString() => $"cc {Controller}";
}

/// <summary><c>cc MSB:LSB</c>: a 14-bit controller pair, value MSB×128 + LSB, 0..16383.</summary>
public sealed record Cc14Source(int Msb, int Lsb, int? Channel) : ControlSource(Channel)
{
    public override int MaxValue => 16383;
    public override string ToString() => $"cc {Msb}:{Lsb}";
}

/// <summary><c>nrpn MSB:LSB</c>: a non-registered parameter (CC 99/98), 14-bit value from data entry CC 6/38.</summary>
public sealed record NrpnSource(int Msb, int Lsb, int? Channel) : ControlSource(Channel)
{
    public override int MaxValue => 16383;
    public override string ToString() => $"nrpn {Msb}:{Lsb}";
}

/// <summary><c>rpn MSB:LSB</c>: a registered parameter (CC 101/100), 14-bit value from data entry CC 6/38.</summary>
public sealed record RpnSource(int Msb, int Lsb, int? Channel) : ControlSource(Channel)
{
    public override int MaxValue => 16383;
    public override string ToString() => $"rpn {Msb}:{Lsb}";
}

/// <summary><c>note N</c>: a pad or key; each note-on (velocity above 0) fires the action.</summary>
public sealed record NoteSource(int Note, int? Channel) : ControlSource(Channel)
{
    public override int MaxValue => 127;
    public override string ToString() => $"note {Note}";
}

/// <summary><c>notes A..B</c>: a row of pads; note A + i is pad i.</summary>
public sealed record NoteRangeSource(int First, int Last, int? Channel) : ControlSource(Channel)
{
    public override int MaxValue => 127;

    public int Count => Last - First + 1;

    /// <summary>The pad index of <paramref name="note"/>, or null when the note is outside the range.</summary>
    public int? PadOf(int note) => note >= First && note <= Last ? note - First : null;

    public override string ToString() => $"notes {First}..{Last}";
}
