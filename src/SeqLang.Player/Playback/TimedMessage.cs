namespace SeqLang.Player;

/// <summary>What a ring slot holds besides a plain channel message.</summary>
public enum MessageMark : byte
{
    /// <summary>A channel or realtime message to send.</summary>
    Send,
    /// <summary>The end of the piece, due when the last bar ends.</summary>
    End,
    /// <summary>A step boundary for controller feedback: <see cref="TimedMessage.StepIndex"/> of <see cref="TimedMessage.StepCount"/> steps in the bar.</summary>
    Step,
}

/// <summary>
/// One message of the playback stream: its tick (the renderer's tick, SPEC §7), the time it is due in
/// Stopwatch ticks of piece time from the start of playback (before any live tempo change), and its wire
/// bytes. A struct of plain fields, copied into preallocated ring slots, so handing it to the clock thread
/// allocates nothing. <see cref="Generation"/> says which version of the piece it belongs to: a switch
/// (a reload, a pad edit, a jump) starts a new generation at a tick, and the clock thread drops what older
/// generations left in the ring from that tick on. <see cref="Lane"/> is the lane's live-control id (or -1),
/// <see cref="OnTick"/> a note-off's note-on tick, so that a switch can tell which notes already sound.
/// </summary>
public struct TimedMessage
{
    public long Tick;
    public long Due;
    public long OnTick;
    public int Generation;
    public short Lane;
    public short Track;
    public byte Status;
    public byte Data1;
    public byte Data2;

    /// <summary>1 (realtime), 2 or 3 bytes for a message to send; 0 for a mark.</summary>
    public byte Length;

    public MessageMark Mark;

    public readonly bool IsEnd => Mark == MessageMark.End;

    public readonly bool IsStep => Mark == MessageMark.Step;

    /// <summary>A step mark's step, 0-based.</summary>
    public readonly int StepIndex => Data1;

    /// <summary>A step mark's number of steps in the bar.</summary>
    public readonly int StepCount => Data2;

    public readonly int Channel => Status & 0x0F;

    public readonly int Kind => Status & 0xF0;

    public readonly bool IsNoteOff => Kind == 0x80 || (Kind == 0x90 && Data2 == 0);

    public readonly bool IsNoteOn => Kind == 0x90 && Data2 > 0;

    public static TimedMessage End(long tick, long due, int generation) => new() { Tick = tick, Due = due, Generation = generation, Mark = MessageMark.End, Lane = -1, Track = -1 };

    /// <summary>A step mark (see <see cref="MessageMark.Step"/>); counts above 255 are not marked.</summary>
    public static TimedMessage Step(long tick, int count, int index, int generation) => new()
    {
        Tick = tick, Generation = generation, Mark = MessageMark.Step, Data1 = (byte)index, Data2 = (byte)count, Lane = -1, Track = -1,
    };

    public static TimedMessage Realtime(long tick, byte status, int generation) => new() { Tick = tick, Status = status, Length = 1, Generation = generation, Lane = -1, Track = -1 };

    public override readonly string ToString() => IsEnd ? $"{Tick} end" : IsStep ? $"{Tick} step {StepIndex}/{StepCount}" : Length switch
    {
        1 => $"{Tick} {Status:X2}",
        2 => $"{Tick} {Status:X2} {Data1}",
        _ => $"{Tick} {Status:X2} {Data1} {Data2}",
    };
}
