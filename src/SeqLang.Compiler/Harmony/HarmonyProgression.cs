using SeqLang.Compiler.Piece;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// The chords of <c>harmony STYLE every N bars gravity G</c> (SPEC §4), as a pure function of the seed and the
/// position: step 0 is the style's tonic chord, and step i is chosen among the moves of step i−1 (weighted by
/// <see cref="TransitionWeights"/>, damped by the roots of steps i−1 and i−2) with the random number
/// <c>SeededRandom.At(SeededRandom.StreamFor(seed, "harmony"), 0, i)</c>. Each step lasts
/// <see cref="EveryBars"/> bars. Because step i depends on the steps before it, the walk is computed once from
/// step 0 and kept (one byte per step), so any later query is a lookup and the first query of step n costs O(n).
/// Thread safety: the walk is extended and read under a lock, so any number of threads may ask at once (a
/// renderer and a player's scheduler, say); a query never sees a half-written step.
/// </summary>
public sealed class HarmonyProgression
{
    /// <summary>The stream's name, so the harmony's dice never follow a lane's (lanes use <c>track.lane</c>).</summary>
    public const string StreamName = "harmony";

    private readonly Chord[] _chords;
    private readonly ulong _stream;
    private readonly List<byte> _steps = new() { 0 };

    /// <param name="style">The chord graph.</param>
    /// <param name="tonic">The key's tonic pitch class, 0..11 (0 = C).</param>
    /// <param name="spelling">How the key spells black-key roots (see <see cref="HarmonyStyle.ChordInKey"/>).</param>
    /// <param name="everyBars">Bars per chord, at least 1.</param>
    /// <param name="gravity">0..1: how strongly the walk is pulled home (see <see cref="TransitionWeights"/>).</param>
    /// <param name="seed">The file's <c>seed</c>.</param>
    /// <param name="damping">Root-repeat damping; <see cref="HarmonyDamping.Standard"/> when null.</param>
    public HarmonyProgression(HarmonyStyle style, int tonic, NoteSpelling spelling, int everyBars, double gravity, long seed, HarmonyDamping? damping = null)
    {
        if (tonic is < 0 or > 11) throw new ArgumentOutOfRangeException(nameof(tonic), tonic, "a tonic pitch class is 0 to 11");
        if (everyBars < 1) throw new ArgumentOutOfRangeException(nameof(everyBars), everyBars, "a chord lasts at least 1 bar");
        if (!(gravity >= 0 && gravity <= 1)) throw new ArgumentOutOfRangeException(nameof(gravity), gravity, "gravity is 0 to 1");
        Style = style;
        Tonic = tonic;
        Spelling = spelling;
        EveryBars = everyBars;
        Gravity = gravity;
        Seed = seed;
        Damping = damping ?? HarmonyDamping.Standard;
        _chords = style.Chords.Select((_, i) => style.ChordInKey(i, tonic, spelling)).ToArray();
        _stream = SeededRandom.StreamFor(seed, StreamName);
    }

    /// <summary>
    /// The progression for a file's <c>key</c>: rooted on its tonic, in the style's own mode. Chord names follow
    /// the style's mode when it has seven notes (C major with <c>aeolian_minor</c> reads Eb, Ab, Bb, as C aeolian
    /// does), and the key's mode for the chromatic, whole-tone and diminished styles (see <see cref="KeySpelling"/>).
    /// </summary>
    public static HarmonyProgression ForKey(HarmonyStyle style, MusicalKey key, int everyBars, double gravity, long seed)
    {
        var spellingMode = style.Mode is { Count: 7 } mode ? mode : key.Steps;
        var spelling = KeySpelling.For(key.TonicText, key.Tonic, spellingMode);
        return new HarmonyProgression(style, key.Tonic, spelling, everyBars, gravity, seed);
    }

    public HarmonyStyle Style { get; }
    public int Tonic { get; }
    public NoteSpelling Spelling { get; }
    public int EveryBars { get; }
    public double Gravity { get; }
    public long Seed { get; }
    public HarmonyDamping Damping { get; }

    /// <summary>The chord of bar <paramref name="bar"/> (0-based): step ⌊bar / N⌋. Bars before 0 hold the tonic chord.</summary>
    public Chord ChordAtBar(long bar) => ChordAtStep(Math.DivRem(bar, EveryBars).Quotient);

    /// <summary>The chord of step <paramref name="step"/>; steps before 0 hold the tonic chord, like step 0.</summary>
    public Chord ChordAtStep(long step) => _chords[ChordIndexAtStep(step)];

    /// <summary>The index in <see cref="HarmonyStyle.Chords"/> of step <paramref name="step"/>'s chord, for its numeral or function.</summary>
    public int ChordIndexAtStep(long step)
    {
        if (step <= 0) return 0;
        if (step >= int.MaxValue) throw new ArgumentOutOfRangeException(nameof(step), step, "a progression has fewer than 2^31 steps");
        lock (_steps)
        {
            while (_steps.Count <= step)
            {
                var i = _steps.Count;
                int? previous = i >= 2 ? _steps[i - 2] : null;
                var u = SeededRandom.At(_stream, 0, Rational.FromInteger(i));
                _steps.Add((byte)TransitionWeights.Choose(Style, _steps[i - 1], previous, Gravity, Damping, u));
            }
            return _steps[(int)step];
        }
    }
}
