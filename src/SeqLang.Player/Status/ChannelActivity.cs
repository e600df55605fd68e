namespace SeqLang.Player.Status;

/// <summary>
/// When each channel last sent a note-on, for the status line's activity lights: the clock thread writes a
/// time per channel (no allocation, no lock: one long each), the status thread reads them ~10 times a second.
/// A track's light is its channel's (tracks sharing a channel light together: the clock knows only channels).
/// </summary>
public sealed class ChannelActivity
{
    private readonly long[] _lastNoteOn = new long[16];
    private int _seen; // bit c: channel c has sent a note-on

    /// <summary>Clock thread: call after sending <paramref name="message"/> at clock time <paramref name="now"/>; note-ons (velocity &gt; 0) count.</summary>
    public void Sent(ReadOnlySpan<byte> message, long now)
    {
        if (message.Length < 3 || (message[0] & 0xF0) != 0x90 || message[2] == 0) return;
        var channel = message[0] & 0x0F;
        Volatile.Write(ref _lastNoteOn[channel], now);
        if ((Volatile.Read(ref _seen) & (1 << channel)) == 0) Interlocked.Or(ref _seen, 1 << channel);
    }

    /// <summary>Any thread: how long before <paramref name="now"/> channel <paramref name="channel"/> last sent a note-on, or null if never.</summary>
    public TimeSpan? SinceLastNote(int channel, long now, long frequency)
    {
        if ((Volatile.Read(ref _seen) & (1 << channel)) == 0) return null;
        var ticks = Math.Max(0, now - Volatile.Read(ref _lastNoteOn[channel]));
        return TimeSpan.FromSeconds((double)ticks / frequency);
    }
}
