namespace SeqLang.Player.Control;

/// <summary>
/// Two controllers that carry one 14-bit value: <see cref="Msb"/> the coarse 7 bits, <see cref="Lsb"/> the fine.
/// MIDI 1.0 pairs controllers 0..31 with 32..63 (<see cref="Standard"/>); some devices use other pairs.
/// </summary>
public readonly record struct ControllerPair
{
    public ControllerPair(int msb, int lsb)
    {
        if (msb is < 0 or > 127) throw new ArgumentOutOfRangeException(nameof(msb), msb, "A controller is 0..127.");
        if (lsb is < 0 or > 127) throw new ArgumentOutOfRangeException(nameof(lsb), lsb, "A controller is 0..127.");
        if (msb == lsb) throw new ArgumentException($"A 14-bit pair needs two controllers, not {msb} twice.", nameof(lsb));
        Msb = msb;
        Lsb = lsb;
    }

    public int Msb { get; }
    public int Lsb { get; }

    /// <summary>The MIDI 1.0 pair of controller <paramref name="msb"/> (0..31) and <paramref name="msb"/> + 32.</summary>
    public static ControllerPair Standard(int msb) =>
        msb is >= 0 and <= 31 ? new ControllerPair(msb, msb + 32)
            : throw new ArgumentOutOfRangeException(nameof(msb), msb, "Only controllers 0..31 have a standard LSB (the controller + 32); give the LSB explicitly.");

    public override string ToString() => $"{Msb}/{Lsb}";
}
