using System.Globalization;
using SeqLang.Core.Time;

namespace SeqLang.Core.Numbers;

/// <summary>
/// A signed number with 32 fraction bits (Q31.32) in a <see cref="long"/>: the type of every value a signal gives
/// (SPEC §12). Integer arithmetic only, so the same inputs give the same bits on every platform; products are
/// formed in 128 bits and rounded toward negative infinity. Rationals (which grow when multiplied) stay the
/// type of time; values, which are multiplied freely, are fixed point.
/// </summary>
public readonly record struct FixedPoint(long Raw) : IComparable<FixedPoint>
{
    public const int FractionBits = 32;
    private const long OneRaw = 1L << FractionBits;

    public static readonly FixedPoint Zero = new(0);
    public static readonly FixedPoint One = new(OneRaw);
    public static readonly FixedPoint Half = new(OneRaw / 2);

    public static FixedPoint FromInteger(long value) => new(checked(value * OneRaw));

    /// <summary>The nearest fixed-point number to <paramref name="value"/> (ties upward).</summary>
    public static FixedPoint FromRational(Rational value)
    {
        var scaled = (Int128)value.Numerator * OneRaw * 2 + value.Denominator;
        var denominator = (Int128)value.Denominator * 2;
        var quotient = scaled / denominator;
        if (scaled % denominator != 0 && scaled < 0) quotient--;
        return new FixedPoint(checked((long)quotient));
    }

    public static FixedPoint operator +(FixedPoint a, FixedPoint b) => new(checked(a.Raw + b.Raw));
    public static FixedPoint operator -(FixedPoint a, FixedPoint b) => new(checked(a.Raw - b.Raw));
    public static FixedPoint operator -(FixedPoint a) => new(checked(-a.Raw));

    public static FixedPoint operator *(FixedPoint a, FixedPoint b)
    {
        var product = (Int128)a.Raw * b.Raw;
        return new FixedPoint(checked((long)(product >> FractionBits)));
    }

    public static bool operator <(FixedPoint a, FixedPoint b) => a.Raw < b.Raw;
    public static bool operator >(FixedPoint a, FixedPoint b) => a.Raw > b.Raw;
    public static bool operator <=(FixedPoint a, FixedPoint b) => a.Raw <= b.Raw;
    public static bool operator >=(FixedPoint a, FixedPoint b) => a.Raw >= b.Raw;

    public int CompareTo(FixedPoint other) => Raw.CompareTo(other.Raw);

    /// <summary><paramref name="from"/> + (<paramref name="to"/> − <paramref name="from"/>) × <paramref name="amount"/>: how <c>A..B</c> maps 0..1.</summary>
    public static FixedPoint Lerp(FixedPoint from, FixedPoint to, FixedPoint amount) => from + (to - from) * amount;

    /// <summary>The nearest integer, halves upward (SPEC §12: a value is rounded once, where it is used, half up).</summary>
    public long RoundHalfUp() => (Raw + OneRaw / 2) >> FractionBits;

    /// <summary>The largest integer not above this number.</summary>
    public long Floor() => Raw >> FractionBits;

    public static FixedPoint Clamp(FixedPoint value, FixedPoint min, FixedPoint max) => value < min ? min : value > max ? max : value;

    /// <summary>For display only (JSON, messages): never used to decide an output byte.</summary>
    public double ToDouble() => Raw / (double)OneRaw;

    public override string ToString() => ToDouble().ToString("0.########", CultureInfo.InvariantCulture);
}
