namespace SeqLang.Compiler.Lanes;

/// <summary>What a harmony-relative atom refers to; the chord itself is known only when the bar is.</summary>
public enum HarmonyRef
{
    None,
    /// <summary><c>root</c>: the current chord's root.</summary>
    Root,
    /// <summary><c>chord</c>: all the current chord's tones.</summary>
    Chord,
    /// <summary>A number in <c>tones</c> mode: the Nth chord tone (0 = root; past the last, the next octave).</summary>
    Tone,
}

/// <summary>
/// An atom after checking: fixed pitches (one, or several for a chord), a controller value, or a reference
/// to the harmony resolved per bar. <see cref="Accent"/> marks <c>X</c>, which always plays at velocity 127.
/// </summary>
/// <see cref="Pick"/> is set on a harmony chord that <c>arp</c> reads: which of its notes sound, once the chord is known.
public sealed record Atom(int[] Pitches, bool Accent, HarmonyRef Harmony = HarmonyRef.None, int ToneIndex = 0, int Octave = 4, string? Quality = null,
    ArpPick? Pick = null)
{
    public static Atom Fixed(int pitch, bool accent = false) => new(new[] { pitch }, accent);
}
