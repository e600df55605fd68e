namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Writes a style's graph the way the docs show it, chords named by Roman numeral, so the code reads like the
/// table: <c>.Moves("ii", ("V", 5), ("V7", 3))</c>. A numeral that names no chord throws at start-up.
/// </summary>
internal sealed class StyleGraphBuilder
{
    private readonly string _name;
    private readonly string? _modeName;
    private readonly List<StyleChord> _chords = new();
    private readonly Dictionary<string, List<StyleEdge>> _moves = new(StringComparer.Ordinal);

    public StyleGraphBuilder(string name, string? modeName)
    {
        _name = name;
        _modeName = modeName;
    }

    public StyleGraphBuilder Chord(int offset, string quality, HarmonicFunction function)
    {
        _chords.Add(new StyleChord(offset, quality, function));
        return this;
    }

    public StyleGraphBuilder Moves(string from, params (string To, int Weight)[] moves)
    {
        if (!_moves.TryGetValue(from, out var list)) _moves[from] = list = new List<StyleEdge>();
        foreach (var (to, weight) in moves) list.Add(new StyleEdge(IndexOf(to), weight));
        IndexOf(from);
        return this;
    }

    public HarmonyStyle Build() => new(_name, _modeName, _chords,
        _chords.Select(c => (IReadOnlyList<StyleEdge>)(_moves.TryGetValue(c.Numeral, out var m) ? m : new List<StyleEdge>())).ToList());

    private int IndexOf(string numeral)
    {
        var index = _chords.FindIndex(c => c.Numeral == numeral);
        if (index < 0) throw new InvalidOperationException($"style '{_name}' names {numeral}, which is not one of its chords");
        return index;
    }
}
