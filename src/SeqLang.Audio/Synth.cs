using SeqLang.Audio.FluidSynth;
using SeqLang.Midi;

namespace SeqLang.Audio;

/// <summary>One FluidSynth synthesiser with one SoundFont, set up for deterministic offline rendering.</summary>
internal sealed unsafe class Synth : IDisposable
{
    private readonly nint _settings;
    private readonly nint _synth;
    private readonly float[] _buffer = new float[AudioSink.BlockFrames * 2];

    public Synth(string soundFont, int sampleRate)
    {
        FluidSynthLibrary.EnsureLoaded();
        // Info and debug messages would go to stdout, which may be a pipe the user reads.
        FluidSynthNative.SetLogFunction(3, 0, 0);
        FluidSynthNative.SetLogFunction(4, 0, 0);
        _settings = FluidSynthNative.NewSettings();
        if (_settings == 0) throw new AudioSetupException("FluidSynth could not create its settings");
        FluidSynthNative.SetNum(_settings, "synth.sample-rate", sampleRate);
        // More cores would mix voices on worker threads: same sum, but not promised in the same order.
        FluidSynthNative.SetInt(_settings, "synth.cpu-cores", 1);
        FluidSynthNative.SetInt(_settings, "synth.threadsafe-api", 0);
        FluidSynthNative.SetInt(_settings, "synth.reverb.active", 1);
        FluidSynthNative.SetInt(_settings, "synth.chorus.active", 1);
        // The default 0.2 is quiet for one instrument; 0.5 leaves headroom for a full arrangement (clipped, not wrapped, beyond).
        FluidSynthNative.SetNum(_settings, "synth.gain", 0.5);
        FluidSynthNative.SetInt(_settings, "synth.polyphony", 256);
        // Reads only the samples of the presets the piece selects, not all 140 MB of a GM SoundFont (1 s of a short render).
        FluidSynthNative.SetInt(_settings, "synth.dynamic-sample-loading", 1);
        _synth = FluidSynthNative.NewSynth(_settings);
        if (_synth == 0)
        {
            FluidSynthNative.DeleteSettings(_settings);
            throw new AudioSetupException("FluidSynth could not create a synthesiser");
        }
        if (FluidSynthNative.SoundFontLoad(_synth, soundFont, 1) == FluidSynthNative.Failed)
        {
            Dispose();
            throw new AudioSetupException($"FluidSynth cannot read the SoundFont '{soundFont}' (is it an .sf2 file?)");
        }
    }

    /// <summary>Plays one channel message; meta and system exclusive events have no sound.</summary>
    public void Send(SmfEvent e)
    {
        if (e.IsChannelMessage) ChannelMessages.Play(_synth, e.Status, e.Channel, e.Data[0], e.Data.Length > 1 ? e.Data[1] : 0);
    }

    /// <summary>The next <paramref name="frames"/> frames, interleaved left/right.</summary>
    public ReadOnlySpan<float> Render(int frames)
    {
        fixed (float* p = _buffer)
        {
            if (FluidSynthNative.WriteFloat(_synth, frames, p, 0, 2, p, 1, 2) != FluidSynthNative.Ok)
                throw new InvalidOperationException("FluidSynth failed to render audio (this might be a bug)");
        }
        return _buffer.AsSpan(0, frames * 2);
    }

    public void Dispose()
    {
        if (_synth != 0) FluidSynthNative.DeleteSynth(_synth);
        if (_settings != 0) FluidSynthNative.DeleteSettings(_settings);
    }
}
