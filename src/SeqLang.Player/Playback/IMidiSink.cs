namespace SeqLang.Player;

/// <summary>Where the player's messages go: an RtMidi output, or a recording sink in tests.</summary>
public interface IMidiSink
{
    /// <summary>Sends one complete message now; false when the destination failed. Must not allocate.</summary>
    bool Send(ReadOnlySpan<byte> message);
}
