using SeqLang.Audio.FluidSynth;
using SeqLang.Midi;

namespace SeqLang.Audio;

/// <summary>
/// Offline audio through FluidSynth (SPEC §16): the messages of the MIDI file, each sent when the audio has been
/// written up to its frame, then a release tail. Deterministic: one thread (<c>synth.cpu-cores</c> 1), a fixed
/// sample rate, fixed reverb and chorus, and float output converted here (FluidSynth's own 16-bit output dithers
/// with noise).
/// </summary>
public static class AudioRenderer
{
    public const int SampleRate = 44100;

    /// <summary>How long the audio goes on after the piece's end, so the last notes' release and the reverb fade out.</summary>
    public static readonly TimeSpan Tail = TimeSpan.FromSeconds(2);

    /// <summary>The SoundFonts tried, in order, when none is given: the distributions' General MIDI fonts.</summary>
    public static readonly IReadOnlyList<string> DefaultSoundFonts =
    [
        "/usr/share/sounds/sf2/FluidR3_GM.sf2",          // Debian/Ubuntu fluid-soundfont-gm
        "/usr/share/sounds/sf2/default-GM.sf2",          // Debian's alternatives link
        "/usr/share/soundfonts/FluidR3_GM.sf2",          // Fedora fluid-soundfont-gm, Arch soundfont-fluid
        "/usr/share/soundfonts/default.sf2",
        "/usr/share/sounds/sf2/TimGM6mb.sf2",            // Debian timgm6mb-soundfont
        "/usr/share/soundfonts/freepats-general-midi.sf2",
        "/opt/homebrew/share/soundfonts/default.sf2",
    ];

    /// <summary>Loads libfluidsynth, or throws <see cref="AudioSetupException"/> naming the package to install.</summary>
    public static void EnsureLibrary() => FluidSynthLibrary.EnsureLoaded();

    /// <summary>The SoundFont to use: <paramref name="requested"/> if given and present, else the first default that exists.</summary>
    public static string ResolveSoundFont(string? requested)
    {
        if (requested is not null)
            return File.Exists(requested) ? requested : throw new AudioSetupException($"the SoundFont '{requested}' does not exist");
        foreach (var path in DefaultSoundFonts)
            if (File.Exists(path)) return path;
        throw new AudioSetupException(
            $"no General MIDI SoundFont found (looked for {string.Join(", ", DefaultSoundFonts)}); install one with: sudo apt-get install fluid-soundfont-gm (Debian/Ubuntu), "
            + "or name one: seq render --soundfont FILE.sf2, seq play --synth FILE.sf2");
    }

    /// <summary>Writes the file's audio as a 16-bit stereo WAV at <see cref="SampleRate"/>.</summary>
    public static void WriteWav(MidiFileContent content, string soundFont, Stream output)
    {
        var messages = Messages(content, out var frames);
        using var synth = new Synth(soundFont, SampleRate);
        Render(synth, messages, frames, new WavWriter(output, SampleRate, frames));
    }

    /// <summary>Writes the file's audio as FLAC or Ogg Vorbis to <paramref name="path"/>, through libsndfile.</summary>
    public static void WriteSndFile(MidiFileContent content, string soundFont, string path, AudioFormat format)
    {
        if (format == AudioFormat.Wav) throw new ArgumentException("WAV is written by WriteWav", nameof(format));
        var messages = Messages(content, out var frames);
        using var synth = new Synth(soundFont, SampleRate);
        using (var sink = new SndFileWriter(path, format, SampleRate)) Render(synth, messages, frames, sink);
        if (format == AudioFormat.Ogg) OggSerial.Fix(path);
    }

    private static IReadOnlyList<TimedMessage> Messages(MidiFileContent content, out long frames)
    {
        var file = SmfReader.Read(SmfWriter.ToBytes(content));
        var messages = AudioMessages.Read(file, SampleRate, out var endFrame);
        var lastFrame = messages.Count > 0 ? Math.Max(endFrame, messages[^1].Frame) : endFrame;
        frames = lastFrame + (long)(Tail.TotalSeconds * SampleRate);
        return messages;
    }

    /// <summary>Audio up to each message's frame, then the message; then to the end of the tail.</summary>
    private static void Render(Synth synth, IReadOnlyList<TimedMessage> messages, long frames, AudioSink sink)
    {
        var sent = 0;
        long written = 0;
        while (written < frames)
        {
            while (sent < messages.Count && messages[sent].Frame <= written) synth.Send(messages[sent++].Message);
            var until = sent < messages.Count ? Math.Min(messages[sent].Frame, frames) : frames;
            while (written < until)
            {
                var block = (int)Math.Min(AudioSink.BlockFrames, until - written);
                sink.Write(synth.Render(block));
                written += block;
            }
        }
        sink.Finish();
    }
}
