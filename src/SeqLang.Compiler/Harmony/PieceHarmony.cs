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
    /// The moments in bar <paramref name="bar"/> where a new chord event starts, with the chord at the bar's start
    /// first: what voice leading walks through. Appends (time, chord) in time order; a null chord is a gap.
    /// </summary>
    public void ChangesIn(long bar, List<(Rational Time, Chord? Chord)> output)
    {
        output.Add((bar, ChordAt(bar)));
        var haps = new List<Hap<Chord>>();
        Rational offset = 0;
        Pattern<Chord>? chart = null;
        if (_sectionCharts.Count > 0 && _form.SectionAt(bar) is { } position && _sectionCharts.TryGetValue(position.Section, out var sectionChart))
        {
            chart = sectionChart;
            offset = position.Entry.Start;
        }
        else if (_chart is not null) chart = _chart;
        if (chart is null) return;
        var local = new Arc(bar - offset, bar + 1 - offset);
        if (!chart.TryQuery(local, haps, QueryLimits.Default).IsOk) return;
        foreach (var hap in haps.Where(h => h.HasOnset && h.Whole!.Value.Begin > local.Begin).OrderBy(h => h.Whole!.Value.Begin))
            output.Add((hap.Whole!.Value.Begin + offset, hap.Value));
    }
}
