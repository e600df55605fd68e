using SeqLang.Core.Text;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Mini;

/// <summary>
/// The value of a mini-notation event: the atom as written (<c>"c4"</c>, <c>"bd"</c>, <c>"x"</c>, <c>"60"</c>)
/// with its place in the file, or for <c>bd:3</c> a list of parts (Strudel's <c>:</c> builds lists).
/// Atoms are made once when a string is compiled and shared by every event they produce.
/// </summary>
public sealed record MiniAtom
{
    public MiniAtom(string text, SourceSpan span)
    {
        Text = text;
        Span = span;
        if (JsNumber.TryParse(text, out var number))
        {
            Number = number;
            if (JsNumber.TryExactDecimal(text, out var exact)) ExactNumber = exact;
            else if (double.IsFinite(number) && Math.Abs(number) < 9e15 && number == Math.Floor(number)) ExactNumber = (long)number;
        }
    }

    private MiniAtom(IReadOnlyList<MiniAtom> parts)
    {
        Parts = parts;
        Text = string.Join(':', parts.Select(p => p.Text));
        Span = parts[0].Span;
        for (var i = 1; i < parts.Count; i++) Span = Span.Union(parts[i].Span);
    }

    /// <summary>A list value, as <c>a:b</c> makes: <paramref name="head"/>'s parts (or itself) followed by <paramref name="tail"/>.</summary>
    public static MiniAtom List(MiniAtom head, MiniAtom tail)
    {
        var parts = new List<MiniAtom>();
        if (head.Parts is { } headParts) parts.AddRange(headParts); else parts.Add(head);
        parts.Add(tail);
        return new MiniAtom(parts);
    }

    /// <summary>The atom as written; for a list its parts joined by ':'.</summary>
    public string Text { get; }

    /// <summary>Where the atom is in the file (for a list, from its first part to its last).</summary>
    public SourceSpan Span { get; }

    /// <summary>The parts of a list value (<c>bd:3</c> → bd, 3); null for a plain atom.</summary>
    public IReadOnlyList<MiniAtom>? Parts { get; }

    public bool IsList => Parts is not null;

    /// <summary>JavaScript's <c>Number(Text)</c> when it is a number (Strudel then treats the atom as one).</summary>
    public double? Number { get; }

    /// <summary>The number exactly, when it is one that fits a fraction (decimal literals, whole hex numbers).</summary>
    public Rational? ExactNumber { get; }

    public override string ToString() => Text;
}
