using SeqLang.Compiler.Harmony;

namespace SeqLang.Compiler.Tests.Harmony;

/// <summary>Voicings close, open and lead, chord tones in tones mode, and the root (SPEC §3).</summary>
public class ChordVoicingTests
{
    private static Chord C(string symbol) =>
        ChordSymbolParser.TryParse(symbol, out var chord, out var error) ? chord : throw new ArgumentException(error);

    [Theory]
    [InlineData("C", 4, new[] { 60, 64, 67 })]
    [InlineData("Am7", 3, new[] { 57, 60, 64, 67 })]
    [InlineData("B", 4, new[] { 71, 75, 78 })]
    [InlineData("C13", 4, new[] { 60, 64, 67, 70, 74, 77, 81 })]
    [InlineData("C/E", 4, new[] { 52, 60, 64, 67 })]
    [InlineData("G/B", 2, new[] { 35, 43, 47, 50 })]
    public void CloseStacksFromTheRootWithTheSlashBassAnOctaveBelow(string symbol, int octave, int[] expected) =>
        Assert.Equal(expected, ChordVoicing.Voice(C(symbol), octave, Voicing.Close));

    [Theory]
    [InlineData("C", new[] { 60, 67, 76 })]
    [InlineData("Cmaj7", new[] { 60, 67, 76, 83 })]
    [InlineData("C9", new[] { 60, 67, 74, 76, 82 })]
    [InlineData("Csus2", new[] { 60, 67, 74 })]
    [InlineData("F/A", new[] { 57, 65, 72, 81 })]
    public void OpenKeepsTheRootAndRaisesEveryOtherToneAnOctave(string symbol, int[] expected) =>
        Assert.Equal(expected, ChordVoicing.Voice(C(symbol), 4, Voicing.Open));

    [Fact]
    public void LeadStartsClosedThenTakesTheNearestInversion()
    {
        var c = ChordVoicing.Voice(C("C"), 4, Voicing.Lead, null);
        Assert.Equal(new[] { 60, 64, 67 }, c);
        Assert.Equal(new[] { 60, 65, 69 }, ChordVoicing.Voice(C("F"), 4, Voicing.Lead, c));
        Assert.Equal(new[] { 59, 62, 67 }, ChordVoicing.Voice(C("G"), 4, Voicing.Lead, c));
        Assert.Equal(new[] { 60, 64, 69 }, ChordVoicing.Voice(C("Am"), 4, Voicing.Lead, c));
    }

    [Fact]
    public void LeadBreaksTiesTowardTheLowerVoicing()
    {
        // From F# A# C# (66 70 73), C major's first inversion (64 67 72) and second (67 72 76) both move 6.
        Assert.Equal(new[] { 64, 67, 72 }, ChordVoicing.Voice(C("C"), 4, Voicing.Lead, new[] { 66, 70, 73 }));
    }

    [Fact]
    public void LeadKeepsASlashBassLowestAndStaysNearTheBaseOctave()
    {
        var far = new[] { 30, 34, 37 };
        var voiced = ChordVoicing.Voice(C("C/E"), 4, Voicing.Lead, far);
        Assert.Equal(52, voiced[0]);
        Assert.True(voiced.Skip(1).All(p => p > 52));
        Assert.InRange(voiced[1], 48, 71);
        var high = ChordVoicing.Voice(C("C"), 4, Voicing.Lead, new[] { 100, 104, 107 });
        Assert.InRange(high[0], 48, 71);
    }

    [Theory]
    [InlineData("functional_major")]
    [InlineData("turnaround")]
    public void LeadMovesLessThanRootPositionOverAProgression(string style)
    {
        Assert.True(HarmonyStyles.TryGet(style, out var graph));
        foreach (var seed in new long[] { 1, 2, 3, 42 })
        {
            var walk = new HarmonyProgression(graph, 2, NoteSpelling.Sharps, 1, 0.5, seed);
            int[]? lead = null, close = null;
            int leadTotal = 0, closeTotal = 0;
            for (var step = 0; step < 64; step++)
            {
                var chord = walk.ChordAtStep(step);
                var nextLead = ChordVoicing.Voice(chord, 4, Voicing.Lead, lead);
                var nextClose = ChordVoicing.Voice(chord, 4, Voicing.Close);
                Assert.Equal(chord.PitchClasses.Order(), nextLead.Select(p => p % 12).Distinct().Order());
                if (lead is not null) leadTotal += VoiceMovement.Between(lead, nextLead);
                if (close is not null) closeTotal += VoiceMovement.Between(close, nextClose);
                lead = nextLead;
                close = nextClose;
            }
            Assert.True(2 * leadTotal < closeTotal, $"{style}, seed {seed}: lead moved {leadTotal} semitones, close {closeTotal}");
        }
    }

    [Fact]
    public void MovementPairsVoicesByPitchOrNearestNotes()
    {
        Assert.Equal(3, VoiceMovement.Between(new[] { 60, 64, 67 }, new[] { 60, 65, 69 }));
        Assert.Equal(3, VoiceMovement.Between(new[] { 67, 64, 60 }, new[] { 69, 60, 65 }));
        // Three notes to four: C E G to C E G Bb charges Bb its 3 semitones to G, and nothing else.
        Assert.Equal(3, VoiceMovement.Between(new[] { 60, 64, 67 }, new[] { 60, 64, 67, 70 }));
    }

    [Theory]
    [InlineData("C", 0, 60)]
    [InlineData("C", 1, 64)]
    [InlineData("C", 2, 67)]
    [InlineData("C", 3, 72)]
    [InlineData("C", 4, 76)]
    [InlineData("C", 6, 84)]
    [InlineData("C", -1, 55)]
    [InlineData("C", -3, 48)]
    [InlineData("C", -4, 43)]
    [InlineData("G7", 7, 89)]
    [InlineData("G7", -1, 65)]
    [InlineData("C9", 4, 74)]
    [InlineData("C9", 5, 72)]
    [InlineData("C/E", 0, 60)]
    public void TonesIndexTheChordAndRepeatByOctaves(string symbol, int index, int midi) =>
        Assert.Equal(midi, ChordVoicing.ChordTone(C(symbol), index, 4));

    [Fact]
    public void RootIsTheRootInTheOctaveEvenOverASlashBass()
    {
        Assert.Equal(57, ChordVoicing.Root(C("Am"), 3));
        Assert.Equal(60, ChordVoicing.Root(C("C/E"), 4));
        Assert.Equal(0, ChordVoicing.Root(C("C"), -1));
    }

    [Theory]
    [InlineData("close", (int)Voicing.Close)]
    [InlineData("open", (int)Voicing.Open)]
    [InlineData("lead", (int)Voicing.Lead)]
    public void VoicingWords(string word, int voicing)
    {
        Assert.True(ChordVoicing.TryParseVoicing(word, out var parsed));
        Assert.Equal((Voicing)voicing, parsed);
        Assert.False(ChordVoicing.TryParseVoicing("Lead", out _));
    }
}
