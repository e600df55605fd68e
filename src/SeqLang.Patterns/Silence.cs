using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>No events at all.</summary>
internal sealed class SilencePattern<T> : Pattern<T>
{
    public static readonly SilencePattern<T> Instance = new();

    public override Rational? Period => Rational.One;

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output) { }
}
