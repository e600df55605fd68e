using SeqLang.Cli.Tests.Support;

namespace SeqLang.Cli.Tests;

/// <summary>
/// Every `harmony` style end to end (SPEC §4, §8): the first 32 chords `seq events` prints for a fixed key and
/// seed are a golden file in Snapshots/harmony/, the JSON's `chord` agrees with the bar headers, the notes are
/// the named chord in root position, and the chords are those of tests/tools/harmony_reference.py, which
/// implements docs/harmony.md again from the page. So a golden cannot quietly hold whatever the compiler printed
/// the day it was accepted: it must also be what the documentation says.
/// </summary>
public class HarmonyGoldenTests
{
    private const int Bars = 32;

    public static TheoryData<string> Styles() => StyleCases.Names();

    [Theory]
    [MemberData(nameof(Styles))]
    public void TheFirst32ChordsOfEachStyleAreItsGolden(string style)
    {
        var c = StyleCases.Named(style);
        var path = SeqEvents.Write(c.Source());
        var headers = SeqEvents.Headers(path, Bars.ToString());
        Assert.Equal(Enumerable.Range(0, Bars).Select(b => (long)b), headers.Select(h => h.Bar));
        Assert.All(headers, h => Assert.Equal("main", h.Section));
        Assert.All(headers, h => Assert.NotNull(h.Chord));
        var golden = $"// seq events FILE --bars {Bars}, where FILE is:\n{c.Source()}// prints the bar headers:\n"
            + string.Join("\n", headers.Select(h => h.Line)) + "\n";
        Snapshot.Match($"harmony/{style}.txt", golden);
    }

    [Theory]
    [MemberData(nameof(Styles))]
    public void EveryEventCarriesItsBarsChordAndSoundsItInRootPosition(string style)
    {
        var path = SeqEvents.Write(StyleCases.Named(style).Source());
        var chords = SeqEvents.Headers(path, Bars.ToString()).ToDictionary(h => h.Bar, h => h.Chord!);
        var events = SeqEvents.Json(path, Bars.ToString());
        foreach (var bar in events.GroupBy(e => e.Bar))
        {
            Assert.All(bar, e => Assert.Equal(chords[bar.Key], e.Chord));
            // `play "chord"` in octave 4, close voicing: the root at (4 + 1) × 12 + root, each interval above it.
            var expected = ChordNames.Parse(chords[bar.Key]).Close(4);
            Assert.Equal(expected, bar.Select(e => e.Note!.Value).Order());
            Assert.All(bar, e => Assert.Equal(bar.Key.ToString(), e.Begin));
        }
        Assert.Equal(Bars, events.Select(e => e.Bar).Distinct().Count());
    }

    [Fact]
    public void DiatonicMajorIsFunctionalMajor()
    {
        var functional = SeqEvents.Write(StyleCases.Named("functional_major").Source());
        var alias = SeqEvents.Write(StyleCases.Named("diatonic_major").Source());
        Assert.Equal(SeqEvents.JsonText(functional, "200"), SeqEvents.JsonText(alias, "200"));
        Assert.Equal(SeqEvents.Text(functional, "200"), SeqEvents.Text(alias, "200"));
    }

    /// <summary>
    /// The CLI's chords for every style, in the golden keys and in others, for several seeds (given with --seed),
    /// gravities and chord lengths, against the Python reference. Gravity 0.35 makes weights that are not small
    /// binary fractions, so both sides must do the page's arithmetic in the same order to agree.
    /// </summary>
    [Fact]
    public void EveryStyleFollowsTheReferenceImplementationOfTheDocs()
    {
        var runs = new List<(HarmonyReference.Case Case, string Path)>();
        void Add(StyleCases.StyleCase c, long seed, string gravity, int every, int bars)
        {
            var options = $" every {every} bars gravity {gravity}";
            runs.Add((new HarmonyReference.Case(c.Style, c.Tonic, c.KeyMode, seed, gravity, every, bars), SeqEvents.Write(c.Source(options))));
        }
        foreach (var c in StyleCases.All)
        {
            Add(c, 7, "0", 1, Bars);
            foreach (var (seed, gravity) in new[] { (-3L, "1"), (2024L, "0.35") }) Add(c, seed, gravity, 1, 120);
            Add(c, 99, "0.5", 3, 60);
        }
        // Other keys: a style's mode on a key of another mode, flats from the tonic, chromatic numerals over flat keys.
        foreach (var (style, tonic, mode) in new[]
                 {
                     ("functional_major", "A", "minor"), ("aeolian_minor", "Bb", "minor"), ("dorian_minor", "D", "minor"),
                     ("chromatic_mediant", "F", "major"), ("diminished", "C", "major"), ("whole_tone", "B", "major"),
                     ("mixolydian", "Ab", "major"), ("phrygian_minor", "C#", "minor"), ("lydian_major", "B", "major"),
                     ("turnaround", "eb", "major"), ("suspended", "Cb", "major"),
                 })
            Add(StyleCases.Named(style) with { Tonic = tonic, KeyMode = mode }, 5, "0.8", 1, 120);

        var expected = HarmonyReference.Progressions(runs.Select(r => r.Case).ToList());
        var mismatches = new List<string>();
        for (var i = 0; i < runs.Count; i++)
        {
            var (c, path) = runs[i];
            var actual = SeqEvents.Headers(path, c.Bars.ToString(), "--seed", c.Seed.ToString()).Select(h => h.Chord!).ToList();
            var first = Enumerable.Range(0, c.Bars).FirstOrDefault(b => b >= actual.Count || actual[b] != expected[i][b], -1);
            if (first >= 0)
                mismatches.Add($"{c.Line}: bar {first}: seq says {(first < actual.Count ? actual[first] : "nothing")}, the reference {expected[i][first]}");
        }
        Assert.True(mismatches.Count == 0, string.Join("\n", mismatches));
    }
}
