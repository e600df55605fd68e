using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// Walks one track's items: names lanes (<c>play</c>, <c>play2</c>, ...; <c>cc74</c>, <c>cc74_2</c>, ...; <c>bend</c>, <c>bend2</c>, ...), keeps names
/// unique, applies block-level <c>every</c> lines to the lanes of their block (and of <c>in</c> blocks inside it),
/// and hands each lane to <see cref="LaneCompiler"/>.
/// </summary>
internal sealed class TrackLanes
{
    private readonly BindContext _context;
    private readonly string _trackName;
    private readonly LaneCompiler _compiler;
    private readonly Dictionary<string, LaneSyntax> _names = new(StringComparer.Ordinal);
    private readonly List<CompiledLane> _lanes = new();

    public TrackLanes(BindContext context, PieceSettings settings, string trackName, int trackIndex, int channel,
        IReadOnlyDictionary<string, int>? kit, string kitLabel, bool hasHarmony, LaneDefinitions definitions, int bendRange)
    {
        _context = context;
        _trackName = trackName;
        _compiler = new LaneCompiler(context, settings, trackName, trackIndex, channel, kit, kitLabel, hasHarmony, definitions, bendRange);
    }

    public List<CompiledLane> Bind(IReadOnlyList<TrackItemSyntax> items)
    {
        Walk(items, null, new List<ModifierSyntax>());
        return _lanes;
    }

    private void Walk(IReadOnlyList<TrackItemSyntax> items, IReadOnlySet<string>? sections, List<ModifierSyntax> outerEvery)
    {
        var every = new List<ModifierSyntax>(outerEvery);
        foreach (var item in items)
            if (item is EveryItemSyntax e) every.Add(e.Every);
        foreach (var item in items)
        {
            switch (item)
            {
                case LaneSyntax lane:
                    if (Name(lane) is { } name && _compiler.Compile(lane, name, _lanes.Count, sections, every) is { } compiled)
                        _lanes.Add(compiled);
                    break;
                case InBlockSyntax block when sections is not null:
                    _context.Report(Codes.NestedInBlock, new Core.Text.SourceSpan(block.Span.Start, 2));
                    break;
                case InBlockSyntax block:
                    var set = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var s in block.Sections)
                        if (!set.Add(s.Text)) _context.Report(Codes.RepeatedSection, s.Span, s.Text);
                    Walk(block.Items, set, every);
                    break;
            }
        }
    }

    private string? Name(LaneSyntax lane)
    {
        string name;
        if (lane.IsControl)
        {
            var stem = "cc" + lane.Controller!.Text;
            name = Unused(stem, n => $"{stem}_{n}");
        }
        else if (lane.IsBend || lane.IsTouch)
        {
            var stem = lane.Name.Text;
            name = Unused(stem, n => $"{stem}{n}");
        }
        else if (lane.IsPlay)
        {
            name = Unused("play", n => $"play{n}");
        }
        else
        {
            name = lane.Name.Text;
            if (_names.TryGetValue(name, out var first))
            {
                _context.Report(Codes.RepeatedLane, lane.Name.Span, _trackName, name, _context.LineOf(first.Span));
                return null;
            }
        }
        _names[name] = lane;
        return name;
    }

    private string Unused(string first, Func<int, string> numbered)
    {
        if (!_names.ContainsKey(first)) return first;
        // Names are only ever added, so the first free number only grows: each search starts past the last one found
        // (a track of sixteen play lanes made every name from play2 up again for each).
        for (var n = _lastNumbered.GetValueOrDefault(first, 1) + 1; ; n++)
        {
            var name = numbered(n);
            if (_names.ContainsKey(name)) continue;
            _lastNumbered[first] = n;
            return name;
        }
    }

    /// <summary>The number <see cref="Unused"/> last gave each stem.</summary>
    private readonly Dictionary<string, int> _lastNumbered = new(StringComparer.Ordinal);
}
