using System.Globalization;
using System.Text;

namespace SeqLang.Player;

/// <summary>
/// <c>--timing-report</c> (SPEC §9): the lateness of every send against its ideal time, in microseconds:
/// count, mean, median, 99th percentile, maximum, and drift (the last event's error, which stays small
/// only if times are absolute). Also the latest instants, each by its latest send, with the clock time it went out
/// at (Stopwatch time: CLOCK_MONOTONIC on Linux), so a stall can be matched with what else the machine did then.
/// </summary>
public sealed record TimingReport(long Events, double MeanMicros, double P50Micros, double P99Micros, double MaxMicros, double DriftMicros,
    IReadOnlyList<LateSend> Worst)
{
    /// <summary>How many of the latest instants the report lists (one stall delays every send of its instant: one line).</summary>
    public const int WorstCount = 20;

    public static TimingReport From(long[] lateness, long[] times, long frequency)
    {
        if (lateness.Length == 0) return new TimingReport(0, 0, 0, 0, 0, 0, []);
        double Micros(long ticks) => ticks * 1_000_000.0 / frequency;
        var sorted = (long[])lateness.Clone();
        Array.Sort(sorted);
        var sum = 0.0;
        foreach (var l in lateness) sum += Micros(l);
        var order = new int[lateness.Length];
        for (var i = 0; i < order.Length; i++) order[i] = i;
        Array.Sort(order, (a, b) => lateness[b].CompareTo(lateness[a]));
        var worst = new List<LateSend>(WorstCount);
        var instants = new HashSet<long>();
        foreach (var i in order)
        {
            if (worst.Count == WorstCount) break;
            if (instants.Add(times[i] - lateness[i])) worst.Add(new LateSend(i, (double)times[i] / frequency, Micros(lateness[i])));
        }
        return new TimingReport(
            lateness.Length,
            sum / lateness.Length,
            Micros(Percentile(sorted, 0.50)),
            Micros(Percentile(sorted, 0.99)),
            Micros(sorted[^1]),
            Micros(lateness[^1]),
            worst);
    }

    /// <summary>Nearest rank: the smallest value with at least <paramref name="p"/> of the values at or below it.</summary>
    private static long Percentile(long[] sorted, double p) => sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];

    /// <summary>
    /// <c>{"events","mean_us","p50_us","p99_us","max_us","drift_us","worst"}</c>, microseconds to 0.1; worst is
    /// <c>[{"index","at_s","late_us"}]</c>, latest first, one per instant (due time): the send's number, its clock
    /// time in seconds (to the nanosecond) and its lateness.
    /// </summary>
    public string ToJson()
    {
        var b = new StringBuilder();
        b.Append("{\"events\": ").Append(Events.ToString(CultureInfo.InvariantCulture));
        Field(b, "mean_us", MeanMicros);
        Field(b, "p50_us", P50Micros);
        Field(b, "p99_us", P99Micros);
        Field(b, "max_us", MaxMicros);
        Field(b, "drift_us", DriftMicros);
        b.Append(", \"worst\": [");
        for (var k = 0; k < Worst.Count; k++)
        {
            var w = Worst[k];
            b.Append(k == 0 ? "" : ", ").Append("{\"index\": ").Append(w.Index.ToString(CultureInfo.InvariantCulture))
                .Append(", \"at_s\": ").Append(w.AtSeconds.ToString("0.000000000", CultureInfo.InvariantCulture));
            Field(b, "late_us", w.LateMicros);
            b.Append('}');
        }
        return b.Append("]}\n").ToString();
    }

    private static void Field(StringBuilder b, string name, double value) =>
        b.Append(", \"").Append(name).Append("\": ").Append(Math.Round(value, 1).ToString("0.0", CultureInfo.InvariantCulture));
}

/// <summary>One send of the report's latest: its number in send order, its clock time in seconds, its lateness.</summary>
public sealed record LateSend(long Index, double AtSeconds, double LateMicros);
