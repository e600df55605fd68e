namespace SeqLang.Player.Recording;

/// <summary>
/// One message as the clock thread sent it: when (<see cref="SentAt"/>, in clock ticks from the start of
/// playback, the same origin as every due time) and its wire bytes (<see cref="Length"/> of them, 1..3; unused
/// data bytes are 0). A struct of plain fields, 16 bytes, stored in <see cref="SendRecording"/>'s chunks.
/// </summary>
public readonly record struct RecordedSend(long SentAt, byte Status, byte Data1, byte Data2, byte Length)
{
    public override string ToString() => Length switch
    {
        1 => $"{SentAt} {Status:X2}",
        2 => $"{SentAt} {Status:X2} {Data1}",
        _ => $"{SentAt} {Status:X2} {Data1} {Data2}",
    };
}
