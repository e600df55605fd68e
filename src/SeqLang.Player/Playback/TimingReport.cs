using System.Globalization;
using System.Text;

namespace SeqLang.Player;

/// <summary>
/// <c>--timing-report</c> (SPEC §9): the lateness of every send against its ideal time, in microseconds:
/// count, mean, median, 99th percentile, maximum, and drift (the last event's error, which stays small
/// only if times are absolute).
/// </summary>
public sealed record TimingReport(long Events, double MeanMicros, double P50Micros, double P99Micros, double MaxMicros, double DriftMicros)
{
    public static TimingReport From(long[] lateness, long frequency)
    {
        if (lateness.Length == 0) return new TimingReport(0, 0, 0, 0, 0, 0);
        double Micros(long ticks) => ticks * 1_000_000.0 / frequency;
        var sorted = (long[])lateness.Clone();
        Array.Sort(sorted);
        var sum = 0.0;
        foreach (var l in lateness) sum += Micros(l);
        return new TimingReport(
            lateness.Length,
            sum / lateness.Length,
            Micros(Percentile(sorted, 0.50)),
            Micros(Percentile(sorted, 0.99)),
            Micros(sorted[^1]),
            Micros(lateness[^1]));
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    private static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary><c>{"events","mean_us","p50_us","p99_us","max_us","drift_us"}</c>, microseconds to 0.1.</summary>
    public string ToJson()
    {
        var b = new StringBuilder();
        b.Append("{\"events\": ").Append(Events.ToString(CultureInfo.InvariantCulture));
        Field(b, "mean_us", MeanMicros);
        Field(b, "p50_us", P50Micros);
        Field(b, "p99_us", P99Micros);
        Field(b, "max_us", MaxMicros);
        Field(b, "drift_us", DriftMicros);
        return b.Append("}\n").ToString();
    }

    private static void Field(StringBuilder b, string name, double value) =>
        b.Append(", \"").Append(name).Append("\": ").Append(Math.Round(value, 1).ToString("0.0", CultureInfo.InvariantCulture));
}
