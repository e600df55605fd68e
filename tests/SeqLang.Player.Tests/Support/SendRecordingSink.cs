using SeqLang.Player.Recording;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// Stands in for the clock thread's recording until <c>ClockLoop</c> appends to a <see cref="SendRecording"/>
/// itself: every message goes into <paramref name="recording"/> at the clock's time (a virtual clock's playback
/// starts at 0), moved by <paramref name="lateness"/> to model a real clock's late sends.
/// </summary>
public sealed class SendRecordingSink(IClock clock, SendRecording recording, Func<long, long>? lateness = null) : IMidiSink
{
    private long _sent;

    public bool Send(ReadOnlySpan<byte> message)
    {
        var now = clock.Now();
        recording.Add(lateness is null ? now : now + lateness(_sent), message);
        _sent++;
        return true;
    }
}
