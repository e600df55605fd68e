namespace SeqLang.Player;

/// <summary>Where the player's messages go: an RtMidi output, or a recording sink in tests.</summary>
public interface IMidiSink
{
    /// <summary>Sends one complete message now; false when the destination failed. Must not allocate.</summary>
    bool Send(ReadOnlySpan<byte> message);

    /// <summary>Before playback, off the clock: whatever makes the first send as fast as the others.</summary>
    void Prepare()
    {
    }

    /// <summary>
    /// On the clock thread, microseconds before a send that follows a wait: touches the send path (code and data)
    /// without sending anything, so the send does not pay for what the wait let fall out of the caches.
    /// Must not allocate.
    /// </summary>
    void Warm()
    {
    }
}
