using SeqLang.Compiler.Lanes;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Control;

/// <summary>
/// A lane modifier a knob can set (<c>map cc 20 -> bass.play transpose -12..12</c>): its bounds, the same the
/// modifier has when written on a lane (SPEC §3; <c>ModifierBinder</c> checks those, and a test holds the two to
/// the same extremes), and the lanes it does not apply to.
/// </summary>
internal sealed record MappableModifier(string Name, Rational Min, Rational Max, bool MinExclusive, bool IsInteger, string Advice, LaneKind[] NotFor)
{
    public static IReadOnlyList<MappableModifier> All { get; } = new MappableModifier[]
    {
        new("transpose", -127, 127, false, true, "use whole numbers of semitones, -127 to 127", new[] { LaneKind.Control }),
        new("octave", -1, 9, false, true, "use whole numbers, -1 to 9", new[] { LaneKind.Drums, LaneKind.Control }),
        new("legato", 0, 1000, true, false, "use numbers above 0, at most 1000", new[] { LaneKind.Control }),
        new("prob", 0, 1, false, false, "use 0 to 1", Array.Empty<LaneKind>()),
        new("swing", 1, 99, false, false, "use 1 to 99 percent (50 is straight)", Array.Empty<LaneKind>()),
        new("humanize", 0, 1000, false, false, "use 0 to 1000 milliseconds", Array.Empty<LaneKind>()),
        new("shift", -10_000, 10_000, false, false, "use -10000 to 10000 cycles", Array.Empty<LaneKind>()),
        new("fast", 0, 10_000, true, false, "use numbers above 0, at most 10000", Array.Empty<LaneKind>()),
        new("slow", 0, 10_000, true, false, "use numbers above 0, at most 10000", Array.Empty<LaneKind>()),
    };

    public static MappableModifier? Find(string name) => All.FirstOrDefault(m => m.Name == name);

    /// <summary>True when <paramref name="value"/> is a value the modifier may take.</summary>
    public bool Allows(Rational value) =>
        (!IsInteger || value.IsInteger) && (MinExclusive ? value > Min : value >= Min) && value <= Max;
}
