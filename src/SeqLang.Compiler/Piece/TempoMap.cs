using SeqLang.Compiler.Form;
using SeqLang.Core.Time;

namespace SeqLang.Compiler.Piece;

/// <summary>
/// The tempo at every moment: the file's <c>tempo</c> (and its ramp, timed from bar 0), except while a
/// section plays that sets its own in a top-level <c>in SECTION { tempo ... }</c> block; a section's ramp is
/// timed from the start of each entry, so it starts again every time the section does. Both back ends read
/// it: the renderer writes it into the conductor track, the player times its bars by it.
/// </summary>
public sealed class TempoMap
{
    private readonly PieceSettings _settings;
    private readonly FormTimeline _form;
    private readonly IReadOnlyDictionary<string, SectionTempo> _sections;

    public TempoMap(PieceSettings settings, FormTimeline form, IReadOnlyDictionary<string, SectionTempo> sections)
    {
        _settings = settings;
        _form = form;
        _sections = sections;
    }

    /// <summary>The same tempi over another timeline of the same form (a live jump or queued section): section tempi follow its entries.</summary>
    public TempoMap WithForm(FormTimeline form) => new(_settings, form, _sections);

    /// <summary>A section's own tempo: <see cref="Bpm"/>, or a ramp from it timed from the section's entry (its StartBar is 0).</summary>
    public sealed record SectionTempo(Rational Bpm, TempoRamp? Ramp);

    /// <summary>True when no section sets a tempo: the file's tempo and ramp are the whole story.</summary>
    public bool IsFileTempoOnly => _sections.Count == 0;

    /// <summary>BPM at a time in cycles (a quarter note a beat, as MIDI tempo is).</summary>
    public Rational TempoAt(Rational cycle)
    {
        if (_sections.Count > 0 && cycle.Sign >= 0 && _form.SectionAt(cycle.Floor()) is { } position && _sections.TryGetValue(position.Section, out var own))
            return own.Ramp is { } ramp ? ramp.TempoAt(cycle - position.Entry.Start) : own.Bpm;
        return _settings.TempoRamp?.TempoAt(cycle) ?? _settings.Tempo;
    }

    /// <summary>The tempo at the very end of bar <paramref name="bar"/>, as that bar's section has it (where a ramp arrives).</summary>
    public Rational TempoAtEndOf(long bar)
    {
        if (_sections.Count > 0 && _form.SectionAt(bar) is { } position && _sections.TryGetValue(position.Section, out var own))
            return own.Ramp is { } ramp ? ramp.TempoAt(bar + 1 - position.Entry.Start) : own.Bpm;
        return _settings.TempoRamp?.TempoAt(bar + 1) ?? _settings.Tempo;
    }

    /// <summary>
    /// Appends the tempo changes bar <paramref name="bar"/> needs, as (cycle, BPM): during a ramp one per quarter
    /// note (fine enough that no DAW hears steps), else one at the bar's start where the tempo differs from the
    /// bar before or a ramp has just ended. <paramref name="first"/> marks the first bar played, whose starting
    /// tempo the caller already set. What the renderer writes into track 0 and the player times its bars by.
    /// </summary>
    public void ChangesIn(long bar, bool first, List<(Rational Cycle, Rational Bpm)> output)
    {
        if (RampsIn(bar))
        {
            var quarters = _settings.Meter.BarQuarters;
            for (var q = (Rational)bar * quarters; q < (Rational)(bar + 1) * quarters; q += 1)
            {
                var cycle = q / quarters;
                output.Add((cycle, TempoAt(cycle)));
            }
            return;
        }
        if (first) return;
        var atBar = TempoAt(bar);
        if (RampsIn(bar - 1) || atBar != TempoAt(bar - 1)) output.Add((bar, atBar));
    }

    /// <summary>True when the tempo may change inside bar <paramref name="bar"/> (a ramp is under way), not only at its start.</summary>
    public bool RampsIn(long bar)
    {
        if (_sections.Count > 0 && _form.SectionAt(bar) is { } position && _sections.TryGetValue(position.Section, out var own))
            return own.Ramp is { } ramp && bar - position.Entry.Start < ramp.Bars;
        return _settings.TempoRamp is { } fileRamp && bar >= fileRamp.StartBar && bar < fileRamp.StartBar + fileRamp.Bars;
    }
}
