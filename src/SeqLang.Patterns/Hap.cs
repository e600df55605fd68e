using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// One event of a pattern, as Strudel names it: <see cref="Whole"/> is the event's full span,
/// <see cref="Part"/> the fragment of it that fell inside the query. A hap whose part starts where
/// its whole starts carries the event's onset; fragments without it must not sound twice.
/// </summary>
/// <param name="Whole">The whole event; null only for continuous values (none of our combinators make them).</param>
/// <param name="Part">The piece of the whole inside the queried arc.</param>
/// <param name="Value">The event's value.</param>
public readonly record struct Hap<T>(Arc? Whole, Arc Part, T Value)
{
    /// <summary>The whole when there is one, else the part.</summary>
    public Arc WholeOrPart => Whole ?? Part;

    /// <summary>True when this fragment holds the start of its event: the one a sequencer plays.</summary>
    public bool HasOnset => Whole is { } whole && whole.Begin == Part.Begin;

    /// <summary>Where the event starts (the whole's begin).</summary>
    public Rational Onset => (Whole ?? Part).Begin;

    /// <summary>The same hap holding another value.</summary>
    public Hap<TResult> WithValue<TResult>(TResult value) => new(Whole, Part, value);

    public override string ToString() => Whole is { } w ? $"{w} ({Part}) {Value}" : $"~{Part} {Value}";
}
