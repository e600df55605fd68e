using SeqLang.Core.Numbers;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Values;

/// <summary>
/// A checked value (SPEC §12): a function of where it is read. Pure, so a bar's values depend only on the piece and
/// the bar. <see cref="Period"/> is a period in bars (null when none: randomness, sections), which lets a lane's
/// events be computed once per period; <see cref="Min"/> and <see cref="Max"/> bound every value it can give, so a
/// range that leaves its target's is found when the file is checked.
/// </summary>
internal abstract class ValueExpression
{
    public abstract FixedPoint At(in ValueContext context);

    public abstract Rational? Period { get; }

    public abstract FixedPoint Min { get; }

    public abstract FixedPoint Max { get; }


    /// <summary>True when the value is a number: it needs no onset and never changes.</summary>
    public virtual bool IsConstant => false;
}
