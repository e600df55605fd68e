namespace SeqLang.Player.RtMidi;

/// <summary>
/// Which MIDI APIs this RtMidi has, which of them works here, and the ports they list (SPEC §9: by default
/// the first API that initialises; <c>--api</c> overrides).
/// </summary>
public static unsafe class MidiSystem
{
    /// <summary>The client name the player registers with the MIDI system.</summary>
    public const string ClientName = "seq";

    /// <summary>The APIs compiled into RtMidi, in RtMidi's order of preference (on Linux: ALSA, then JACK).</summary>
    public static IReadOnlyList<MidiApi> CompiledApis()
    {
        RtMidiLibrary.EnsureLoaded();
        var apis = stackalloc int[16];
        var count = RtMidiNative.GetCompiledApi(apis, 16);
        var result = new List<MidiApi>();
        for (var i = 0; i < Math.Min(count, 16); i++)
        {
            // Only the four stable values; RtMidi 6 renumbered what follows WINDOWS_MM.
            if (apis[i] is >= (int)MidiApi.CoreMidi and <= (int)MidiApi.WindowsMM && Named(apis[i])) result.Add((MidiApi)apis[i]);
        }
        return result;
    }

    /// <summary>
    /// Null when <paramref name="api"/> can work here; otherwise why not, in words that say what to do.
    /// ALSA needs the sequencer device; JACK needs a running server (RtMidi alone cannot tell: see <see cref="JackProbe"/>).
    /// </summary>
    public static string? WhyUnavailable(MidiApi api) => api switch
    {
        MidiApi.Alsa when OperatingSystem.IsLinux() && !File.Exists("/dev/snd/seq") =>
            "ALSA: no sequencer device /dev/snd/seq (load it with 'sudo modprobe snd-seq')",
        MidiApi.Jack when !JackProbe.ServerRunning() =>
            $"JACK: no JACK server '{JackServerName()}' is running (start one with jackd or qjackctl)",
        _ => null,
    };

    /// <summary>
    /// The API to use: <paramref name="requested"/> when given (and it works), else the first compiled API
    /// that initialises. Throws <see cref="MidiDeviceException"/> saying what each API lacked.
    /// </summary>
    public static MidiApi ChooseApi(MidiApi requested = MidiApi.Unspecified)
    {
        var compiled = CompiledApis();
        if (requested != MidiApi.Unspecified)
        {
            if (!compiled.Contains(requested))
                throw new MidiDeviceException($"this RtMidi was built without {MidiApiNames.Name(requested)}; it has: {Names(compiled)}");
            if (WhyUnavailable(requested) is { } why) throw new MidiDeviceException($"MIDI through {MidiApiNames.Name(requested)} is not available: {why}");
            return requested;
        }
        var reasons = new List<string>();
        foreach (var api in compiled)
        {
            if (WhyUnavailable(api) is not { } why) return api;
            reasons.Add(why);
        }
        throw new MidiDeviceException(compiled.Count == 0
            ? "this RtMidi has no usable MIDI API"
            : "no MIDI system is available: " + string.Join("; ", reasons));
    }

    /// <summary>The output and input ports of <paramref name="api"/>.</summary>
    public static (IReadOnlyList<MidiPort> Outputs, IReadOnlyList<MidiPort> Inputs) ListPorts(MidiApi api)
    {
        using var output = MidiOutput.Create(api, ClientName);
        using var input = MidiInput.Create(api, ClientName);
        return (output.Ports(), input.Ports());
    }

    /// <summary>
    /// True when the JACK server libjack would talk to accepts clients (asked without starting one). Also for the
    /// synth's audio (<c>seq play --synth</c>): FluidSynth's JACK driver would start a server where none runs.
    /// </summary>
    public static bool JackServerRunning() => JackProbe.ServerRunning();

    /// <summary>The JACK server libjack will talk to: <c>JACK_DEFAULT_SERVER</c>, else "default".</summary>
    public static string JackServerName() =>
        Environment.GetEnvironmentVariable("JACK_DEFAULT_SERVER") is { Length: > 0 } name ? name : "default";

    private static bool Named(int api) => RtMidiNative.ApiName(api) != 0;

    private static string Names(IEnumerable<MidiApi> apis) => string.Join(", ", apis.Select(MidiApiNames.Name));
}
