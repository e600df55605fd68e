using SeqLang.Core.Time;

namespace SeqLang.Compiler.Piece;

/// <summary>A time signature. One cycle is one bar of N×4/D quarter notes (SPEC §2).</summary>
public sealed record Meter(int Numerator, int Denominator)
{
    public static readonly Meter Common = new(4, 4);

    public Rational BarQuarters => new(Numerator * 4L, Denominator);

    public override string ToString() => $"{Numerator}/{Denominator}";
}
