using SeqLang.Compiler.Harmony;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Midi;

namespace SeqLang.Roll;

/// <summary>
/// Makes the <see cref="RollPicture"/> of bars [from, to) of a piece from the very file the renderer writes for
/// them (<c>seq render --from A --bars B-A</c>): the renderer pulls the <see cref="EventStream"/>, rounds each
/// event to ticks through the one <see cref="TickConverter"/> and orders the messages (a note struck again while it
/// sounds ends the earlier one, two of one key starting together merge), and the roll pairs the file's note-ons
/// with their note-offs. Drawing from the events before ordering would show notes the file does not play.
/// </summary>
public static class RollBuilder
{
    /// <summary>The ticks per quarter note of a roll: the renderer's default, so a roll shows what <c>seq render</c> writes.</summary>
    public const int Ppq = TickConverter.DefaultPpq;

    /// <summary>The picture of bars [<paramref name="fromBar"/>, <paramref name="toBar"/>), or null after reporting a limit (SPEC §10).</summary>
    public static RollPicture? Build(CompiledPiece piece, long fromBar, long toBar, DiagnosticBag diagnostics)
    {
        ArgumentNullException.ThrowIfNull(piece);
        if (fromBar < 0 || toBar <= fromBar) throw new ArgumentOutOfRangeException(nameof(toBar), $"bars {fromBar}:{toBar} are not a range");
        var content = PieceRenderer.Render(piece, fromBar, toBar - fromBar, Ppq, diagnostics);
        if (content is null) return null;
        var ticks = new TickConverter(Ppq, piece.Settings.Meter.BarQuarters);
        long Tick(Rational time) => ticks.ToTick(time - fromBar);

        var barTicks = new List<long>();
        for (var bar = fromBar; bar <= toBar; bar++) barTicks.Add(Tick(bar));

        var tracks = new List<RollTrack>();
        for (var t = 0; t < piece.Tracks.Count; t++) tracks.Add(Track(piece.Tracks[t], content.Tracks[t]));
        return new RollPicture(piece.Settings.Title, Ppq, fromBar, toBar, barTicks, Sections(piece, fromBar, toBar, barTicks),
            Chords(piece, fromBar, toBar, Tick), tracks);
    }

    private static RollTrack Track(CompiledTrack track, MidiTrack midi)
    {
        var notes = new List<RollNote>();
        var open = new Dictionary<int, (long Tick, int Velocity)>();
        var curves = new SortedDictionary<(int Kind, int Number, int Channel), List<RollPoint>>();
        void Point(int kind, int number, int channel, long tick, int level)
        {
            if (!curves.TryGetValue((kind, number, channel), out var points)) curves[(kind, number, channel)] = points = new List<RollPoint>();
            points.Add(new RollPoint(tick, level));
        }
        foreach (var m in midi.Messages)
        {
            var key = m.Channel << 7 | m.Data1;
            switch (m.Kind)
            {
                case MidiMessageKind.NoteOn when m.Data2 > 0:
                    open[key] = (m.Tick, m.Data2);
                    break;
                case MidiMessageKind.NoteOn or MidiMessageKind.NoteOff:
                    // The orderer never strikes a key that sounds, so each note-off ends the one note open on its key.
                    if (open.Remove(key, out var on)) notes.Add(new RollNote(on.Tick, m.Tick, m.Channel, m.Data1, on.Velocity));
                    break;
                // Bank select (0, 32) and the bend range's RPN (101, 100, 6, 38) are set-up, not a performance.
                case MidiMessageKind.ControlChange when m.Data1 is not (0 or 32 or 6 or 38 or 100 or 101):
                    Point(0, m.Data1, m.Channel, m.Tick, m.Data2 * 1000 / 127);
                    break;
                case MidiMessageKind.PitchBend:
                    Point(1, 0, m.Channel, m.Tick, (m.Data1 | m.Data2 << 7) * 1000 / 16383);
                    break;
                case MidiMessageKind.ChannelPressure:
                    Point(2, 0, m.Channel, m.Tick, m.Data1 * 1000 / 127);
                    break;
            }
        }
        notes.Sort((a, b) => a.StartTick != b.StartTick ? a.StartTick.CompareTo(b.StartTick) : a.Key != b.Key ? b.Key.CompareTo(a.Key) : a.Channel.CompareTo(b.Channel));
        var isDrums = track.Kit is not null || track.Channel == 9;
        var keys = notes.Select(n => n.Key).Distinct().ToList();
        var rows = isDrums || keys.Count == 0
            ? keys.OrderDescending().ToList()
            : Enumerable.Range(keys.Min(), keys.Max() - keys.Min() + 1).Reverse().ToList();
        var curveList = curves.Select(c => new RollCurve(
            c.Key.Kind switch { 0 => $"cc{c.Key.Number}", 1 => "bend", _ => "pressure" }, c.Key.Channel, c.Value)).ToList();
        return new RollTrack(track.Name, track.Index, isDrums, rows, notes, curveList);
    }

    /// <summary>One span per section entry (or part of one) in the bars drawn; bars after the form's end are one unlabelled span.</summary>
    private static List<RollSpan> Sections(CompiledPiece piece, long fromBar, long toBar, List<long> barTicks)
    {
        var spans = new List<RollSpan>();
        string? label = null;
        long start = 0;
        for (var bar = fromBar; bar < toBar; bar++)
        {
            var position = piece.Form.SectionAt(bar);
            var name = position?.Section;
            var begins = bar == fromBar || position is { BarInSection: 1 } || name != label;
            if (!begins) continue;
            if (bar > fromBar) spans.Add(new RollSpan(start, barTicks[(int)(bar - fromBar)], label));
            label = name;
            start = barTicks[(int)(bar - fromBar)];
        }
        spans.Add(new RollSpan(start, barTicks[^1], label));
        return spans;
    }

    /// <summary>The chords in force, merged where one continues across a change point (as <c>seq events</c> names them).</summary>
    private static List<RollSpan> Chords(CompiledPiece piece, long fromBar, long toBar, Func<Rational, long> tick)
    {
        var spans = new List<RollSpan>();
        if (piece.Harmony is not { } harmony) return spans;
        var changes = new List<(Rational Time, Chord? Chord)>();
        string? name = null;
        long start = 0;
        var first = true;
        for (var bar = fromBar; bar < toBar; bar++)
        {
            changes.Clear();
            // After the form's end nothing plays, and no chord is in force (seq events shows none there).
            if (piece.Form.SectionAt(bar) is not null) harmony.ChangesIn(bar, changes);
            else changes.Add((bar, null));
            foreach (var (time, chord) in changes)
            {
                var at = tick(time);
                if (!first && chord?.Name == name) continue;
                if (!first && at > start) spans.Add(new RollSpan(start, at, name));
                first = false;
                name = chord?.Name;
                start = at;
            }
        }
        spans.Add(new RollSpan(start, tick(toBar), name));
        spans.RemoveAll(s => s.Label is null || s.EndTick <= s.StartTick);
        return spans;
    }
}
