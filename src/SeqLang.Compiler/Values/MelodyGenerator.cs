using SeqLang.Compiler.Harmony;
using SeqLang.Core.Numbers;
using SeqLang.Patterns.Signals;

namespace SeqLang.Compiler.Values;

/// <summary>
/// <c>melody [range A..B] [nir F] [chord F]</c> (SPEC §15, Narmour's implication-realization model): at each onset a
/// pitch of the key's scale within the range, weighted by how a listener expects a line to go on from the pitches
/// before it, the chord in force, the range's middle and the last four pitches. Its value is a MIDI note number, which
/// <c>n</c> plays as that note whatever the lane's mode. The readings of the SPEC's words are in docs/generators.md and
/// in <see cref="Weight"/>; tests/tools/generators-reference/melody.py is an independent implementation of them.
/// </summary>
internal sealed class MelodyGenerator : ValueGenerator
{
    /// <summary>How many earlier pitches the weights look at: the repeat rule's "last 4".</summary>
    public const int Memory = 4;

    private readonly MelodyRule _rule;
    private readonly ulong _salt;

    public MelodyGenerator(MelodyRule rule, ulong salt)
    {
        _rule = rule;
        _salt = salt;
    }

    public MelodyRule Rule => _rule;

    /// <summary>No pitch yet: the first onset's weights have no interval to answer.</summary>
    public override object Initial => Array.Empty<int>();

    public override (FixedPoint Value, object Next) Step(object state, in ValueContext context) =>
        Step(state, context.Harmony?.Invoke(context.Time)?.PitchClasses, (uint)SignalShapes.Random(context.Stream, _salt, context.DrawTime).Raw);

    /// <summary>One onset given its chord's pitch classes (null: none in force) and its draw, the seeded value × 2³².</summary>
    internal (FixedPoint Value, object Next) Step(object state, IReadOnlyList<int>? chord, uint draw)
    {
        var recent = (int[])state;
        var pitch = Choose(_rule, recent, chord, draw);
        // States are shared by checkpoints: a new array each onset, never one changed in place.
        var keep = Math.Min(recent.Length, Memory - 1);
        var next = new int[keep + 1];
        Array.Copy(recent, recent.Length - keep, next, 0, keep);
        next[keep] = pitch;
        return (FixedPoint.FromInteger(pitch), next);
    }

    /// <summary>
    /// The candidate the draw lands on: candidates in rising pitch, each owning a share of [0, 2³²) proportional to its
    /// weight; the first whose running sum S satisfies draw·total &lt; S·2³² wins. Integers only (Int128 holds every
    /// product), so the same bytes come out everywhere.
    /// </summary>
    public static int Choose(MelodyRule rule, int[] recent, IReadOnlyList<int>? chord, uint draw)
    {
        var candidates = rule.Candidates;
        Span<Int128> weights = candidates.Length <= 128 ? stackalloc Int128[candidates.Length] : new Int128[candidates.Length];
        Int128 total = 0;
        for (var k = 0; k < candidates.Length; k++)
        {
            weights[k] = Weight(rule, recent, chord, candidates[k]);
            total += weights[k];
        }
        var point = (Int128)draw * total;
        Int128 sum = 0;
        for (var k = 0; k < candidates.Length; k++)
        {
            sum += weights[k];
            if (point < sum << 32) return candidates[k];
        }
        return candidates[^1];
    }

    /// <summary>
    /// A candidate's weight, scaled to a whole number (every candidate by the same factor, so only ratios matter):
    /// (10⁶ + nir‰·bonus‰) × (1000 + chord‰ for a chord tone) × (10·w² − 3·(2c − A − B)²) × 2^(4 − repeats), where w = B − A.
    /// The third factor is 1 − 0.3·d² times 10·w², d = |c − middle| / (w/2); a range of one pitch has d = 0.
    /// </summary>
    public static Int128 Weight(MelodyRule rule, int[] recent, IReadOnlyList<int>? chord, int candidate)
    {
        var bonus = Bonus(rule, recent, candidate);
        Int128 expectation = 1_000_000 + (long)rule.NirThousandths * bonus;
        Int128 harmony = 1000 + (chord is not null && chord.Contains(Mod12(candidate)) ? rule.ChordThousandths : 0);
        var width = (long)(rule.High - rule.Low);
        var offset = 2L * candidate - rule.Low - rule.High;
        Int128 centre = width == 0 ? 1 : 10 * width * width - 3 * offset * offset;
        var repeats = 0;
        foreach (var p in recent)
            if (p == candidate) repeats++;
        return expectation * harmony * centre << (Memory - repeats);
    }

    /// <summary>
    /// The implication-realization bonus in thousandths, 0 at the first onset (no interval to answer yet). With i the
    /// candidate's interval from the last pitch and j the last interval: after a leap (|j| &gt; 4) +500 when i turns
    /// against j (a repeat turns nowhere), and +300 when |i| &lt; 4; after a step (|j| 1 or 2) +400 when i goes on in j's
    /// direction, and +200 when |i| is within a semitone of |j|; +200 for the tonic's pitch class; +300 when 0 &lt; |i| ≤ 3.
    /// Leap and step need two earlier pitches; the tonic and proximity terms one.
    /// </summary>
    public static int Bonus(MelodyRule rule, int[] recent, int candidate)
    {
        if (recent.Length == 0) return 0;
        var last = recent[^1];
        var i = candidate - last;
        var bonus = Mod12(candidate) == rule.Tonic ? 200 : 0;
        if (Math.Abs(i) is > 0 and <= 3) bonus += 300;
        if (recent.Length < 2) return bonus;
        var j = last - recent[^2];
        if (Math.Abs(j) > 4)
        {
            if (i != 0 && Math.Sign(i) != Math.Sign(j)) bonus += 500;
            if (Math.Abs(i) < 4) bonus += 300;
        }
        else if (Math.Abs(j) is 1 or 2)
        {
            if (Math.Sign(i) == Math.Sign(j)) bonus += 400;
            if (Math.Abs(Math.Abs(i) - Math.Abs(j)) <= 1) bonus += 200;
        }
        return bonus;
    }

    private static int Mod12(int pitch) => ((pitch % 12) + 12) % 12;

    public override FixedPoint Min => FixedPoint.FromInteger(_rule.Low);
    public override FixedPoint Max => FixedPoint.FromInteger(_rule.High);
}

/// <summary>
/// A melody's settings once checked: its range (MIDI notes, Low ≤ High), the key's tonic pitch class, the scale's
/// pitches within the range in rising order (at least one), and nir and chord in thousandths (0..10000).
/// </summary>
internal sealed record MelodyRule(int Low, int High, int Tonic, int[] Candidates, int NirThousandths, int ChordThousandths)
{
    /// <summary>The rule for a key (tonic pitch class and its mode's steps above the tonic) over Low..High.</summary>
    public static MelodyRule For(int low, int high, int tonic, IReadOnlyList<int> steps, int nirThousandths, int chordThousandths)
    {
        var candidates = new List<int>();
        for (var p = low; p <= high; p++)
            if (steps.Contains((((p - tonic) % 12) + 12) % 12)) candidates.Add(p);
        return new MelodyRule(low, high, tonic, candidates.ToArray(), nirThousandths, chordThousandths);
    }
}
