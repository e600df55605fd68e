using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>Builders of elementary and combined patterns, named as in Strudel.</summary>
public static partial class Pattern
{
    /// <summary>One event per cycle holding <paramref name="value"/>.</summary>
    public static Pattern<T> Pure<T>(T value) => new PurePattern<T>(value);

    /// <summary>No events.</summary>
    public static Pattern<T> Silence<T>() => SilencePattern<T>.Instance;

    /// <summary>All patterns at once.</summary>
    public static Pattern<T> Stack<T>(params Pattern<T>[] patterns) => patterns.Length switch
    {
        0 => Silence<T>(),
        1 => patterns[0],
        _ => new StackPattern<T>((Pattern<T>[])patterns.Clone()),
    };

    /// <summary>One pattern per cycle, in turn; each plays its own successive cycles.</summary>
    public static Pattern<T> SlowCat<T>(params Pattern<T>[] patterns) => patterns.Length switch
    {
        0 => Silence<T>(),
        _ => new SlowCatPattern<T>((Pattern<T>[])patterns.Clone()),
    };

    /// <summary>One of the patterns per cycle, picked at random from (stream, salt, cycle).</summary>
    public static Pattern<T> RandomChoice<T>(Pattern<T>[] patterns, ulong stream, ulong salt) => patterns.Length switch
    {
        0 => Silence<T>(),
        1 => patterns[0],
        _ => new RandomChoicePattern<T>((Pattern<T>[])patterns.Clone(), stream, salt),
    };

    /// <summary>
    /// A pattern with a patterned argument: for each event of <paramref name="arguments"/>, the pattern
    /// <paramref name="build"/> makes from its value, queried over that event (Strudel's innerJoin).
    /// </summary>
    public static Pattern<T> Patterned<TArg, T>(Pattern<TArg> arguments, Func<TArg, Pattern<T>> build) where TArg : notnull =>
        new InnerJoinPattern<TArg, T>(arguments, build);

    /// <summary>Combines values keeping the structure of <paramref name="left"/> (Strudel's <c>appLeft</c>).</summary>
    public static Pattern<TR> AppLeft<TA, TB, TR>(Pattern<TA> left, Pattern<TB> right, Func<TA, TB, TR> combine) =>
        new AppLeftPattern<TA, TB, TR>(left, right, combine);

    /// <summary>Fits one cycle of each inner pattern into its outer event (Strudel's <c>squeezeJoin</c>).</summary>
    public static Pattern<T> SqueezeJoin<T>(Pattern<Pattern<T>> outer) => new SqueezeJoinPattern<T>(outer);

    /// <summary>Flattens a pattern of patterns, wholes being where outer and inner events overlap (Strudel's <c>join</c>).</summary>
    public static Pattern<T> Join<T>(Pattern<Pattern<T>> outer) => new JoinPattern<T>(outer);

    /// <summary>A pattern whose every query fails with <paramref name="message"/> (Strudel's query-time errors).</summary>
    public static Pattern<T> Failing<T>(string message) => new FailingPattern<T>(message);
}
