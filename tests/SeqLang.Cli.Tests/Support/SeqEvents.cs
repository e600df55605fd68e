using System.Text.Json;

namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// `seq events` on a file, read back: the bar headers of the text output (<c>bar 12 · verse 3/4 · Am</c>) and
/// the events of <c>--json</c>. Each call runs the real command tree in-process and fails the test on a non-zero
/// exit, printing what `seq` said, so a broken file never passes as "no events".
/// </summary>
public static class SeqEvents
{
    /// <summary>One bar header. Section is null after the form's end; the position is null with no form (<c>main</c>).</summary>
    public sealed record BarHeader(long Bar, string? Section, int? SectionBar, int? SectionBars, string? Chord, string Line);

    /// <summary>One note or controller event of <c>events --json</c>, as the JSON gives it.</summary>
    public sealed record Event(long Bar, string Track, string Lane, int Channel, string Begin, string End, long Tick, int? Note, string? Section, int? SectionBar, string? Chord);

    /// <summary>Writes <paramref name="text"/> to a fresh temporary folder as <paramref name="name"/> and returns its path.</summary>
    public static string Write(string text, string name = "piece.seq")
    {
        var path = Path.Combine(SeqRun.TempDirectory(), name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>The text output of <c>seq events PATH --bars BARS ARGS...</c>.</summary>
    public static string Text(string path, string bars, params string[] args)
    {
        var result = SeqRun.Run(new[] { "events", path, "--bars", bars }.Concat(args).ToArray());
        Assert.True(result.ExitCode == 0, $"seq events exited {result.ExitCode}:\n{result.Error}");
        return result.Out;
    }

    /// <summary>The bar headers of the text output, one per bar asked for.</summary>
    public static IReadOnlyList<BarHeader> Headers(string path, string bars, params string[] args) =>
        ParseHeaders(Text(path, bars, args));

    public static IReadOnlyList<BarHeader> ParseHeaders(string text) =>
        text.Split('\n').Where(l => l.StartsWith("bar ", StringComparison.Ordinal)).Select(ParseHeader).ToList();

    /// <summary>The raw JSON of <c>seq events PATH --bars BARS --json ARGS...</c>.</summary>
    public static string JsonText(string path, string bars, params string[] args)
    {
        var result = SeqRun.Run(new[] { "events", path, "--bars", bars, "--json" }.Concat(args).ToArray());
        Assert.True(result.ExitCode == 0, $"seq events --json exited {result.ExitCode}:\n{result.Error}");
        return result.Out;
    }

    /// <summary>The events of <c>--json</c>, in the order printed.</summary>
    public static IReadOnlyList<Event> Json(string path, string bars, params string[] args)
    {
        using var json = JsonDocument.Parse(JsonText(path, bars, args));
        return json.RootElement.EnumerateArray().Select(e => new Event(
            e.GetProperty("bar").GetInt64(),
            e.GetProperty("track").GetString()!,
            e.GetProperty("lane").GetString()!,
            e.GetProperty("channel").GetInt32(),
            e.GetProperty("begin").GetString()!,
            e.GetProperty("end").GetString()!,
            e.GetProperty("tick").GetInt64(),
            e.TryGetProperty("note", out var note) ? note.GetInt32() : null,
            e.TryGetProperty("section", out var section) ? section.GetString() : null,
            e.TryGetProperty("sectionBar", out var sectionBar) ? sectionBar.GetInt32() : null,
            e.GetProperty("chord").ValueKind == JsonValueKind.Null ? null : e.GetProperty("chord").GetString())).ToList();
    }

    private static BarHeader ParseHeader(string line)
    {
        // bar N · SECTION[ k/n][ · CHORD], or bar N · after the end of the form
        var parts = line.Split(" · ");
        var bar = long.Parse(parts[0]["bar ".Length..], System.Globalization.CultureInfo.InvariantCulture);
        if (parts[1] == "after the end of the form") return new BarHeader(bar, null, null, null, parts.Length > 2 ? parts[2] : null, line);
        var words = parts[1].Split(' ');
        int? at = null, of = null;
        if (words.Length == 2)
        {
            var fraction = words[1].Split('/');
            at = int.Parse(fraction[0], System.Globalization.CultureInfo.InvariantCulture);
            of = int.Parse(fraction[1], System.Globalization.CultureInfo.InvariantCulture);
        }
        return new BarHeader(bar, words[0], at, of, parts.Length > 2 ? parts[2] : null, line);
    }
}
