namespace SeqLang.Player;

/// <summary>
/// One message of the playback stream: its tick (the renderer's tick, SPEC §7), the time it is due in
/// Stopwatch ticks from the start of playback, and its wire bytes. A struct of plain fields, copied into
/// preallocated ring slots, so handing it to the clock thread allocates nothing. <see cref="Length"/> 0
/// marks the end of the piece, due when the last bar ends.
/// </summary>
public struct TimedMessage
{
    public long Tick;
    public long Due;
    public byte Status;
    public byte Data1;
    public byte Data2;

    /// <summary>2 or 3 for a channel message; 0 for the end marker.</summary>
    public byte Length;

    public readonly bool IsEnd => Length == 0;

    public readonly int Channel => Status & 0x0F;

    public readonly int Kind => Status & 0xF0;

    public static TimedMessage End(long tick, long due) => new() { Tick = tick, Due = due };

    public override readonly string ToString() => IsEnd ? $"{Tick} end" : Length == 2 ? $"{Tick} {Status:X2} {Data1}" : $"{Tick} {Status:X2} {Data1} {Data2}";
}
