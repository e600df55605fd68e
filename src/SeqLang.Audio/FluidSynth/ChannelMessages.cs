namespace SeqLang.Audio.FluidSynth;

/// <summary>
/// A MIDI channel message played on a FluidSynth synthesiser: one mapping for the offline renderer (from the file's
/// events) and the live synth (from the clock thread's bytes), so both sound the same messages the same way.
/// </summary>
internal static class ChannelMessages
{
    /// <summary>Plays status <paramref name="status"/> (its high nibble, 0x80-0xE0); anything else has no sound. Allocates nothing.</summary>
    public static void Play(nint synth, int status, int channel, int data1, int data2)
    {
        switch (status & 0xF0)
        {
            case 0x90 when data2 > 0: FluidSynthNative.NoteOn(synth, channel, data1, data2); break;
            case 0x90:
            case 0x80: FluidSynthNative.NoteOff(synth, channel, data1); break;
            case 0xA0: FluidSynthNative.KeyPressure(synth, channel, data1, data2); break;
            case 0xB0: FluidSynthNative.ControlChange(synth, channel, data1, data2); break;
            case 0xC0: FluidSynthNative.ProgramChange(synth, channel, data1); break;
            case 0xD0: FluidSynthNative.ChannelPressure(synth, channel, data1); break;
            case 0xE0: FluidSynthNative.PitchBend(synth, channel, data1 | (data2 << 7)); break;
        }
    }
}
