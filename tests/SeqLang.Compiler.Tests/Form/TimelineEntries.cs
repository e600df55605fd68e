using SeqLang.Compiler.Form;

namespace SeqLang.Compiler.Tests.Form;

/// <summary>Reads a timeline's entries as (section, start, length) for golden lists, through the public API.</summary>
internal static class TimelineEntries
{
    public static List<(string Section, long Start, long? Length)> First(FormTimeline timeline, int count)
    {
        var entries = new List<(string, long, long?)>();
        for (var i = 0; i < count && timeline.Entry(i) is { } entry; i++) entries.Add((entry.Section, entry.Start, entry.Length));
        return entries;
    }

    /// <summary>The same list seen bar by bar: a new entry wherever the bar within the section is 1.</summary>
    public static List<(string Section, long Start, long? Length)> FromBars(FormTimeline timeline, long bars)
    {
        var entries = new List<(string, long, long?)>();
        for (var bar = 0L; bar < bars && timeline.SectionAt(bar) is { } position; bar++)
            if (position.BarInSection == 1) entries.Add((position.Section, bar, position.Length));
        return entries;
    }
}
