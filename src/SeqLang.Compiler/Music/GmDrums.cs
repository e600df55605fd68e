namespace SeqLang.Compiler.Music;

/// <summary>General MIDI percussion (key map on channel 10) by snake_case name, plus the short names of SPEC §3.</summary>
internal static class GmDrums
{
    private static readonly string[] LongNames =
    {
        "acoustic_bass_drum", "bass_drum_1", "side_stick", "acoustic_snare", "hand_clap", "electric_snare",
        "low_floor_tom", "closed_hi_hat", "high_floor_tom", "pedal_hi_hat", "low_tom", "open_hi_hat",
        "low_mid_tom", "hi_mid_tom", "crash_cymbal_1", "high_tom", "ride_cymbal_1", "chinese_cymbal",
        "ride_bell", "tambourine", "splash_cymbal", "cowbell", "crash_cymbal_2", "vibraslap",
        "ride_cymbal_2", "hi_bongo", "low_bongo", "mute_hi_conga", "open_hi_conga", "low_conga",
        "high_timbale", "low_timbale", "high_agogo", "low_agogo", "cabasa", "maracas",
        "short_whistle", "long_whistle", "short_guiro", "long_guiro", "claves", "hi_wood_block",
        "low_wood_block", "mute_cuica", "open_cuica", "mute_triangle", "open_triangle",
    };

    private static readonly Dictionary<string, int> Map = Build();

    private static Dictionary<string, int> Build()
    {
        var map = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < LongNames.Length; i++) map[LongNames[i]] = 35 + i;
        foreach (var (name, note) in new (string, int)[]
        {
            ("bd", 36), ("kick", 36), ("rim", 37), ("sd", 38), ("snare", 38), ("cp", 39), ("clap", 39),
            ("lt", 45), ("hh", 42), ("hat", 42), ("ch", 42), ("ph", 44), ("oh", 46), ("mt", 47), ("ht", 50),
            ("cr", 49), ("crash", 49), ("rd", 51), ("ride", 51), ("tb", 54), ("cb", 56), ("cowbell", 56), ("sh", 70),
        })
        {
            map[name] = note;
        }
        return map;
    }

    public static IReadOnlyDictionary<string, int> All => Map;

    public static int LongNameCount => LongNames.Length;
}
