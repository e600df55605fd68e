using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Harmony;

namespace SeqLang.Compiler.Tests.Harmony;

/// <summary>The eleven chord graphs of SPEC §4: whole, reachable, in their mode, and shaped as each style promises.</summary>
public class HarmonyStyleTests
{
    public static TheoryData<string> StyleNames()
    {
        var data = new TheoryData<string>();
        foreach (var style in HarmonyStyles.All) data.Add(style.Name);
        return data;
    }

    private static HarmonyStyle Style(string name) => HarmonyStyles.TryGet(name, out var style) ? style : throw new ArgumentException(name);

    [Fact]
    public void TheElevenStylesOfTheSpecAndTheAlias()
    {
        var names = new[]
        {
            "functional_major", "turnaround", "aeolian_minor", "phrygian_minor", "lydian_major", "dorian_minor",
            "chromatic_mediant", "suspended", "mixolydian", "whole_tone", "diminished",
        };
        Assert.Equal(names, HarmonyStyles.All.Select(s => s.Name));
        Assert.Equal(names.Append("diatonic_major").Order(StringComparer.Ordinal), HarmonyStyles.Names);
        Assert.True(HarmonyStyles.TryGet("diatonic_major", out var alias));
        Assert.Same(Style("functional_major"), alias);
        Assert.False(HarmonyStyles.TryGet("Functional_Major", out _));
        Assert.Equal("; did you mean 'aeolian_minor'?", Suggestions.DidYouMean("aeolian_minr", HarmonyStyles.Names));
    }

    [Theory]
    [MemberData(nameof(StyleNames))]
    public void EveryMoveLandsOnAChordOfTheGraphAndEveryChordIsReachableFromHome(string name)
    {
        var style = Style(name);
        Assert.Equal(0, style.Chords[0].Offset);
        Assert.Equal(HarmonicFunction.Tonic, style.Chords[0].Function);
        Assert.Equal(style.Chords.Count, style.Moves.Count);
        Assert.Equal(style.Chords.Count, style.Chords.Select(c => c.Numeral).Distinct().Count());
        for (var i = 0; i < style.Chords.Count; i++)
        {
            Assert.NotEmpty(style.Moves[i]);
            Assert.All(style.Moves[i], m => Assert.InRange(m.To, 0, style.Chords.Count - 1));
            Assert.All(style.Moves[i], m => Assert.True(m.Weight >= 1));
        }
        var reached = new HashSet<int> { 0 };
        var frontier = new Queue<int>(reached);
        while (frontier.TryDequeue(out var chord))
            foreach (var move in style.Moves[chord])
                if (reached.Add(move.To)) frontier.Enqueue(move.To);
        Assert.Equal(style.Chords.Count, reached.Count);
    }

    [Theory]
    [MemberData(nameof(StyleNames))]
    public void AStyleWithAModeHasOnlyChordsOfThatMode(string name)
    {
        var style = Style(name);
        if (style.Mode is null) return;
        foreach (var chord in style.Chords)
            Assert.All(chord.InKey(0, NoteSpelling.Sharps).PitchClasses, pc => Assert.Contains(pc, style.Mode));
    }

    [Fact]
    public void EveryDiatonicStyleNamesAChurchModeAndOnlyTheSymmetricStylesGoWithout()
    {
        var diatonic = new[] { "functional_major", "turnaround", "aeolian_minor", "phrygian_minor", "lydian_major", "dorian_minor", "suspended", "mixolydian" };
        Assert.All(diatonic, n => Assert.Equal(7, Style(n).Mode?.Count));
        Assert.Equal("aeolian", Style("aeolian_minor").ModeName);
        Assert.Equal("phrygian", Style("phrygian_minor").ModeName);
        Assert.Equal("lydian", Style("lydian_major").ModeName);
        Assert.Equal("dorian", Style("dorian_minor").ModeName);
        Assert.Equal("mixolydian", Style("mixolydian").ModeName);
        Assert.Null(Style("chromatic_mediant").Mode);
        Assert.Null(Style("diminished").Mode);
    }

    [Fact]
    public void AeolianMinorHasAMinorFifthNotADominantSeventh()
    {
        var fifths = Style("aeolian_minor").Chords.Where(c => c.Offset == 7).ToList();
        Assert.Equal("m", Assert.Single(fifths).Quality);
    }

    [Fact]
    public void FunctionalMajorResolvesTheDominantHomeAndLeadsTheSupertonicToTheDominant()
    {
        var style = Style("functional_major");
        Assert.Equal("I", HeaviestMove(style, "V"));
        Assert.Equal("I", HeaviestMove(style, "V7"));
        Assert.Equal("V", HeaviestMove(style, "ii"));
        Assert.Contains(Moves(style, "vi"), m => m is "ii" or "IV");
        Assert.Contains(Moves(style, "I"), m => m == "IV");
    }

    [Fact]
    public void TurnaroundCyclesThroughVi7Ii7V7()
    {
        var style = Style("turnaround");
        Assert.Equal("vi7", HeaviestMove(style, "Imaj7"));
        Assert.Equal("ii7", HeaviestMove(style, "vi7"));
        Assert.Equal("V7", HeaviestMove(style, "ii7"));
        Assert.Equal("Imaj7", HeaviestMove(style, "V7"));
        Assert.Equal("vi7", HeaviestMove(style, "iii7"));
    }

    [Fact]
    public void PhrygianCadencesThroughTheFlatSecond()
    {
        var style = Style("phrygian_minor");
        Assert.Equal("bII", HeaviestMove(style, "i"));
        Assert.Equal("i", HeaviestMove(style, "bII"));
        Assert.Contains("bvii", Moves(style, "i"));
        Assert.Contains("iv", Moves(style, "bvii").Concat(Moves(style, "i")));
    }

    [Fact]
    public void ChromaticMediantMovesMajorChordsByThirdsAndCadencesHomeOnlyFromIVAndV()
    {
        var style = Style("chromatic_mediant");
        Assert.All(style.Chords, c => Assert.Equal("maj", c.Quality));
        for (var i = 0; i < style.Chords.Count; i++)
        {
            foreach (var move in style.Moves[i])
            {
                var interval = (style.Chords[move.To].Offset - style.Chords[i].Offset + 12) % 12;
                var isThird = interval is 3 or 4 or 8 or 9;
                var isCadence = move.To == 0 && style.Chords[i].Numeral is "IV" or "V";
                Assert.True(isThird || isCadence, $"{style.Chords[i].Numeral} -> {style.Chords[move.To].Numeral}");
            }
        }
    }

    [Fact]
    public void WholeToneHasAugmentedTriadsOnTheSixWholeToneRoots()
    {
        var style = Style("whole_tone");
        Assert.Equal(new[] { 0, 2, 4, 6, 8, 10 }, style.Chords.Select(c => c.Offset));
        Assert.All(style.Chords, c => Assert.Equal("aug", c.Quality));
    }

    [Fact]
    public void DiminishedMovesDiminishedSeventhsByMinorThirdsAndSemitones()
    {
        var style = Style("diminished");
        Assert.Equal(Enumerable.Range(0, 12), style.Chords.Select(c => c.Offset));
        Assert.All(style.Chords, c => Assert.Equal("dim7", c.Quality));
        for (var i = 0; i < style.Chords.Count; i++)
            Assert.All(style.Moves[i], m => Assert.Contains((style.Chords[m.To].Offset - style.Chords[i].Offset + 12) % 12, new[] { 1, 3, 9, 11 }));
    }

    [Fact]
    public void AGraphWithADanglingMoveOrNoWayOnIsRefused()
    {
        var tonic = new StyleChord(0, "maj", HarmonicFunction.Tonic);
        var fifth = new StyleChord(7, "maj", HarmonicFunction.Dominant);
        Assert.Throws<ArgumentException>(() => new HarmonyStyle("x", null, new[] { tonic }, new[] { new[] { new StyleEdge(1, 1) } }));
        Assert.Throws<ArgumentException>(() => new HarmonyStyle("x", null, new[] { tonic, fifth }, new[] { new[] { new StyleEdge(1, 1) }, Array.Empty<StyleEdge>() }));
        Assert.Throws<ArgumentException>(() => new HarmonyStyle("x", null, new[] { tonic }, new[] { new[] { new StyleEdge(0, 0) } }));
        Assert.Throws<ArgumentException>(() => new HarmonyStyle("x", null, new[] { fifth, tonic }, new[] { new[] { new StyleEdge(1, 1) }, new[] { new StyleEdge(0, 1) } }));
        Assert.Throws<ArgumentException>(() => new HarmonyStyle("x", "no_such_mode", new[] { tonic }, new[] { new[] { new StyleEdge(0, 1) } }));
        Assert.Throws<ArgumentException>(() => new HarmonyStyle("x", null, new[] { tonic, tonic }, new[] { new[] { new StyleEdge(1, 1) }, new[] { new StyleEdge(0, 1) } }));
    }

    [Theory]
    [InlineData(0, "maj", "I")]
    [InlineData(2, "m7", "ii7")]
    [InlineData(11, "dim", "vii°")]
    [InlineData(11, "m7b5", "viiø7")]
    [InlineData(8, "maj7", "bVImaj7")]
    [InlineData(10, "m", "bvii")]
    [InlineData(6, "dim7", "#iv°7")]
    [InlineData(6, "aug", "#IV+")]
    [InlineData(7, "7sus4", "V7sus4")]
    [InlineData(9, "m6", "vi6")]
    public void RomanNumerals(int offset, string quality, string numeral) => Assert.Equal(numeral, RomanNumeral.Of(offset, quality));

    private static IEnumerable<string> Moves(HarmonyStyle style, string from)
    {
        var index = style.Chords.ToList().FindIndex(c => c.Numeral == from);
        Assert.True(index >= 0, $"{style.Name} has no {from}");
        return style.Moves[index].Select(m => style.Chords[m.To].Numeral);
    }

    private static string HeaviestMove(HarmonyStyle style, string from)
    {
        var index = style.Chords.ToList().FindIndex(c => c.Numeral == from);
        Assert.True(index >= 0, $"{style.Name} has no {from}");
        var heaviest = style.Moves[index].MaxBy(m => m.Weight);
        Assert.Single(style.Moves[index], m => m.Weight == heaviest.Weight);
        return style.Chords[heaviest.To].Numeral;
    }
}
