using SeqLang.Compiler.Music;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// A <c>harmony</c> style (SPEC §4): a weighted graph of chords relative to the key's tonic. The first chord is
/// the tonic chord, where every progression starts; <see cref="Moves"/> lists, for each chord, where it may go
/// next and with what weight, in a fixed order that the random walk relies on. A style with a
/// <see cref="ModeName"/> brings its own mode and is rooted on the key's tonic (C major with
/// <c>aeolian_minor</c> plays in C aeolian): every chord of such a style sounds only tones of that mode.
/// </summary>
public sealed class HarmonyStyle
{
    /// <summary>Checks the graph: it must be whole, because a walk that met a dangling edge would have nowhere to go.</summary>
    /// <exception cref="ArgumentException">The graph is empty, has an edge to no chord, a chord with no moves, a weight below 1, two chords with one numeral, or a first chord off the tonic.</exception>
    public HarmonyStyle(string name, string? modeName, IReadOnlyList<StyleChord> chords, IReadOnlyList<IReadOnlyList<StyleEdge>> moves)
    {
        int[]? mode = null;
        if (modeName is not null && !Scales.TryGet(modeName, out mode))
            throw new ArgumentException($"style '{name}': '{modeName}' is not a built-in mode", nameof(modeName));
        if (chords.Count == 0 || chords.Count > byte.MaxValue + 1)
            throw new ArgumentException($"style '{name}' needs 1 to 256 chords, not {chords.Count}", nameof(chords));
        if (chords[0].Offset != 0)
            throw new ArgumentException($"style '{name}' must start on the tonic, not on {chords[0].Numeral}", nameof(chords));
        if (moves.Count != chords.Count)
            throw new ArgumentException($"style '{name}' has {chords.Count} chords but moves for {moves.Count}", nameof(moves));
        var numerals = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < chords.Count; i++)
        {
            if (chords[i].Offset is < 0 or > 11 || !ChordQuality.TryGet(chords[i].Quality, out _))
                throw new ArgumentException($"style '{name}': chord {i} has offset {chords[i].Offset} and quality '{chords[i].Quality}'", nameof(chords));
            if (!numerals.Add(chords[i].Numeral))
                throw new ArgumentException($"style '{name}' has {chords[i].Numeral} twice", nameof(chords));
            if (moves[i].Count == 0)
                throw new ArgumentException($"style '{name}': {chords[i].Numeral} has no moves", nameof(moves));
            foreach (var edge in moves[i])
            {
                if (edge.To < 0 || edge.To >= chords.Count)
                    throw new ArgumentException($"style '{name}': {chords[i].Numeral} moves to chord {edge.To}, which is not in the graph", nameof(moves));
                if (edge.Weight < 1)
                    throw new ArgumentException($"style '{name}': {chords[i].Numeral} -> {chords[edge.To].Numeral} has weight {edge.Weight}; weights are at least 1", nameof(moves));
            }
        }
        Name = name;
        ModeName = modeName;
        Mode = mode is null ? null : Array.AsReadOnly((int[])mode.Clone());
        Chords = chords.ToArray();
        Moves = moves.Select(m => (IReadOnlyList<StyleEdge>)m.ToArray()).ToArray();
    }

    public string Name { get; }

    /// <summary>The mode every chord keeps to (a name of <c>Scales</c>), or null for a chromatic style.</summary>
    public string? ModeName { get; }

    /// <summary>The steps of <see cref="ModeName"/> above the tonic, or null.</summary>
    public IReadOnlyList<int>? Mode { get; }

    /// <summary>The graph's chords; index 0 is the tonic chord.</summary>
    public IReadOnlyList<StyleChord> Chords { get; }

    /// <summary>For each chord (same index as <see cref="Chords"/>), its moves in their fixed order.</summary>
    public IReadOnlyList<IReadOnlyList<StyleEdge>> Moves { get; }

    /// <summary>
    /// Chord <paramref name="index"/> of the graph on a tonic of pitch class <paramref name="tonic"/>. A style with a
    /// seven-note mode names every chord in <paramref name="keySpelling"/>, the spelling of its key signature
    /// (G# aeolian's bVII is F#). The other styles wander off any key signature, so a chord whose numeral has an
    /// accidental is named by it: bIII and bVI take flats (Eb and Ab over C, Bb over G), #IV takes sharps; chords
    /// on the key's own degrees keep <paramref name="keySpelling"/>.
    /// </summary>
    public Chord ChordInKey(int index, int tonic, NoteSpelling keySpelling)
    {
        var chord = Chords[index];
        var spelling = keySpelling;
        if (Mode is not { Count: 7 })
        {
            if (chord.Numeral.StartsWith('b')) spelling = NoteSpelling.Flats;
            else if (chord.Numeral.StartsWith('#')) spelling = NoteSpelling.Sharps;
        }
        return chord.InKey(tonic, spelling);
    }

    public override string ToString() => Name;
}
