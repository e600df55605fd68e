using SeqLang.Compiler.Piece;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>How each modifier of SPEC §3 transforms a lane's pattern. Pure: the same lane and bar give the same events.</summary>
internal sealed class LaneTransforms
{
    private readonly PieceSettings _settings;
    private readonly ulong _stream;

    public LaneTransforms(PieceSettings settings, ulong stream)
    {
        _settings = settings;
        _stream = stream;
    }

    public Pattern<LaneNote> Apply(Pattern<LaneNote> pattern, LaneModifier modifier) =>
        // A random transform leaves the lane without a period, so the bars are computed one by one: the periodic
        // pattern beneath it keeps its cycles, and only the dice are thrown per bar.
        Transform(Draws(modifier) ? pattern.Cached() : pattern, modifier);

    private static bool Draws(LaneModifier modifier) => modifier is ProbabilityModifier or SometimesModifier or HumanizeModifier or LockModifier
        or ValueShiftModifier { Humanize: true } or MiniSettingModifier { Setting.Target: ValueTarget.Probability };

    private Pattern<LaneNote> Transform(Pattern<LaneNote> pattern, LaneModifier modifier) => modifier switch
    {
        VelocityModifier { Fixed: { } v } => Map(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value with { Velocity = v, Pending = h.Value.Pending?.Without(ValueTarget.Velocity) };
            return true;
        }),
        VelocityModifier { Pattern: { } velocities } => new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = velocities.TrySampleAt(h.WholeOrPart.Begin, out var v) ? h.Value with { Velocity = v, Pending = h.Value.Pending?.Without(ValueTarget.Velocity) } : h.Value;
            return true;
        }, Periods.Lcm(pattern.Period, velocities.Period)),
        LegatoModifier l => Map(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value with { Legato = l.Factor, Pending = h.Value.Pending?.Without(ValueTarget.Legato) };
            return true;
        }),
        DeferredModifier d => Defer(pattern, d.Setting),
        MiniSettingModifier m => new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value;
            if (!m.Values.TrySampleAt(h.WholeOrPart.Begin, out var v)) return true;
            if (m.Setting.Target is ValueTarget.Velocity or ValueTarget.Legato or ValueTarget.Note)
                n = n with { Pending = n.Pending?.Without(m.Setting.Target) };
            return PendingValues.Apply(ref n, m.Setting, v, h.WholeOrPart.Begin);
        }, m.Setting.Target == ValueTarget.Probability ? null : Periods.Lcm(pattern.Period, m.Values.Period)),
        ValueShiftModifier v => ValueShift(pattern, v),
        ArpModifier a => new ArpPattern(pattern, a.Mode, a.Octaves, a.Step, a.Indices),
        LockModifier l => new LockPattern(pattern, l.Bars, l.From),
        GrooveModifier g => GrooveFeel(pattern, g),
        TransposeModifier t => Map(pattern, (in Hap<LaneNote> h, out LaneNote n) => { n = h.Value with { Transpose = h.Value.Transpose + t.Semitones }; return true; }),
        ChannelModifier c => Map(pattern, (in Hap<LaneNote> h, out LaneNote n) => { n = h.Value with { Channel = c.Channel }; return true; }),
        MuteModifier => Map(pattern, (in Hap<LaneNote> h, out LaneNote n) => { n = h.Value with { Silent = true }; return true; }),
        ProbabilityModifier p => Probability(pattern, p),
        FastModifier f => pattern.Fast(f.Factor),
        SlowModifier s => pattern.Slow(s.Factor),
        RevModifier => pattern.Rev(),
        ShiftModifier s => pattern.Late(s.Cycles),
        EveryModifier e => pattern.Every(e.Period, p => Apply(p, e.Inner)),
        PlyModifier p => pattern.Ply(p.Times),
        IterModifier i => pattern.Iter(i.Parts),
        PalindromeModifier => pattern.Palindrome(),
        ChunkModifier c => pattern.Chunk(c.Parts, p => Apply(p, c.Inner)),
        SometimesModifier s => Sometimes(pattern, s),
        OffModifier o => Pattern.Stack(pattern, Apply(pattern.Late(o.Cycles), o.Inner)),
        SomeCyclesModifier s => pattern.SomeCycles(s.Probability.ToDouble(), _stream, (ulong)s.Salt, p => Apply(p, s.Inner)),
        MaskModifier m => new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value;
            return m.Steps.TrySampleAt(h.WholeOrPart.Begin, out var on) && on;
        }, Periods.Lcm(pattern.Period, m.Steps.Period)),
        StructModifier s => new RhythmStructPattern(pattern, s.Steps),
        NoteValueModifier { Atoms: { } atoms } => new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value;
            if (!atoms.TrySampleAt(h.WholeOrPart.Begin, out var atom)) return false;
            n = h.Value with { Atom = atom, Pending = h.Value.Pending?.Without(ValueTarget.Note) };
            return true;
        }, Periods.Lcm(pattern.Period, atoms.Period)),
        SwingModifier s => Swing(pattern, s.Percent, s.Grid),
        HumanizeModifier h => Humanize(pattern, h),
        _ => throw new InvalidOperationException($"No transformation for {modifier.GetType().Name}."),
    };

    /// <summary>
    /// Strudel's <c>sometimesBy</c>: each event is drawn at its onset (seeded, as <c>prob</c>); those drawn below P
    /// go through the modifier, the rest play as they are.
    /// </summary>
    private Pattern<LaneNote> Sometimes(Pattern<LaneNote> pattern, SometimesModifier s)
    {
        var chance = s.Probability.ToDouble();
        var stream = _stream;
        var salt = (ulong)s.Salt;
        var drawn = new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value;
            return SeededRandom.At(stream, salt, h.WholeOrPart.Begin) < chance;
        }, period: null);
        var rest = new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value;
            return SeededRandom.At(stream, salt, h.WholeOrPart.Begin) >= chance;
        }, period: null);
        return Pattern.Stack(rest, Apply(drawn, s.Inner));
    }

    /// <summary>
    /// Puts a signal's setting in front of each note's pending list; it is read at the note's final onset. Notes
    /// arriving with the same list share the new one, so a lane allocates a node per distinct list, not per note.
    /// </summary>
    private static Pattern<LaneNote> Defer(Pattern<LaneNote> pattern, PendingSetting setting)
    {
        var cache = new PendingCache(setting);
        return Map(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value with { Pending = cache.Prepend(h.Value.Pending) };
            return true;
        });
    }

    private sealed class PendingCache
    {
        private readonly PendingSetting _setting;
        // One entry, replaced whole, so that threads querying the same lane never see a torn pair.
        private Entry? _last;

        public PendingCache(PendingSetting setting) => _setting = setting;

        public PendingValues Prepend(PendingValues? tail)
        {
            var last = _last;
            if (last is not null && ReferenceEquals(last.Tail, tail)) return last.List;
            var list = new PendingValues(_setting, tail);
            _last = new Entry(tail, list);
            return list;
        }

        private sealed record Entry(PendingValues? Tail, PendingValues List);
    }

    /// <summary>
    /// <c>shift VALUE</c> (bars) or <c>humanize VALUE</c> (milliseconds, each way) with a value read at each onset where
    /// the modifier is written: it moves the onset, so it cannot wait for the final one.
    /// </summary>
    private Pattern<LaneNote> ValueShift(Pattern<LaneNote> pattern, ValueShiftModifier v)
    {
        var stream = _stream;
        var value = v.Value;
        var largest = value.Max.Raw > -value.Min.Raw ? value.Max : -value.Min;
        var bound = new Rational(largest.Raw, 1L << Core.Numbers.FixedPoint.FractionBits);
        if (!v.Humanize)
        {
            return new OnsetShiftPattern(pattern, onset =>
            {
                var amount = value.At(new Values.ValueContext(onset, 0, stream, 0, null));
                return new Rational(amount.Raw, 1L << Core.Numbers.FixedPoint.FractionBits);
            }, bound, period: Periods.Lcm(pattern.Period, value.Period), feel: false);
        }
        var cyclesPerMicrosecond = Rational.One / (_settings.SecondsPerBar * 1_000_000);
        var salt = (ulong)v.Salt;
        return new OnsetShiftPattern(pattern, onset =>
        {
            var microseconds = (long)Math.Max(0, (value.At(new Values.ValueContext(onset, 0, stream, 0, null)) * Core.Numbers.FixedPoint.FromInteger(1000)).Floor());
            if (microseconds == 0) return Rational.Zero;
            var r = SeededRandom.At(stream, salt, onset);
            var offset = cyclesPerMicrosecond * ((long)Math.Floor(r * (2 * microseconds + 1)) - microseconds);
            return onset.Sign >= 0 && (onset + offset).Sign < 0 ? -onset : offset;
        }, cyclesPerMicrosecond * (long)(bound * 1000).Ceiling(), period: null);
    }

    /// <summary>
    /// <c>groove NAME amount A</c>: an event within a quarter step of slot i moves by shift × step × A, and its velocity
    /// is scaled by 1 + (v − 1) × A (SPEC §14).
    /// </summary>
    private static Pattern<LaneNote> GrooveFeel(Pattern<LaneNote> pattern, GrooveModifier g)
    {
        var groove = g.Groove;
        // Time stays exact (a rational amount); the velocity factor is a value, in fixed point.
        var amountRational = g.Amount;
        var amount = Core.Numbers.FixedPoint.FromRational(g.Amount);
        var period = Periods.Lcm(pattern.Period, groove.Step * groove.Shifts.Length * groove.Velocities.Length);
        var velocities = new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value;
            if (groove.SlotAt(h.WholeOrPart.Begin) is not { } slot) return true;
            var factor = Core.Numbers.FixedPoint.One + (groove.VelocityOf(slot) - Core.Numbers.FixedPoint.One) * amount;
            n = n with { Velocity = (int)Math.Clamp((Core.Numbers.FixedPoint.FromInteger(n.Velocity) * factor).RoundHalfUp(), 1, 127) };
            return true;
        }, period);
        var largest = groove.Shifts.Select(s => s.Abs()).Max() * groove.Step * amountRational;
        return new OnsetShiftPattern(velocities, onset =>
        {
            var delta = groove.SlotAt(onset) is { } slot ? groove.ShiftOf(slot) * amountRational : Rational.Zero;
            // Nothing is pushed before the piece's start: the first downbeat would otherwise be lost.
            return onset.Sign >= 0 && (onset + delta).Sign < 0 ? -onset : delta;
        }, largest, period);
    }

    /// <summary>A transform that ignores time, so the pattern keeps its period.</summary>
    private static Pattern<LaneNote> Map(Pattern<LaneNote> pattern, HapTransformPattern.Transform transform) => new HapTransformPattern(pattern, transform, pattern.Period);

    /// <summary>Keeps an event when the lane's random stream at its onset falls below P: a pure function of position.</summary>
    private Pattern<LaneNote> Probability(Pattern<LaneNote> pattern, ProbabilityModifier p)
    {
        var keep = p.Keep.ToDouble();
        var stream = _stream;
        var salt = (ulong)p.Salt;
        return new HapTransformPattern(pattern, (in Hap<LaneNote> h, out LaneNote n) =>
        {
            n = h.Value;
            return SeededRandom.At(stream, salt, h.WholeOrPart.Begin) < keep;
        }, period: null);
    }

    /// <summary>
    /// Delays events in the second half of each pair of grid steps so that the off-beat sits at P% of the
    /// pair (SPEC §3). Events in the first half stay; all of the second half moves by the same amount.
    /// </summary>
    public Pattern<LaneNote> Swing(Pattern<LaneNote> pattern, Rational percent, int grid)
    {
        var step = new Rational(4, grid) / _settings.Meter.BarQuarters;
        var pair = step * 2;
        var delta = pair * (percent / 100 - Rational.Half);
        if (delta.IsZero) return pattern;
        return new OnsetShiftPattern(pattern, onset =>
        {
            var local = onset.CyclePos();
            var within = local - pair * (local / pair).Floor();
            return within >= step ? delta : Rational.Zero;
        }, delta, Periods.Lcm(pattern.Period, Rational.One));
    }

    /// <summary>A seeded offset of whole microseconds within ±MS, converted to cycles at the file's tempo.</summary>
    private Pattern<LaneNote> Humanize(Pattern<LaneNote> pattern, HumanizeModifier h)
    {
        var microseconds = (long)(h.Milliseconds * 1000).Floor();
        if (microseconds == 0) return pattern;
        var cyclesPerMicrosecond = Rational.One / (_settings.SecondsPerBar * 1_000_000);
        var stream = _stream;
        var salt = (ulong)h.Salt;
        return new OnsetShiftPattern(pattern, onset =>
        {
            var r = SeededRandom.At(stream, salt, onset);
            var offset = cyclesPerMicrosecond * ((long)Math.Floor(r * (2 * microseconds + 1)) - microseconds);
            // Nothing is pushed before the piece's start: the first downbeat would otherwise be lost.
            return onset.Sign >= 0 && (onset + offset).Sign < 0 ? -onset : offset;
        }, cyclesPerMicrosecond * microseconds, period: null);
    }
}
