using System.Globalization;
using System.Text;

namespace SeqLang.Roll;

/// <summary>
/// Writes a <see cref="RollPicture"/> as SVG text by hand (no serializer, so nothing needs reflection): the same
/// picture always gives the same bytes. Every note is one <c>&lt;rect class="note"&gt;</c>, so a reader can count them.
/// </summary>
public static class SvgRoll
{
    public static string Write(RollPicture picture)
    {
        var layout = new RollLayout(picture);
        var svg = new StringBuilder(4096 + picture.NoteCount * 96);
        var (w, h) = (layout.Width, layout.Height);
        var timeRight = RollLayout.Left + layout.X(picture.EndTick);
        svg.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"DejaVu Sans, Verdana, sans-serif\" font-size=\"10\">\n"));
        var heading = $"{picture.Title}: bars {picture.FromBar}:{picture.ToBar}";
        svg.Append("<title>").Append(Escape(heading)).Append(" (piano roll by seq roll)</title>\n");
        svg.Append(Invariant($"<rect class=\"background\" x=\"0\" y=\"0\" width=\"{w}\" height=\"{h}\" fill=\"{RollColours.Hex(RollColours.Background)}\"/>\n"));
        Text(svg, 12, 24, Escape(picture.Title), "title", "font-size=\"16\" font-weight=\"bold\"");
        Text(svg, 12 + 10 * Math.Max(6, picture.Title.Length) + 12, 24,
            Escape($"bars {picture.FromBar}:{picture.ToBar} · {picture.NoteCount} notes"), "subtitle", "fill=\"#666666\"");

        Strip(svg, layout, picture.Chords, RollLayout.ChordTop, "chords", "chord");
        Strip(svg, layout, picture.Sections, layout.SectionTop, "sections", "section");

        // Bar lines and numbers; a section's first bar gets a dark line.
        svg.Append("<g class=\"bars\">\n");
        var sectionStarts = picture.Sections.Select(s => s.StartTick).ToHashSet();
        for (var i = 0; i < picture.BarTicks.Count; i++)
        {
            var x = RollLayout.Left + layout.X(picture.BarTicks[i]);
            var strong = sectionStarts.Contains(picture.BarTicks[i]) || i == picture.BarTicks.Count - 1;
            svg.Append(Invariant($"<line class=\"{(strong ? "section-line" : "bar-line")}\" x1=\"{x}\" y1=\"{layout.BarNumberTop}\" x2=\"{x}\" y2=\"{layout.TracksBottom}\" stroke=\"{RollColours.Hex(strong ? RollColours.SectionLine : RollColours.Grid)}\" stroke-width=\"{(strong ? "1.5" : "1")}\"/>\n"));
            if (i < picture.BarTicks.Count - 1)
                Text(svg, x + 3, layout.BarNumberTop + 12, Invariant($"{picture.FromBar + i}"), "bar-number", "fill=\"#666666\"");
        }
        svg.Append("</g>\n");

        foreach (var lane in layout.Lanes) Track(svg, layout, lane, timeRight);

        svg.Append("<g class=\"legend\">\n");
        for (var t = 0; t < layout.Lanes.Count; t++)
        {
            var track = layout.Lanes[t].Track;
            var y = layout.LegendTop + t * RollLayout.LegendRowHeight;
            svg.Append(Invariant($"<rect class=\"swatch\" x=\"12\" y=\"{y}\" width=\"12\" height=\"12\" fill=\"{RollColours.Hex(RollColours.Of(track.Index))}\"/>\n"));
            var what = track.IsDrums ? "drums" : "pitched";
            Text(svg, 30, y + 10, Escape($"{track.Name} ({what}, {track.Notes.Count} notes)"), "legend-name", "");
        }
        Text(svg, 12 + 330, layout.LegendTop + 10, "shade: velocity (pale soft, full loud)", "legend-note", "fill=\"#666666\"");
        svg.Append("</g>\n</svg>\n");
        return svg.ToString();
    }

    private static void Strip(StringBuilder svg, RollLayout layout, IReadOnlyList<RollSpan> spans, int top, string group, string item)
    {
        svg.Append(Invariant($"<g class=\"{group}\">\n"));
        Text(svg, 12, top + 13, group, "strip-label", "fill=\"#666666\"");
        for (var i = 0; i < spans.Count; i++)
        {
            var span = spans[i];
            var x0 = RollLayout.Left + layout.X(span.StartTick);
            var x1 = RollLayout.Left + layout.X(span.EndTick);
            var fill = i % 2 == 0 ? RollColours.StripA : RollColours.StripB;
            svg.Append(Invariant($"<rect class=\"{item}\" x=\"{x0}\" y=\"{top}\" width=\"{Math.Max(1, x1 - x0)}\" height=\"{RollLayout.StripHeight - 1}\" fill=\"{RollColours.Hex(fill)}\""));
            // A section's band says, on hover, which bars it covers, as seq events numbers them.
            var first = IndexOf(layout.Picture.BarTicks, span.StartTick);
            var last = IndexOf(layout.Picture.BarTicks, span.EndTick) - 1;
            if (item == "section" && span.Label is { } name && first >= 0 && last >= first)
                svg.Append("><title>").Append(Escape(Invariant($"{name}: bars {layout.Picture.FromBar + first} to {layout.Picture.FromBar + last}"))).Append("</title></rect>\n");
            else svg.Append("/>\n");
            if (span.Label is { } label) Text(svg, x0 + 3, top + 13, Escape(label), item + "-name", "");
        }
        svg.Append("</g>\n");
    }

    private static void Track(StringBuilder svg, RollLayout layout, RollLayout.Lane lane, int timeRight)
    {
        var track = lane.Track;
        var colour = RollColours.Of(track.Index);
        svg.Append(Invariant($"<g class=\"track\" id=\"track-{track.Index}\">\n"));
        svg.Append(Invariant($"<rect class=\"lane\" x=\"{RollLayout.Left}\" y=\"{lane.RowsTop}\" width=\"{timeRight - RollLayout.Left}\" height=\"{lane.CurvesTop - lane.RowsTop}\" fill=\"{RollColours.Hex(RollColours.Tint(colour))}\"/>\n"));
        Text(svg, 12, lane.Top + 13, Escape(track.Name), "track-name", Invariant($"font-size=\"12\" font-weight=\"bold\" fill=\"{RollColours.Hex(colour)}\""));
        if (track.Rows.Count == 0) Text(svg, RollLayout.Left + 4, lane.Top + 13, "no notes in these bars", "empty", "fill=\"#888888\"");
        for (var r = 0; r < track.Rows.Count; r++)
        {
            var key = track.Rows[r];
            var y = lane.RowsTop + r * lane.RowHeight;
            if (!track.IsDrums && IsBlackKey(key))
                svg.Append(Invariant($"<rect class=\"black-key\" x=\"{RollLayout.Left}\" y=\"{y}\" width=\"{timeRight - RollLayout.Left}\" height=\"{lane.RowHeight}\" fill=\"#000000\" fill-opacity=\"0.05\"/>\n"));
            // Drums: every row named. Pitches: each C, and the lowest and highest rows.
            var label = track.IsDrums ? DrumName(key) : key % 12 == 0 || r == 0 || r == track.Rows.Count - 1 ? PitchName(key) : null;
            if (label is not null)
            {
                var size = track.IsDrums ? 9 : 7;
                Text(svg, RollLayout.Left - 4, y + lane.RowHeight / 2 + size / 2 - 1 + (track.IsDrums ? 0 : 1), Escape(label), "row-name",
                    Invariant($"text-anchor=\"end\" font-size=\"{size}\" fill=\"#555555\""));
            }
        }
        var stroke = RollColours.Hex(RollColours.Mix(colour, 256));
        foreach (var note in track.Notes)
        {
            var (x, y, width, height) = layout.NoteRect(lane, note);
            svg.Append(Invariant($"<rect class=\"note\" x=\"{x}\" y=\"{y}\" width=\"{width}\" height=\"{height}\" fill=\"{RollColours.Hex(RollColours.Shade(colour, note.Velocity))}\" stroke=\"{stroke}\" stroke-width=\"0.5\"/>\n"));
        }
        for (var c = 0; c < track.Curves.Count; c++) Curve(svg, layout, lane, track.Curves[c], lane.CurvesTop + c * RollLayout.CurveHeight, timeRight, stroke);
        svg.Append("</g>\n");
    }

    /// <summary>A controller as a thin step line in its own strip under the track's rows: bottom 0, top the maximum.</summary>
    private static void Curve(StringBuilder svg, RollLayout layout, RollLayout.Lane lane, RollCurve curve, int top, int timeRight, string stroke)
    {
        const int pad = 3;
        var span = RollLayout.CurveHeight - 2 * pad;
        int Y(int level) => top + pad + span - level * span / 1000;
        Text(svg, RollLayout.Left - 4, top + 14, Escape(curve.Name), "curve-name", "text-anchor=\"end\" font-size=\"8\" fill=\"#555555\"");
        var points = new StringBuilder();
        for (var i = 0; i < curve.Points.Count; i++)
        {
            var p = curve.Points[i];
            var x = RollLayout.Left + layout.X(p.Tick);
            if (i > 0) points.Append(Invariant($" {x},{Y(curve.Points[i - 1].Level)}"));
            points.Append(Invariant($"{(i > 0 ? " " : "")}{x},{Y(p.Level)}"));
        }
        if (curve.Points.Count > 0) points.Append(Invariant($" {timeRight},{Y(curve.Points[^1].Level)}"));
        svg.Append(Invariant($"<polyline class=\"curve\" points=\"{points}\" fill=\"none\" stroke=\"{stroke}\" stroke-width=\"1\"/>\n"));
    }

    private static void Text(StringBuilder svg, int x, int y, string escaped, string cls, string attributes)
    {
        svg.Append(Invariant($"<text class=\"{cls}\" x=\"{x}\" y=\"{y}\""));
        if (attributes.Length > 0) svg.Append(' ').Append(attributes);
        svg.Append('>').Append(escaped).Append("</text>\n");
    }

    private static int IndexOf(IReadOnlyList<long> ticks, long tick)
    {
        for (var i = 0; i < ticks.Count; i++) if (ticks[i] == tick) return i;
        return -1;
    }

    private static bool IsBlackKey(int key) => (key % 12) is 1 or 3 or 6 or 8 or 10;

    private static readonly string[] PitchClasses = { "C", "C#", "D", "D#", "E", "F", "F#", "G", "G#", "A", "A#", "B" };

    /// <summary>SPEC §3's names: C4 is 60.</summary>
    public static string PitchName(int key) => PitchClasses[key % 12] + (key / 12 - 1).ToString(CultureInfo.InvariantCulture);

    /// <summary>The General MIDI percussion names (keys 35..81), else the key's number.</summary>
    public static string DrumName(int key) => key is >= 35 and <= 81 ? GmPercussion[key - 35] : $"key {key}";

    private static readonly string[] GmPercussion =
    {
        "acoustic bass drum", "bass drum 1", "side stick", "acoustic snare", "hand clap", "electric snare", "low floor tom",
        "closed hi-hat", "high floor tom", "pedal hi-hat", "low tom", "open hi-hat", "low-mid tom", "hi-mid tom", "crash cymbal 1",
        "high tom", "ride cymbal 1", "chinese cymbal", "ride bell", "tambourine", "splash cymbal", "cowbell", "crash cymbal 2",
        "vibraslap", "ride cymbal 2", "hi bongo", "low bongo", "mute hi conga", "open hi conga", "low conga", "high timbale",
        "low timbale", "high agogo", "low agogo", "cabasa", "maracas", "short whistle", "long whistle", "short guiro", "long guiro",
        "claves", "hi wood block", "low wood block", "mute cuica", "open cuica", "mute triangle", "open triangle",
    };

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal)
        .Replace(">", "&gt;", StringComparison.Ordinal).Replace("\"", "&quot;", StringComparison.Ordinal);
}
