using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Patterns.Tests;

/// <summary>Patterns as comparable text: the events with an onset, "begin-end:value", sorted.</summary>
internal static class Show
{
    public static List<string> Onsets<T>(Pattern<T> pattern, long fromCycle, long toCycle)
    {
        var result = new List<string>();
        for (var c = fromCycle; c < toCycle; c++)
        {
            foreach (var hap in pattern.QueryCycle(c))
                if (hap.HasOnset) result.Add($"{hap.Whole!.Value.Begin}-{hap.Whole.Value.End}:{hap.Value}");
        }
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    public static List<string> Onsets<T>(Pattern<T> pattern, long cycles = 8) => Onsets(pattern, 0, cycles);

    /// <summary>Every hap, fragments included, for checks that must hold exactly (not only for onsets).</summary>
    public static List<string> Haps<T>(Pattern<T> pattern, Arc arc)
    {
        var result = new List<string>();
        foreach (var hap in pattern.Query(arc)) result.Add(hap.ToString());
        result.Sort(StringComparer.Ordinal);
        return result;
    }

    public static Pattern<string> P(string value) => Pattern.Pure(value);

    public static Pattern<string> Seq(params string[] values) =>
        Pattern.FastCat(values.Select(v => v == "~" ? Pattern.Silence<string>() : P(v)).ToArray());

    public static Rational R(long n, long d = 1) => new(n, d);
}
