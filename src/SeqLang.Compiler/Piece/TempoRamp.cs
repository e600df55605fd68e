using SeqLang.Core.Time;

namespace SeqLang.Compiler.Piece;

/// <summary>A linear tempo change from <see cref="From"/> to <see cref="To"/> BPM over <see cref="Bars"/> bars, starting at <see cref="StartBar"/>.</summary>
public sealed record TempoRamp(Rational From, Rational To, long StartBar, long Bars)
{
    /// <summary>The tempo at a time in cycles: linear inside the ramp, the target after it.</summary>
    public Rational TempoAt(Rational cycle)
    {
        if (cycle <= StartBar) return From;
        if (cycle >= StartBar + Bars) return To;
        return From + (To - From) * (cycle - StartBar) / Bars;
    }
}
