using SeqLang.Compiler.Harmony;

namespace SeqLang.Compiler.Tests.Harmony;

/// <summary>
/// What gravity and damping do, measured. The statistical tests compare two frequencies over 10,000 steps and
/// demand a gap of six binomial standard errors: far beyond chance for independent draws, and still well beyond
/// it for a walk whose steps are correlated, yet easily missed if the feature did nothing. The seeds are fixed,
/// so a pass is a pass on every run.
/// </summary>
public class GravityAndDampingTests
{
    private const int Steps = 10_000;

    public static TheoryData<string> StyleNames() => StyleData.StyleNames();

    private static HarmonyStyle Style(string name) => StyleData.Style(name);

    /// <summary>The share of steps 1..n for which <paramref name="counts"/> holds.</summary>
    private static double Share(HarmonyProgression walk, Func<long, bool> counts)
    {
        var hits = 0;
        for (long step = 1; step <= Steps; step++) if (counts(step)) hits++;
        return hits / (double)Steps;
    }

    private static double SixStandardErrors(double p, double q) =>
        6 * Math.Sqrt(p * (1 - p) / Steps + q * (1 - q) / Steps);

    [Theory]
    [MemberData(nameof(StyleNames))]
    public void FullGravityVisitsTheTonicMoreOftenThanNone(string name)
    {
        var style = Style(name);
        foreach (var seed in new long[] { 5, 77 })
        {
            var loose = new HarmonyProgression(style, 0, NoteSpelling.Sharps, 1, 0, seed);
            var pulled = new HarmonyProgression(style, 0, NoteSpelling.Sharps, 1, 1, seed);
            var p0 = Share(loose, s => style.Chords[loose.ChordIndexAtStep(s)].Function == HarmonicFunction.Tonic);
            var p1 = Share(pulled, s => style.Chords[pulled.ChordIndexAtStep(s)].Function == HarmonicFunction.Tonic);
            Assert.True(p1 - p0 > SixStandardErrors(p0, p1), $"{name}, seed {seed}: tonic share {p0:F3} at G=0, {p1:F3} at G=1");
        }
    }

    [Fact]
    public void GravityMultipliesEachMoveByItsTargetsPull()
    {
        var style = Style("functional_major");
        // I moves to IV 4, V 4, vi 3, ii 2, iii 1: subdominant, dominant, colour, subdominant, colour.
        Assert.Equal(new[] { 4.0, 4, 3, 2, 1 }, TransitionWeights.For(style, 0, null, 0, HarmonyDamping.None));
        Assert.Equal(new[] { 4 * 1.75, 4 * 2.5, 3, 2 * 1.75, 1 }, TransitionWeights.For(style, 0, null, 1, HarmonyDamping.None));
        Assert.Equal(new[] { 4 * 1.375, 4 * 1.75, 3, 2 * 1.375, 1 }, TransitionWeights.For(style, 0, null, 0.5, HarmonyDamping.None));
        // V moves to I 6, vi 3, IV 1; coming from I, the move back home repeats the root of two steps ago.
        var v = style.Chords.ToList().FindIndex(c => c.Numeral == "V");
        Assert.Equal(new[] { 6 * 4 * 0.5, 3, 1 * 1.75 }, TransitionWeights.For(style, v, 0, 1, HarmonyDamping.Standard));
    }

    [Fact]
    public void DampingHoldsBackTheCurrentRootAndTheOneBefore()
    {
        var style = Style("suspended");
        var isus4 = style.Chords.ToList().FindIndex(c => c.Numeral == "Isus4");
        var isus2 = style.Chords.ToList().FindIndex(c => c.Numeral == "Isus2");
        var iv = style.Chords.ToList().FindIndex(c => c.Numeral == "IVsus2");
        // Isus4 moves to Iadd9 8, IVsus2 2, VIsus2 1.
        Assert.Equal(new[] { 8 * 0.25, 2, 1 }, TransitionWeights.For(style, isus4, null, 0, HarmonyDamping.Standard));
        Assert.Equal(new[] { 8 * 0.25 * 0.5, 2, 1 }, TransitionWeights.For(style, isus4, isus2, 0, HarmonyDamping.Standard));
        Assert.Equal(new[] { 8 * 0.25, 2 * 0.5, 1 }, TransitionWeights.For(style, isus4, iv, 0, HarmonyDamping.Standard));
    }

    [Theory]
    [InlineData("suspended")]
    [InlineData("mixolydian")]
    public void DampingLowersHowOftenARootRepeats(string name)
    {
        var style = Style(name);
        var damped = new HarmonyProgression(style, 0, NoteSpelling.Sharps, 1, 0.5, 9);
        var raw = new HarmonyProgression(style, 0, NoteSpelling.Sharps, 1, 0.5, 9, HarmonyDamping.None);
        var pDamped = Share(damped, s => damped.ChordAtStep(s).Root == damped.ChordAtStep(s - 1).Root);
        var pRaw = Share(raw, s => raw.ChordAtStep(s).Root == raw.ChordAtStep(s - 1).Root);
        Assert.True(pRaw - pDamped > SixStandardErrors(pRaw, pDamped), $"{name}: root repeats {pRaw:F3} raw, {pDamped:F3} damped");
    }

    [Theory]
    [MemberData(nameof(StyleNames))]
    public void NoStyleDwellsOnARootForMoreThanThreeChords(string name)
    {
        var walk = new HarmonyProgression(Style(name), 0, NoteSpelling.Sharps, 1, 1, 13);
        var run = 1;
        for (var step = 1; step < Steps; step++)
        {
            run = walk.ChordAtStep(step).Root == walk.ChordAtStep(step - 1).Root ? run + 1 : 1;
            Assert.True(run <= 3, $"{name}: the root of step {step} has been held {run} chords");
        }
    }

    [Fact]
    public void ASelfLoopIsHeldBackButNotForbidden()
    {
        var home = new StyleChord(0, "maj", HarmonicFunction.Tonic);
        var away = new StyleChord(7, "maj", HarmonicFunction.Dominant);
        var sticky = new HarmonyStyle("sticky", null, new[] { home, away },
            new[] { new[] { new StyleEdge(0, 4), new StyleEdge(1, 1) }, new[] { new StyleEdge(0, 1) } });
        var raw = new HarmonyProgression(sticky, 0, NoteSpelling.Sharps, 1, 0, 21, HarmonyDamping.None);
        var damped = new HarmonyProgression(sticky, 0, NoteSpelling.Sharps, 1, 0, 21);
        var pRaw = Share(raw, s => raw.ChordIndexAtStep(s) == 0 && raw.ChordIndexAtStep(s - 1) == 0);
        var pDamped = Share(damped, s => damped.ChordIndexAtStep(s) == 0 && damped.ChordIndexAtStep(s - 1) == 0);
        Assert.True(pRaw - pDamped > SixStandardErrors(pRaw, pDamped), $"stays {pRaw:F3} raw, {pDamped:F3} damped");
        Assert.True(pDamped > 0);

        var only = new HarmonyStyle("only", null, new[] { home }, new[] { new[] { new StyleEdge(0, 1) } });
        var stuck = new HarmonyProgression(only, 2, NoteSpelling.Sharps, 1, 1, 21);
        Assert.All(Enumerable.Range(0, 100), i => Assert.Equal("D", stuck.ChordAtStep(i).Name));
    }
}
