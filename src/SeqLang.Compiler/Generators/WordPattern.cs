using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Generators;

/// <summary>
/// A word played one atom per step from bar 0, across bar lines, and from its start again when it ends (SPEC §15's
/// L-system): step j is atom j mod length; a rest (null) plays nothing.
/// </summary>
internal sealed class WordPattern<T> : Pattern<T>
{
    private readonly (bool Plays, T Value)[] _word;
    private readonly Rational _step;

    public WordPattern((bool Plays, T Value)[] word, Rational step)
    {
        _word = word;
        _step = step;
        Period = Periods.Lcm(step * word.Length, Rational.One);
    }

    public override Rational? Period { get; }

    public override void QueryInto(Arc arc, QueryContext context, List<Hap<T>> output)
    {
        var first = (arc.Begin / _step).Floor();
        for (var j = first; _step * j < arc.End || (arc.Begin == arc.End && j == first); j++)
        {
            context.TickLeaf();
            var index = (int)(((j % _word.Length) + _word.Length) % _word.Length);
            if (!_word[index].Plays) continue;
            var whole = new Arc(_step * j, _step * (j + 1));
            if (whole.Intersect(arc) is { } part && (part.Begin < part.End || arc.Begin == arc.End))
                output.Add(new Hap<T>(whole, part, _word[index].Value));
        }
    }
}
