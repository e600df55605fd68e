namespace SeqLang.Cli.Tests.Support;

/// <summary>
/// Reads the chord names `seq events` prints (<c>F#m7b5</c>, <c>Bbmaj7</c>, <c>C/E</c>) with the intervals of
/// SPEC §3's qualities as music theory spells them, written out here rather than taken from the compiler, so a
/// test can say which notes a printed chord must sound without trusting the code that printed it.
/// </summary>
public static class ChordNames
{
    public sealed record Parsed(int Root, IReadOnlyList<int> Intervals, int? Bass)
    {
        /// <summary>The pitch classes the chord sounds, the bass included.</summary>
        public IReadOnlySet<int> PitchClasses => Intervals.Select(i => (Root + i) % 12).Concat(Bass is { } b ? new[] { b } : Array.Empty<int>()).ToHashSet();

        /// <summary>Root position with the root at (octave + 1) × 12 + root, as docs/harmony.md's close voicing has it, slash bass an octave under.</summary>
        public IReadOnlyList<int> Close(int octave)
        {
            var root = (octave + 1) * 12 + Root;
            var notes = Intervals.Select(i => root + i).ToList();
            if (Bass is { } bass) notes.Insert(0, octave * 12 + bass);
            return notes;
        }
    }

    private static readonly Dictionary<string, int[]> Qualities = new(StringComparer.Ordinal)
    {
        [""] = new[] { 0, 4, 7 },
        ["m"] = new[] { 0, 3, 7 },
        ["7"] = new[] { 0, 4, 7, 10 },
        ["maj7"] = new[] { 0, 4, 7, 11 },
        ["m7"] = new[] { 0, 3, 7, 10 },
        ["dim"] = new[] { 0, 3, 6 },
        ["dim7"] = new[] { 0, 3, 6, 9 },
        ["aug"] = new[] { 0, 4, 8 },
        ["sus2"] = new[] { 0, 2, 7 },
        ["sus4"] = new[] { 0, 5, 7 },
        ["6"] = new[] { 0, 4, 7, 9 },
        ["m6"] = new[] { 0, 3, 7, 9 },
        ["9"] = new[] { 0, 4, 7, 10, 14 },
        ["maj9"] = new[] { 0, 4, 7, 11, 14 },
        ["m9"] = new[] { 0, 3, 7, 10, 14 },
        ["add9"] = new[] { 0, 4, 7, 14 },
        ["m7b5"] = new[] { 0, 3, 6, 10 },
        ["7sus4"] = new[] { 0, 5, 7, 10 },
        ["11"] = new[] { 0, 4, 7, 10, 14, 17 },
        ["13"] = new[] { 0, 4, 7, 10, 14, 17, 21 },
    };

    /// <summary>Pitch class of a note name: <c>C</c> 0, <c>F#</c> 6, <c>Bb</c> 10.</summary>
    public static int PitchClass(string name)
    {
        var pc = "C D EF G A B".IndexOf(name[0], StringComparison.Ordinal);
        if (pc < 0) throw new FormatException($"'{name}' does not start with a note letter");
        foreach (var accidental in name[1..]) pc += accidental == '#' ? 1 : accidental == 'b' ? -1 : throw new FormatException(name);
        return (pc % 12 + 12) % 12;
    }

    public static Parsed Parse(string name)
    {
        var slash = name.IndexOf('/');
        var head = slash < 0 ? name : name[..slash];
        var rootLength = head.Length > 1 && head[1] is '#' or 'b' ? 2 : 1;
        var quality = head[rootLength..];
        if (!Qualities.TryGetValue(quality, out var intervals)) throw new FormatException($"'{name}': unknown quality '{quality}'");
        return new Parsed(PitchClass(head[..rootLength]), intervals, slash < 0 ? null : PitchClass(name[(slash + 1)..]));
    }
}
