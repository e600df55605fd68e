using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// Each form shape end to end (SPEC §4-5, §8; docs/form.md): what `seq events` prints bar by bar is a golden file
/// in Snapshots/form/, and the structure behind it is checked on its own: sections follow their arrows, a chart
/// bound to a section restarts on each entry, `in` lanes play only in their sections, and `seq render` runs to
/// the form's end (read back by our SmfReader and by mido) or, for a piece that never ends, to the 60-minute cap.
/// </summary>
public partial class FormGoldenTests
{
    /// <summary>
    /// A weighted graph with every kind of arrow: one target, weighted targets, `-> end`, and none (coda repeats).
    /// The slow tempos here and below keep the 60-minute renders short enough for both MIDI readers.
    /// </summary>
    private const string Graph = """
        tempo 24
        seed 9
        chords "<C Am F G>"
        form {
          intro  1 -> verse
          verse  2 -> verse 2 | chorus 1
          chorus 3 -> verse 3 | outro 1 | coda 1
          outro  1 -> end
          coda   2
        }
        in chorus { chords "<F G Am Bb>" }
        track keys channel 1 { play "root" }
        track drums channel 10 {
          in chorus { snare "x" }
        }

        """;

    /// <summary>A name coming back with its own length, and a section chart longer than its section.</summary>
    private const string Once = """
        form intro 1, verse 2, chorus 2, verse 1
        chords "<C G>"
        in chorus { chords "<F G Am>" }
        track keys channel 1 { play "root" }
        track drums channel 10 {
          kick "x"
          in chorus { snare "~ x" }
        }

        """;

    /// <summary>Generated harmony (two bars a chord) with a fixed chart in one section.</summary>
    private const string Loop = """
        tempo 30
        key G major
        seed 4
        harmony turnaround every 2 bars
        form loop verse 2, chorus 2
        in chorus { chords "<C D Em>" }
        track keys channel 1 { play "root" octave 3 }
        track pad channel 2 {
          in verse { play "chord" }
        }

        """;

    /// <summary>No form: one endless section, main, which `in main` names.</summary>
    private const string NoForm = """
        tempo 40
        meter 3/4
        chords "<Dm7 G7 Cmaj7 Cmaj7>"
        track keys channel 1 { play "root" }
        track drums channel 10 {
          in main { hat "x*2" }
        }

        """;

    private static readonly string[] GraphChart = { "C", "Am", "F", "G" };
    private static readonly string[] ChorusChart = { "F", "G", "Am", "Bb" };

    public static TheoryData<string, string, string, string?> Shapes() => new()
    {
        { "graph-ends", Graph, "32", null },
        { "graph-self-repeat", Graph, "26", "18" },
        { "once", Once, "8", null },
        { "loop", Loop, "12", null },
        { "no-form", NoForm, "6", null },
    };

    [Theory]
    [MemberData(nameof(Shapes))]
    public void EventsPrintTheGoldenBarByBar(string name, string source, string bars, string? seed)
    {
        var args = seed is null ? Array.Empty<string>() : new[] { "--seed", seed };
        var text = SeqEvents.Text(SeqEvents.Write(source), bars, args);
        var command = $"seq events FILE --bars {bars}" + (seed is null ? "" : $" --seed {seed}");
        Snapshot.Match($"form/{name}.txt", $"// {command}, where FILE is:\n{source}// prints:\n{text}");
    }

    [Fact]
    public void GraphSectionsFollowTheirArrowsAndLastTheirLength()
    {
        var next = new Dictionary<string, string[]>
        {
            ["intro"] = new[] { "verse" },
            ["verse"] = new[] { "verse", "chorus" },
            ["chorus"] = new[] { "verse", "outro", "coda" },
            ["outro"] = new[] { "(end)" },
            ["coda"] = new[] { "coda" },
        };
        var lengths = new Dictionary<string, int> { ["intro"] = 1, ["verse"] = 2, ["chorus"] = 3, ["outro"] = 1, ["coda"] = 2 };
        var path = SeqEvents.Write(Graph);
        var seen = new HashSet<string>();
        for (var seed = 0; seed < 30; seed++)
        {
            var headers = SeqEvents.Headers(path, "40", "--seed", seed.ToString());
            Assert.Equal("intro", headers[0].Section);
            var entries = Entries(headers);
            for (var i = 0; i < entries.Count; i++)
            {
                var (section, start, count) = entries[i];
                if (section == "(end)")
                {
                    // After the end every bar is after the end.
                    Assert.Equal(headers.Count, start + count);
                    continue;
                }
                Assert.True(count == lengths[section] || (i == entries.Count - 1 && start + count == headers.Count && count < lengths[section]),
                    $"seed {seed}: {section} at bar {start} lasts {count} bars");
                if (i + 1 < entries.Count)
                {
                    Assert.Contains(entries[i + 1].Section, next[section]);
                    seen.Add($"{section}->{entries[i + 1].Section}");
                }
            }
        }
        // Thirty seeds walk every arrow of the graph.
        Assert.Equal(next.Sum(n => n.Value.Length), seen.Count);
    }

    /// <summary>The headers as entries: a section from its bar 1/n to its bar n/n (or to the last bar asked for); "(end)" for bars after the end.</summary>
    private static List<(string Section, int Start, int Bars)> Entries(IReadOnlyList<SeqEvents.BarHeader> headers)
    {
        var entries = new List<(string Section, int Start, int Bars)>();
        for (var bar = 0; bar < headers.Count; bar++)
        {
            var h = headers[bar];
            var section = h.Section ?? "(end)";
            var starts = entries.Count == 0 || h.SectionBar == 1 || (section == "(end)" && entries[^1].Section != "(end)");
            if (starts) entries.Add((section, bar, 1));
            else
            {
                Assert.Equal(entries[^1].Section, section);
                Assert.True(h.SectionBar is null || h.SectionBar == entries[^1].Bars + 1, $"bar {bar}: {h.Line} follows {entries[^1].Bars} bars of {section}");
                entries[^1] = entries[^1] with { Bars = entries[^1].Bars + 1 };
            }
        }
        return entries;
    }

    [Fact]
    public void ASectionsChartRestartsOnEachEntryWhileOtherBarsFollowTheFilesChart()
    {
        var path = SeqEvents.Write(Graph);
        var chorusEntries = 0;
        for (var seed = 0; seed < 30; seed++)
        {
            foreach (var h in SeqEvents.Headers(path, "40", "--seed", seed.ToString()))
            {
                if (h.Section == "chorus")
                {
                    // Chorus lasts 3 bars and its chart has 4 chords: each entry plays F G Am, never Bb.
                    Assert.True(ChorusChart[h.SectionBar!.Value - 1] == h.Chord, $"seed {seed}: {h.Line}");
                    if (h.SectionBar == 1) chorusEntries++;
                }
                else if (h.Section is not null) Assert.True(GraphChart[h.Bar % 4] == h.Chord, $"seed {seed}: {h.Line}");
                else Assert.Null(h.Chord);
            }
        }
        // Many entries start at bars that are no multiple of 3 or 4, where a chart timed from bar 0 would be elsewhere.
        Assert.True(chorusEntries >= 40, $"only {chorusEntries} chorus entries in 30 seeds");
    }

    [Theory]
    [InlineData("9")]
    [InlineData("18")]
    public void AnInBlockLanePlaysInItsSectionsOnly(string seed)
    {
        var path = SeqEvents.Write(Graph);
        var headers = SeqEvents.Headers(path, "32", "--seed", seed);
        var events = SeqEvents.Json(path, "32", "--seed", seed);
        var chorusBars = headers.Where(h => h.Section == "chorus").Select(h => h.Bar).ToList();
        Assert.NotEmpty(chorusBars);
        Assert.Equal(chorusBars, events.Where(e => e.Lane == "snare").Select(e => e.Bar));
        Assert.All(events.Where(e => e.Lane == "snare"), e => Assert.Equal("chorus", e.Section));
        // The lane outside any block plays in every section, and nothing plays after the end.
        Assert.Equal(headers.Where(h => h.Section is not null).Select(h => h.Bar), events.Where(e => e.Track == "keys").Select(e => e.Bar));
        Assert.All(events, e => Assert.Equal(headers[(int)e.Bar].Section, e.Section));
        Assert.All(events, e => Assert.Equal(headers[(int)e.Bar].SectionBar, e.SectionBar));
    }
}
