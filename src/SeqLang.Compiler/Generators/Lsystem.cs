using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Generators;

/// <summary>
/// A checked L-system (SPEC §15): its axiom and, per atom, weighted alternatives. All rules rewrite in parallel once
/// per generation; an atom without a rule stays itself; a weighted choice is drawn per atom, seeded by the system's
/// name, the generation and the atom's place, so a word is the same in every run.
/// </summary>
internal sealed class Lsystem
{
    /// <summary>The longest word played (SPEC §10's limits): a generation past it is an error.</summary>
    public const int MaxWord = 65_536;

    private readonly IReadOnlyDictionary<string, (string[] Atoms, Rational Weight)[]> _rules;
    private readonly ulong _stream;

    public Lsystem(string name, (string Text, SourceSpan Span)[] axiom, IReadOnlyDictionary<string, (string[] Atoms, Rational Weight)[]> rules,
        IReadOnlyDictionary<string, SourceSpan> atomSpans, long seed)
    {
        Name = name;
        Axiom = axiom;
        _rules = rules;
        AtomSpans = atomSpans;
        _stream = SeededRandom.StreamFor(seed, "lsystem " + name);
    }

    public string Name { get; }
    public (string Text, SourceSpan Span)[] Axiom { get; }

    /// <summary>Where each atom is first written in the definition, so the lane's reading of it is reported there.</summary>
    public IReadOnlyDictionary<string, SourceSpan> AtomSpans { get; }

    /// <summary>The word of generation <paramref name="generation"/>, or null when it would pass <see cref="MaxWord"/>.</summary>
    public string[]? Word(int generation)
    {
        var word = Axiom.Select(a => a.Text).ToList();
        for (var g = 0; g < generation; g++)
        {
            var next = new List<string>(word.Count * 2);
            for (var i = 0; i < word.Count; i++)
            {
                if (!_rules.TryGetValue(word[i], out var choices)) next.Add(word[i]);
                else next.AddRange(Choose(choices, g, i));
                if (next.Count > MaxWord) return null;
            }
            word = next;
        }
        return word.ToArray();
    }

    private string[] Choose((string[] Atoms, Rational Weight)[] choices, int generation, int place)
    {
        if (choices.Length == 1) return choices[0].Atoms;
        var total = Rational.Zero;
        foreach (var c in choices) total += c.Weight;
        var draw = SeededRandom.At(_stream, (ulong)generation, place) * total.ToDouble();
        var sum = Rational.Zero;
        foreach (var c in choices)
        {
            sum += c.Weight;
            if (draw < sum.ToDouble()) return c.Atoms;
        }
        return choices[^1].Atoms;
    }
}
