using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// A happening (Strudel's word): a value active over <see cref="Part"/>, a fragment of its <see cref="Whole"/>
/// event. A query cuts events at the query's edges; the fragment holding the whole's beginning is the onset.
/// </summary>
public readonly struct Hap<T>
{
    public Hap(Arc? whole, Arc part, T value)
    {
        Whole = whole;
        Part = part;
        Value = value;
    }

    public Arc? Whole { get; }
    public Arc Part { get; }
    public T Value { get; }

    /// <summary>True for the fragment where the event starts: the one a sequencer plays.</summary>
    public bool HasOnset => Whole is { } w && w.Begin == Part.Begin;

    public Arc WholeOrPart => Whole ?? Part;

    public Hap<T> WithSpan(Func<Arc, Arc> f) => new(Whole is { } w ? f(w) : null, f(Part), Value);

    public Hap<TResult> WithValue<TResult>(TResult value) => new(Whole, Part, value);

    public override string ToString() => $"{Whole?.ToString() ?? "~"} ({Part}) {Value}";
}
