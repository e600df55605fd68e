using System.Collections.ObjectModel;
using SeqLang.Compiler.Music;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// A chord as harmony supplies it: a root pitch class, a quality of SPEC §3 (its intervals, semitones above
/// the root), an optional bass pitch class (a slash chord, <c>C/E</c>) and a display name (<c>Em7</c>,
/// <c>F#m7b5</c>, <c>Bbmaj7</c>, <c>C/E</c>). Two chords are equal when they sound the same (root, quality,
/// bass); the name is only how one was spelled, so <c>C#m</c> equals <c>Dbm</c>.
/// </summary>
public sealed class Chord : IEquatable<Chord>
{
    private readonly int[] _intervals;

    /// <param name="root">Pitch class 0..11, 0 = C.</param>
    /// <param name="quality">A §3 quality name; empty is read as <c>maj</c>.</param>
    /// <param name="bass">The bass pitch class of a slash chord, or null.</param>
    /// <param name="name">How the chord is displayed.</param>
    public Chord(int root, string quality, int? bass, string name)
    {
        if (root is < 0 or > 11) throw new ArgumentOutOfRangeException(nameof(root), root, "a root pitch class is 0 to 11");
        if (bass is < 0 or > 11) throw new ArgumentOutOfRangeException(nameof(bass), bass, "a bass pitch class is 0 to 11");
        if (!ChordQuality.TryGet(quality, out var intervals))
            throw new ArgumentException($"'{quality}' is not a chord quality of SPEC §3", nameof(quality));
        Root = root;
        Quality = quality.Length == 0 ? "maj" : quality;
        // ChordQuality hands out its own table's array; a copy keeps callers from changing every chord at once.
        _intervals = (int[])intervals.Clone();
        Intervals = Array.AsReadOnly(_intervals);
        Bass = bass;
        Name = name;
    }

    /// <summary>A chord named in <paramref name="spelling"/>, e.g. root 10 with <c>maj7</c> in flats is <c>Bbmaj7</c>.</summary>
    public static Chord Spelled(int root, string quality, NoteSpelling spelling, int? bass = null) =>
        new(root, quality, bass, NameOf(KeySpelling.Name(root, spelling), quality,
            bass is { } b ? KeySpelling.Name(b, spelling) : null));

    /// <summary>A lead-sheet name: root, the quality's suffix (none for major) and <c>/bass</c> when there is one.</summary>
    public static string NameOf(string rootName, string quality, string? bassName) =>
        rootName + (quality is "" or "maj" ? "" : quality) + (bassName is null ? "" : "/" + bassName);

    /// <summary>Pitch class of the root, 0..11 (0 = C).</summary>
    public int Root { get; }

    /// <summary>The §3 quality name; major is <c>maj</c>.</summary>
    public string Quality { get; }

    /// <summary>Semitones above the root, ascending, starting with 0 (a 13th chord reaches 21).</summary>
    public ReadOnlyCollection<int> Intervals { get; }

    /// <summary>The bass pitch class of a slash chord, or null.</summary>
    public int? Bass { get; }

    public string Name { get; }

    /// <summary>Every pitch class the chord sounds, the bass included, in interval order and without repeats.</summary>
    public IReadOnlyList<int> PitchClasses
    {
        get
        {
            var classes = _intervals.Select(i => (Root + i) % 12).ToList();
            if (Bass is { } bass) classes.Insert(0, bass);
            return classes.Distinct().ToList();
        }
    }

    public bool Equals(Chord? other) =>
        other is not null && Root == other.Root && Quality == other.Quality && Bass == other.Bass;

    public override bool Equals(object? obj) => obj is Chord other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(Root, Quality, Bass);

    public override string ToString() => Name;
}
