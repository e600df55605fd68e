using System.Text;

namespace SeqLang.Player.Status;

/// <summary>
/// The one-line status shown while playing when stdout is a terminal, e.g.
/// <c>bar 12 · verse 5/8 · Dm7 G7 · 120 bpm · drums● bass· keys●</c>: the bar and section as <c>seq events</c>'
/// headers print them (bars from 0, the bar within a section from 1), the bar's chords, the tempo (one decimal
/// when it is fractional), and a light per track, lit (●) when the track sent a note in the last
/// <see cref="ActivityWindow"/>, else ·.
/// <para>
/// It fits <c>width</c> columns by giving up detail in this order: track names shortened to 5, 3, 1 letters;
/// only the first of several chords (then "…"); track names dropped (lights only); chords; the lights; the
/// tempo; the section; and finally the text is cut with "…". Every character used counts as one column
/// (names are identifiers, chords ASCII, the lights narrow).
/// </para>
/// A pure function of the snapshot; one instance reuses its buffer, so a call allocates only the returned
/// string. Not thread-safe: one printing thread per instance.
/// </summary>
public sealed class StatusLine
{
    /// <summary>A track's light stays on this long after a note.</summary>
    public static readonly TimeSpan ActivityWindow = TimeSpan.FromMilliseconds(150);

    public const char Lit = '●', Unlit = '·';
    private const string Separator = " · ";

    private readonly StringBuilder _line = new(256);

    /// <summary>The status for <paramref name="snapshot"/> in at most <paramref name="width"/> columns.</summary>
    public string Format(StatusSnapshot snapshot, int width)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (width <= 0) return "";
        // Each step shows less; the first that fits wins.
        for (var step = 0; step <= LastStep; step++)
        {
            Build(snapshot, step);
            if (_line.Length <= width) return _line.ToString();
        }
        // Not even "bar N" fits: cut it.
        Build(snapshot, LastStep);
        return width == 1 ? "…" : string.Concat(_line.ToString(0, width - 1), "…");
    }

    private const int LastStep = 9;

    /// <summary>The line at one level of detail (0: everything; <see cref="LastStep"/>: the bar alone).</summary>
    private void Build(StatusSnapshot s, int step)
    {
        var nameLength = step switch { 0 => int.MaxValue, 1 => 5, 2 => 3, _ => 1 };
        var allChords = step < 4;
        var names = step < 5;
        var chords = step < 6;
        var lights = step < 7;
        var tempo = step < 8;
        var section = step < 9;

        var b = _line.Clear();
        b.Append("bar ").Append(s.Bar);
        if (section && s.Section is { } p)
        {
            b.Append(Separator).Append(p.Section).Append(' ').Append(p.BarInSection);
            if (p.Length is { } length) b.Append('/').Append(length);
        }
        if (chords && HasChords(s.Chords))
        {
            b.Append(Separator);
            var count = allChords ? s.Chords.Count : 1;
            for (var i = 0; i < count; i++)
            {
                if (i > 0) b.Append(' ');
                b.Append(s.Chords[i]);
            }
            if (count < s.Chords.Count) b.Append('…');
        }
        if (tempo)
        {
            var bpm = s.BeatsPerMinute;
            b.Append(Separator);
            if (bpm.IsInteger) b.Append(bpm.Numerator);
            else
            {
                // Tenths, rounded half up from the exact value (formatting a double would allocate).
                var tenths = (long)(((Int128)bpm.Numerator * 20 + bpm.Denominator) / (2 * (Int128)bpm.Denominator));
                b.Append(tenths / 10).Append('.').Append(tenths % 10);
            }
            b.Append(" bpm");
        }
        if (lights && s.Tracks.Count > 0)
        {
            b.Append(Separator);
            for (var i = 0; i < s.Tracks.Count; i++)
            {
                var track = s.Tracks[i];
                if (names)
                {
                    if (i > 0) b.Append(' ');
                    b.Append(track.Name, 0, Math.Min(nameLength, track.Name.Length));
                }
                b.Append(track.SinceLastNote is { } since && since <= ActivityWindow ? Lit : Unlit);
            }
        }
    }

    /// <summary>False for no chords, or only gaps (as <c>seq events</c> prints no chords then).</summary>
    private static bool HasChords(IReadOnlyList<string> chords)
    {
        for (var i = 0; i < chords.Count; i++)
        {
            if (chords[i] != "~") return true;
        }
        return false;
    }
}
