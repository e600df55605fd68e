using System.Globalization;
using SeqLang.Midi;

namespace SeqLang.Cli.Output;

/// <summary>
/// The line <c>seq render</c> ends with, so the user sees what was written without opening a DAW:
/// <c>wrote song.mid: 4 tracks, 1,234 notes, 1:04 at 120 BPM</c>.
/// </summary>
public static class RenderSummary
{
    public static string Describe(string path, MidiFileContent content)
    {
        var notes = content.NoteCount();
        return string.Create(CultureInfo.InvariantCulture,
            $"wrote {path}: {Count(content.Tracks.Count, "track")}, {Count(notes, "note")}, {Clock(content.Duration())} at {Tempo(content.Conductor)}");
    }

    private static string Count(long n, string noun) =>
        string.Create(CultureInfo.InvariantCulture, $"{n:N0} {noun}{(n == 1 ? "" : "s")}");

    /// <summary>m:ss, or h:mm:ss from an hour on; seconds are rounded to the nearest.</summary>
    private static string Clock(TimeSpan duration)
    {
        var seconds = (long)Math.Round(duration.TotalSeconds, MidpointRounding.AwayFromZero);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m}:{s:00}");
    }

    /// <summary>The tempo, or its range when the file ramps or changes it.</summary>
    private static string Tempo(ConductorTrack conductor)
    {
        var tempos = conductor.Tempos;
        var low = tempos.Min(t => t.BeatsPerMinute);
        var high = tempos.Max(t => t.BeatsPerMinute);
        return low == high ? $"{Bpm(low)} BPM" : $"{Bpm(low)}–{Bpm(high)} BPM";
    }

    private static string Bpm(Core.Time.Rational bpm) =>
        Math.Round(bpm.ToDouble(), 2).ToString("0.##", CultureInfo.InvariantCulture);
}
