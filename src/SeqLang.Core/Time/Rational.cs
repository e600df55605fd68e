using System.Globalization;
using System.Numerics;

namespace SeqLang.Core.Time;

/// <summary>
/// An exact fraction over <see cref="long"/>: always reduced, denominator positive.
/// Products are formed in 128 bits and reduced before narrowing, so intermediate growth
/// never overflows where the exact result fits; a result that does not fit throws
/// <see cref="OverflowException"/> rather than silently wrapping.
/// </summary>
public readonly struct Rational : IEquatable<Rational>, IComparable<Rational>
{
    public long Numerator { get; }
    public long Denominator { get; }

    public static readonly Rational Zero = new(0, 1, reduced: true);
    public static readonly Rational One = new(1, 1, reduced: true);
    public static readonly Rational Half = new(1, 2, reduced: true);

    private Rational(long numerator, long denominator, bool reduced)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public Rational(long numerator, long denominator)
    {
        if (denominator == 0) throw new DivideByZeroException("Rational with a zero denominator.");
        this = FromInt128(numerator, denominator);
    }

    public static Rational FromInteger(long value) => new(value, 1, reduced: true);

    public static implicit operator Rational(long value) => FromInteger(value);
    public static implicit operator Rational(int value) => FromInteger(value);

    private static Rational FromInt128(Int128 numerator, Int128 denominator)
    {
        if (denominator == 0) throw new DivideByZeroException("Rational with a zero denominator.");
        if (denominator < 0) { numerator = -numerator; denominator = -denominator; }
        if (numerator == 0) return Zero;
        // Most terms fit in 64 bits: reduce them with the machine's division, not Int128's (a software loop).
        if (denominator <= long.MaxValue && numerator <= long.MaxValue && numerator > long.MinValue)
        {
            var n = (long)numerator;
            var d = (long)denominator;
            var common = Gcd(n, d);
            return new Rational(n / common, d / common, reduced: true);
        }
        var g = Gcd(Int128.Abs(numerator), denominator);
        if (g != 1) { numerator /= g; denominator /= g; }
        checked
        {
            return new Rational((long)numerator, (long)denominator, reduced: true);
        }
    }

    private static Int128 Gcd(Int128 a, Int128 b)
    {
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    private static long Gcd(long a, long b)
    {
        a = Math.Abs(a); b = Math.Abs(b);
        while (b != 0) (a, b) = (b, a % b);
        return a;
    }

    /// <summary>
    /// Both terms within ±2^31: then a product of two terms, and a sum of two such products, fits in 64 bits, and the
    /// arithmetic below needs no Int128 (whose multiply is a software routine in the native build).
    /// </summary>
    private bool IsSmall => (ulong)(Numerator + int.MaxValue) <= uint.MaxValue - 1 && Denominator <= int.MaxValue;

    public bool IsZero => Numerator == 0;
    public bool IsInteger => Denominator == 1;
    public int Sign => Math.Sign(Numerator);

    public static Rational operator +(Rational a, Rational b)
    {
        // A whole number added to a reduced fraction leaves it reduced (gcd(p + kq, q) = gcd(p, q) = 1): moving
        // an event by whole cycles, the renderer's commonest sum, then needs no gcd.
        if (b.Denominator == 1) return WholeSum(a.Numerator, Scaled(b.Numerator, a.Denominator), a.Denominator);
        if (a.Denominator == 1) return WholeSum(b.Numerator, Scaled(a.Numerator, b.Denominator), b.Denominator);
        if (a.Denominator == b.Denominator)
            return a.Denominator == 1 ? FromInteger(checked(a.Numerator + b.Numerator)) : FromInt128((Int128)a.Numerator + b.Numerator, a.Denominator);
        if (a.IsSmall && b.IsSmall) return FromInt128(a.Numerator * b.Denominator + b.Numerator * a.Denominator, a.Denominator * b.Denominator);
        return FromInt128((Int128)a.Numerator * b.Denominator + (Int128)b.Numerator * a.Denominator, (Int128)a.Denominator * b.Denominator);
    }

    public static Rational operator -(Rational a, Rational b)
    {
        if (b.Denominator == 1) return WholeSum(a.Numerator, -Scaled(b.Numerator, a.Denominator), a.Denominator);
        if (a.Denominator == 1) return WholeSum(-(Int128)b.Numerator, Scaled(a.Numerator, b.Denominator), b.Denominator);
        if (a.Denominator == b.Denominator)
            return a.Denominator == 1 ? FromInteger(checked(a.Numerator - b.Numerator)) : FromInt128((Int128)a.Numerator - b.Numerator, a.Denominator);
        if (a.IsSmall && b.IsSmall) return FromInt128(a.Numerator * b.Denominator - b.Numerator * a.Denominator, a.Denominator * b.Denominator);
        return FromInt128((Int128)a.Numerator * b.Denominator - (Int128)b.Numerator * a.Denominator, (Int128)a.Denominator * b.Denominator);
    }

    /// <summary>
    /// <paramref name="whole"/> × <paramref name="denominator"/>, in 64 bits when both fit in 32 (the common case, and
    /// cheaper than a 128-bit product, which x64 without BMI2 computes in software).
    /// </summary>
    private static Int128 Scaled(long whole, long denominator) =>
        (ulong)(whole + int.MaxValue) <= uint.MaxValue - 1 && denominator <= int.MaxValue ? whole * denominator : (Int128)whole * denominator;

    /// <summary>(numerator + wholePart) / denominator, already reduced because numerator/denominator is.</summary>
    private static Rational WholeSum(Int128 numerator, Int128 wholePart, long denominator)
    {
        checked
        {
            return new Rational((long)(numerator + wholePart), denominator, reduced: true);
        }
    }

    public static Rational operator -(Rational a) => new(checked(-a.Numerator), a.Denominator, reduced: true);

    public static Rational operator *(Rational a, Rational b)
    {
        if (a.Denominator == 1 && b.Denominator == 1) return FromInteger(checked(a.Numerator * b.Numerator));
        if (a.IsSmall && b.IsSmall) return FromInt128(a.Numerator * b.Numerator, a.Denominator * b.Denominator);
        return FromInt128((Int128)a.Numerator * b.Numerator, (Int128)a.Denominator * b.Denominator);
    }

    public static Rational operator /(Rational a, Rational b)
    {
        if (b.Numerator == 0) throw new DivideByZeroException("Division of a Rational by zero.");
        return FromInt128((Int128)a.Numerator * b.Denominator, (Int128)a.Denominator * b.Numerator);
    }

    public static bool operator ==(Rational a, Rational b) => a.Numerator == b.Numerator && a.Denominator == b.Denominator;
    public static bool operator !=(Rational a, Rational b) => !(a == b);
    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;
    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;
    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;
    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public int CompareTo(Rational other)
    {
        if (Denominator == other.Denominator) return Numerator.CompareTo(other.Numerator);
        if (IsSmall && other.IsSmall) return (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);
        return ((Int128)Numerator * other.Denominator).CompareTo((Int128)other.Numerator * Denominator);
    }

    public bool Equals(Rational other) => this == other;
    public override bool Equals(object? obj) => obj is Rational r && this == r;
    public override int GetHashCode() => HashCode.Combine(Numerator, Denominator);

    /// <summary>The greatest integer not above this value (Strudel's <c>sam</c> when used on time).</summary>
    public long Floor()
    {
        if (Denominator == 1) return Numerator;
        var q = Numerator / Denominator;
        return Numerator < 0 ? q - 1 : q;
    }

    /// <summary>The least integer not below this value.</summary>
    public long Ceiling()
    {
        if (Denominator == 1) return Numerator;
        var q = Numerator / Denominator;
        return Numerator > 0 ? q + 1 : q;
    }

    /// <summary>The start of the cycle this time falls in.</summary>
    public Rational Sam() => FromInteger(Floor());

    /// <summary>The start of the next cycle.</summary>
    public Rational NextSam() => FromInteger(Floor() + 1);

    /// <summary>The position within the cycle, in [0, 1).</summary>
    public Rational CyclePos() => this - Sam();

    public static Rational Min(Rational a, Rational b) => a <= b ? a : b;
    public static Rational Max(Rational a, Rational b) => a >= b ? a : b;
    public Rational Abs() => Numerator < 0 ? -this : this;

    public double ToDouble() => (double)Numerator / Denominator;

    /// <summary>
    /// Parses a decimal literal such as <c>120</c>, <c>-3</c>, <c>0.9</c>, <c>.5</c> or <c>1e3</c>
    /// exactly (no binary floating point on the way).
    /// </summary>
    public static bool TryParseDecimal(string text, out Rational value)
    {
        value = Zero;
        if (string.IsNullOrEmpty(text)) return false;
        var s = text.AsSpan();
        var negative = false;
        if (s[0] == '-' || s[0] == '+') { negative = s[0] == '-'; s = s[1..]; }
        var exponent = 0;
        var e = s.IndexOfAny('e', 'E');
        if (e >= 0)
        {
            if (!int.TryParse(s[(e + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent) || Math.Abs(exponent) > 18) return false;
            s = s[..e];
        }
        var dot = s.IndexOf('.');
        var intPart = dot >= 0 ? s[..dot] : s;
        var fracPart = dot >= 0 ? s[(dot + 1)..] : ReadOnlySpan<char>.Empty;
        if (intPart.Length == 0 && fracPart.Length == 0) return false;
        foreach (var c in intPart) if (c < '0' || c > '9') return false;
        foreach (var c in fracPart) if (c < '0' || c > '9') return false;
        if (intPart.Length + fracPart.Length > 36) return false;
        var digits = BigInteger.Parse(string.Concat(intPart.ToString(), fracPart.ToString()).PadLeft(1, '0'), CultureInfo.InvariantCulture);
        var scale = fracPart.Length - exponent;
        BigInteger num = digits, den = BigInteger.One;
        if (scale > 0) den = BigInteger.Pow(10, scale); else if (scale < 0) num *= BigInteger.Pow(10, -scale);
        var g = BigInteger.GreatestCommonDivisor(num, den);
        if (!g.IsZero && g != BigInteger.One) { num /= g; den /= g; }
        if (num > long.MaxValue || den > long.MaxValue) return false;
        value = new Rational(negative ? -(long)num : (long)num, (long)den, reduced: true);
        return true;
    }

    /// <summary>"0", "1/4", "-1/3": the reduced fraction form used in every JSON output.</summary>
    public override string ToString() => Denominator == 1
        ? Numerator.ToString(CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{Numerator}/{Denominator}");

    /// <summary>Parses "3", "-1/3", "3/2".</summary>
    public static Rational Parse(string text)
    {
        var slash = text.IndexOf('/');
        if (slash < 0) return FromInteger(long.Parse(text, CultureInfo.InvariantCulture));
        return new Rational(long.Parse(text[..slash], CultureInfo.InvariantCulture), long.Parse(text[(slash + 1)..], CultureInfo.InvariantCulture));
    }

    internal static long GcdForTests(long a, long b) => Gcd(a, b);
}
