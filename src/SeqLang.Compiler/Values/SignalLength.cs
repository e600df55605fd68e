using SeqLang.Core.Time;

namespace SeqLang.Compiler.Values;

/// <summary>A signal's period: a number of bars, or (<see cref="Section"/>) each entry of the section playing.</summary>
internal readonly record struct SignalLength(Rational Bars, bool Section)
{
    public static readonly SignalLength OneBar = new(Rational.One, false);

    /// <summary>How many periods have passed at the moment of <paramref name="context"/>.</summary>
    public Rational Periods(in ValueContext context)
    {
        if (!Section) return context.Time / Bars;
        // The endless main of a file with no form is one long section: its periods are bars.
        var length = context.EntryLength ?? 1;
        return (context.Time - context.EntryStart) / length;
    }

    /// <summary>The value's period in bars, or null when it follows the sections.</summary>
    public Rational? Period => Section ? null : Bars;
}
