using System.Runtime.InteropServices;
using SeqLang.Audio.FluidSynth;

namespace SeqLang.Audio;

/// <summary>
/// FluidSynth playing through its own audio driver (<c>seq play --synth</c>, SPEC §16): the player's clock thread
/// hands it the same wire messages it would send to a MIDI port, and FluidSynth's audio thread renders them.
/// </summary>
/// <remarks>
/// Why the clock thread may call <c>fluid_synth_noteon</c> and the rest: FluidSynth's public calls do not render
/// anything and never wait for the audio thread. With <c>synth.threadsafe-api</c> on (the default, kept) a call takes
/// the synth's API mutex, which only other API callers take (the audio thread's <c>fluid_synth_write_float</c> does
/// not), and while playing the clock thread is the only caller; it then turns the message into voice events pushed on
/// a lock-free queue that the audio thread drains at the start of its next block. So a send costs microseconds, takes
/// an uncontended lock, allocates nothing (voices come from a pool of <c>synth.polyphony</c>), and the note sounds
/// from the first audio period rendered after it. The whole SoundFont is loaded before playing
/// (<c>synth.dynamic-sample-loading</c> off, unlike <see cref="AudioRenderer"/>): with dynamic loading a program
/// change reads the preset's samples from disk inside the call, on the clock thread.
/// </remarks>
public sealed unsafe class LiveSynth : IDisposable
{
    /// <summary>The JACK client name of the synth's audio ports (<c>seq-synth:left</c>, <c>seq-synth:right</c>).</summary>
    public const string JackClientName = "seq-synth";

    /// <summary>
    /// The drivers tried, in order, when none is named (after JACK when a JACK server runs): the desktop's sound
    /// server, then the hardware. Never FluidSynth's <c>file</c> driver, which writes <c>fluidsynth.raw</c>, nor SDL, which
    /// starts only in a program that has initialised SDL itself.
    /// </summary>
    public static IReadOnlyList<string> PreferredDrivers { get; } =
        OperatingSystem.IsMacOS() ? ["coreaudio", "portaudio"]
        : OperatingSystem.IsWindows() ? ["wasapi", "dsound", "waveout", "portaudio"]
        : ["pipewire", "pulseaudio", "alsa", "portaudio", "oss"];

    private nint _settings;
    private nint _synth;
    private nint _driver;

    private LiveSynth(nint settings, nint synth, nint driver, string driverName)
    {
        _settings = settings;
        _synth = synth;
        _driver = driver;
        Driver = driverName;
    }

    /// <summary>The audio driver that started (<c>jack</c>, <c>pulseaudio</c>, ...).</summary>
    public string Driver { get; }

    /// <summary>The types whose code the clock thread runs, for a JIT warm-up before playing (their P/Invokes bound too).</summary>
    public static IReadOnlyList<Type> ClockThreadTypes => [typeof(LiveSynth), typeof(ChannelMessages), typeof(FluidSynthNative)];

    /// <summary>The audio drivers this FluidSynth was built with.</summary>
    public static IReadOnlyList<string> AvailableDrivers()
    {
        FluidSynthLibrary.EnsureLoaded();
        var settings = FluidSynthNative.NewSettings();
        if (settings == 0) throw new AudioSetupException("FluidSynth could not create its settings");
        try
        {
            return DriverOptions(settings);
        }
        finally
        {
            FluidSynthNative.DeleteSettings(settings);
        }
    }

    /// <summary>
    /// Loads <paramref name="soundFont"/> and starts the audio: through <paramref name="driver"/> when given, else
    /// through JACK when <paramref name="jackRunning"/>, else the first of <see cref="PreferredDrivers"/> (then
    /// FluidSynth's own default) that this FluidSynth has and that starts. Under JACK the ports are
    /// <see cref="JackClientName"/>'s, connected to the system's playback ports. Throws <see cref="AudioSetupException"/>
    /// saying what failed (check a driver's name against <see cref="AvailableDrivers"/> first: a name this FluidSynth
    /// does not know fails here too).
    /// </summary>
    public static LiveSynth Start(string soundFont, string? driver, bool jackRunning)
    {
        FluidSynthLibrary.EnsureLoaded();
        using var log = LogCapture.Begin();
        var settings = FluidSynthNative.NewSettings();
        if (settings == 0) throw new AudioSetupException("FluidSynth could not create its settings");
        nint synth = 0;
        try
        {
            var available = DriverOptions(settings);
            var candidates = Candidates(settings, available, driver, jackRunning);
            FluidSynthNative.SetInt(settings, "synth.reverb.active", 1);
            FluidSynthNative.SetInt(settings, "synth.chorus.active", 1);
            FluidSynthNative.SetNum(settings, "synth.gain", 0.5); // as the offline render: the same loudness
            FluidSynthNative.SetInt(settings, "synth.polyphony", 256);
            FluidSynthNative.SetInt(settings, "synth.dynamic-sample-loading", 0);
            FluidSynthNative.SetStr(settings, "audio.jack.id", JackClientName);
            FluidSynthNative.SetInt(settings, "audio.jack.autoconnect", 1);
            synth = FluidSynthNative.NewSynth(settings);
            if (synth == 0) throw new AudioSetupException("FluidSynth could not create a synthesiser" + log.Said());
            if (FluidSynthNative.SoundFontLoad(synth, soundFont, 1) == FluidSynthNative.Failed)
                throw new AudioSetupException($"FluidSynth cannot read the SoundFont '{soundFont}' (is it an .sf2 file?)" + log.Said());

            var failures = new List<string>();
            if (candidates.Contains("alsa")) AlsaLog.Silence();
            foreach (var name in candidates)
            {
                log.Clear();
                FluidSynthNative.SetStr(settings, "audio.driver", name);
                var audio = FluidSynthNative.NewAudioDriver(settings, synth);
                if (audio != 0) return new LiveSynth(settings, synth, audio, name);
                failures.Add(name + log.Said());
            }
            throw new AudioSetupException(driver is not null
                ? $"the audio driver '{driver}' did not start{log.Said()}"
                : $"no audio output started (tried {string.Join("; ", failures)}); name one with --audio NAME ({string.Join(", ", available)})");
        }
        catch
        {
            if (synth != 0) FluidSynthNative.DeleteSynth(synth);
            FluidSynthNative.DeleteSettings(settings);
            throw;
        }
    }

    private static List<string> Candidates(nint settings, IReadOnlyList<string> available, string? driver, bool jackRunning)
    {
        if (driver is not null)
        {
            if (!available.Contains(driver, StringComparer.Ordinal))
                throw new AudioSetupException($"this FluidSynth has no audio driver '{driver}'; it has: {string.Join(", ", available)}");
            // FluidSynth's JACK client would start a JACK server of its own (libjack does unless told not to).
            if (driver == "jack" && !jackRunning) throw new AudioSetupException("the audio driver 'jack' needs a running JACK server (start one with jackd or qjackctl)");
            return [driver];
        }
        var candidates = new List<string>();
        if (jackRunning && available.Contains("jack")) candidates.Add("jack");
        candidates.AddRange(PreferredDrivers.Where(available.Contains));
        if (FluidSynthNative.GetStrDefault(settings, "audio.driver", out var fallback) == FluidSynthNative.Ok && fallback != 0
            && Marshal.PtrToStringUTF8(fallback) is { Length: > 0 } name && name is not ("file" or "sdl2" or "sdl3") && (name != "jack" || jackRunning) && !candidates.Contains(name))
        {
            candidates.Add(name);
        }
        if (candidates.Count == 0)
            throw new AudioSetupException($"this FluidSynth has no audio driver to play through here (it has: {string.Join(", ", available)}); name one with --audio NAME");
        return candidates;
    }

    private static List<string> DriverOptions(nint settings)
    {
        var joined = FluidSynthNative.OptionConcat(settings, "audio.driver", ",");
        if (joined == 0) return [];
        try
        {
            return [.. (Marshal.PtrToStringUTF8(joined) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
        }
        finally
        {
            FluidSynthNative.Free(joined);
        }
    }

    /// <summary>
    /// Plays one wire message now: the clock thread's call, for every message (see the remarks on the class for why
    /// that is safe). Allocates nothing. MIDI clock and other system messages have no sound and are ignored. True
    /// unless the synth is gone: FluidSynth's own failures (a note-off for a note that no longer sounds) are not a
    /// failed destination.
    /// </summary>
    public bool Send(ReadOnlySpan<byte> message)
    {
        var synth = _synth;
        if (synth == 0) return false;
        if (message.Length < 2 || message[0] >= 0xF0) return true;
        ChannelMessages.Play(synth, message[0], message[0] & 0x0F, message[1], message.Length > 2 ? message[2] : 0);
        return true;
    }

    /// <summary>
    /// Waits, after the last message, until no voice sounds (the notes' release is heard, not cut), or
    /// <paramref name="limit"/> passes; true when it fell silent.
    /// </summary>
    public bool WaitForRelease(TimeSpan limit)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (_synth != 0 && FluidSynthNative.ActiveVoiceCount(_synth) > 0)
        {
            if (clock.Elapsed >= limit) return false;
            Thread.Sleep(10);
        }
        return true;
    }

    /// <summary>Stops the audio thread, then frees the synthesiser. Not while the clock thread may still send.</summary>
    public void Dispose()
    {
        if (_driver != 0) FluidSynthNative.DeleteAudioDriver(_driver);
        _driver = 0;
        if (_synth != 0) FluidSynthNative.DeleteSynth(_synth);
        _synth = 0;
        if (_settings != 0) FluidSynthNative.DeleteSettings(_settings);
        _settings = 0;
    }
}
