namespace SeqLang.Player.RtMidi;

/// <summary>
/// RtMidi's APIs that the player offers. The values are RtMidi's own (<c>enum RtMidiApi</c>), which RtMidi 5
/// and 6 share for these four; the dummy and web APIs are never chosen.
/// </summary>
public enum MidiApi
{
    Unspecified = 0,
    CoreMidi = 1,
    Alsa = 2,
    Jack = 3,
    WindowsMM = 4,
}

/// <summary>The names of <see cref="MidiApi"/> on the command line (<c>--api alsa|jack|coremidi|winmm</c>).</summary>
public static class MidiApiNames
{
    public static readonly IReadOnlyList<string> All = ["alsa", "jack", "coremidi", "winmm"];

    public static string Name(MidiApi api) => api switch
    {
        MidiApi.Alsa => "alsa",
        MidiApi.Jack => "jack",
        MidiApi.CoreMidi => "coremidi",
        MidiApi.WindowsMM => "winmm",
        _ => "unspecified",
    };

    public static bool TryParse(string? text, out MidiApi api)
    {
        api = text?.Trim().ToLowerInvariant() switch
        {
            "alsa" => MidiApi.Alsa,
            "jack" => MidiApi.Jack,
            "coremidi" or "core" => MidiApi.CoreMidi,
            "winmm" or "windows" => MidiApi.WindowsMM,
            _ => MidiApi.Unspecified,
        };
        return api != MidiApi.Unspecified;
    }
}
