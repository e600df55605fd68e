using SeqLang.Compiler.Form;
using SeqLang.Core.Time;
using SeqLang.Patterns;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// The chord in force at any moment of the piece (SPEC §4): a section's own <c>chords</c> while that section
/// plays (timed from the start of each entry, so it restarts on every entry), else the file's <c>chords</c>,
/// else the generated <c>harmony</c>. Pure: the answer depends only on the time, the form and the seed.
/// Safe across threads (the form and the progression guard their own caches; the charts are pure queries).
/// </summary>
public sealed class PieceHarmony
{
    private readonly FormTimeline _form;
    private readonly Pattern<Chord>? _chart;
    private readonly HarmonyProgression? _progression;
    private readonly IReadOnlyDictionary<string, Pattern<Chord>> _sectionCharts;

    public PieceHarmony(FormTimeline form, Pattern<Chord>? chart, HarmonyProgression? progression, IReadOnlyDictionary<string, Pattern<Chord>> sectionCharts)
    {
        _form = form;
        _chart = chart;
        _progression = progression;
        _sectionCharts = sectionCharts;
    }

    /// <summary>The same harmony over another timeline of the same form (a live jump or queued section): section charts follow its entries.</summary>
    public PieceHarmony WithForm(FormTimeline form) => new(form, _chart, _progression, _sectionCharts);

    /// <summary>The generated progression, when the file has <c>harmony</c>.</summary>
    public HarmonyProgression? Progression => _progression;

    /// <summary>The chord current at <paramref name="time"/> (cycles from the start), or null where none is (a rest in the chart, a section without chords).</summary>
    public Chord? ChordAt(Rational time)
    {
        if (time.Sign < 0) return null;
        var bar = time.Floor();
        if (_sectionCharts.Count > 0 && _form.SectionAt(bar) is { } position && _sectionCharts.TryGetValue(position.Section, out var sectionChart))
            return sectionChart.TrySampleAt(time - position.Entry.Start, out var local) ? local : null;
        if (_chart is not null) return _chart.TrySampleAt(time, out var chord) ? chord : null;
        return _progression?.ChordAtBar(bar);
    }

    /// <summary>
    /// The moments in bar <paramref name="bar"/> where the chord in force may change, each with the chord from
    /// then on (null in a gap): the bar's start, then every start and end of a chart's chord inside the bar.
    /// Appends in time order. Between two moments <see cref="ChordAt"/> is constant, so this is the bar's
    /// harmony in a few entries, what voice leading walks through and what the event stream looks up.
    /// </summary>
    public void ChangesIn(long bar, List<(Rational Time, Chord? Chord)> output)
    {
        Rational offset = 0;
        Pattern<Chord>? chart = null;
        if (_sectionCharts.Count > 0 && _form.SectionAt(bar) is { } position && _sectionCharts.TryGetValue(position.Section, out var sectionChart))
        {
            chart = sectionChart;
            offset = position.Entry.Start;
        }
        else if (_chart is not null) chart = _chart;
        if (chart is null)
        {
            // A generated progression changes only at bar lines.
            output.Add((bar, _progression?.ChordAtBar(bar)));
            return;
        }
        var times = new List<Rational> { bar };
        var haps = new List<Hap<Chord>>();
        var local = new Arc(bar - offset, bar + 1 - offset);
        if (chart.TryQuery(local, haps, QueryLimits.Default).IsOk)
        {
            foreach (var hap in haps)
            {
                var whole = hap.Whole ?? hap.Part;
                if (whole.Begin > local.Begin && whole.Begin < local.End) times.Add(whole.Begin + offset);
                if (whole.End > local.Begin && whole.End < local.End) times.Add(whole.End + offset);
            }
        }
        times.Sort();
        for (var i = 0; i < times.Count; i++)
        {
            if (i > 0 && times[i] == times[i - 1]) continue;
            output.Add((times[i], ChordAt(times[i])));
        }
    }
}
