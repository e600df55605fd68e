using SeqLang.Audio;
using SeqLang.Player;

namespace SeqLang.Cli.Play;

/// <summary>
/// <c>seq play --synth</c>'s destination: the player's sink, handing the clock thread's messages to FluidSynth. The
/// player defines the sink and knows no audio; the audio back end knows no player; the CLI joins them here.
/// </summary>
public sealed class SynthOutput(LiveSynth synth) : IMidiSink
{
    public LiveSynth Synth => synth;

    /// <summary>Called by the clock thread for every message: allocates nothing, waits for nothing (<see cref="LiveSynth"/>).</summary>
    public bool Send(ReadOnlySpan<byte> message) => synth.Send(message);
}
