namespace SeqLang.Player;

/// <summary>Where the player's messages go: an RtMidi output, or a recording sink in tests.</summary>
public interface IMidiSink
{
    /// <summary>Sends one complete message now; false when the destination failed. Must not allocate.</summary>
    bool Send(ReadOnlySpan<byte> message);

    /// <summary>Runs the send path once where nobody hears it, so the first real send is as fast as the rest.</summary>
    void WarmUp()
    {
    }
}
