using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Form;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Music;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Control;

/// <summary>
/// What live-control actions may name: the compiled tracks and lanes (<c>track</c>, <c>track.lane</c>), the form's
/// sections, and the strings of lanes that pads edit. Reports unknown names with suggestions.
/// </summary>
internal sealed class ControlTargets
{
    private readonly BindContext _context;
    private readonly IReadOnlyList<CompiledTrack> _tracks;
    private readonly FormGraph? _form;
    private readonly IReadOnlyDictionary<string, Dictionary<string, int>> _kits;
    private readonly IEnumerable<TrackSyntax> _trackSyntax;
    private Dictionary<int, LaneSyntax>? _laneSyntax;
    private readonly bool _quiet;

    /// <param name="context">The source and the bag.</param>
    /// <param name="tracks">The compiled tracks.</param>
    /// <param name="trackSyntax">The tracks as written: where each lane's string is.</param>
    /// <param name="form">The file's form (<see cref="FormGraph.WholePiece"/> when it has none); null when the form has errors.</param>
    /// <param name="kits">The file's user kits, to tell lanes named after a drum.</param>
    /// <param name="quiet">
    /// True when the file already has errors: a lane or track that failed to compile is missing from
    /// <paramref name="tracks"/>, so "no such lane" would be a second report of the same mistake.
    /// </param>
    public ControlTargets(BindContext context, IReadOnlyList<CompiledTrack> tracks, IEnumerable<TrackSyntax> trackSyntax, FormGraph? form,
        IReadOnlyDictionary<string, Dictionary<string, int>> kits, bool quiet)
    {
        _context = context;
        _tracks = tracks;
        _form = form;
        _kits = kits;
        _quiet = quiet;
        _trackSyntax = trackSyntax;
    }

    /// <summary>
    /// Every lane as written, by where its name starts; gathered when first asked for, as most files control no lane
    /// and a file of 5,000 lines has 4,482 lanes.
    /// </summary>
    private Dictionary<int, LaneSyntax> LaneSyntax()
    {
        if (_laneSyntax is { } known) return known;
        var lanes = new Dictionary<int, LaneSyntax>();
        foreach (var track in _trackSyntax) Collect(track.Items, lanes);
        return _laneSyntax = lanes;
    }

    private static void Collect(IReadOnlyList<TrackItemSyntax> items, Dictionary<int, LaneSyntax> into)
    {
        foreach (var item in items)
        {
            if (item is LaneSyntax lane) into[lane.Name.Span.Start] = lane;
            else if (item is InBlockSyntax block) Collect(block.Items, into);
        }
    }

    /// <summary>A track (lane null) or one of its lanes, or null after reporting.</summary>
    public (int Track, int? Lane)? Target(LaneRefSyntax target)
    {
        if (Track(target.Track) is not { } track) return null;
        if (target.Lane is null) return (track.Index, null);
        return LaneOf(track, target.Lane) is { } lane ? (track.Index, lane.LaneIndex) : null;
    }

    /// <summary>The lane a knob or pads act on (written <c>track.lane</c>), or null after reporting.</summary>
    public CompiledLane? Lane(string action, LaneRefSyntax target)
    {
        if (Track(target.Track) is not { } track) return null;
        if (target.Lane is null)
        {
            var example = track.Lanes.Count > 0 ? track.Lanes[0].Name : "lane";
            _context.Report(Codes.ExpectedLane, target.Span, action, track.Name, example);
            return null;
        }
        return LaneOf(track, target.Lane);
    }

    /// <summary>The section <c>next</c> or <c>jump</c> names, or null after reporting.</summary>
    public string? Section(string verb, LaneRefSyntax target)
    {
        if (target.Lane is not null)
        {
            _context.Report(Codes.ExpectedSection, target.Span, verb, target.Text);
            return null;
        }
        var name = target.Track.Text;
        if (_form is null) return null;
        if (_form.Kind == FormKind.WholePiece)
        {
            _context.Report(Codes.ControlWithoutForm, target.Span, verb, name);
            return null;
        }
        if (_form.SectionNames.Contains(name)) return name;
        _context.Report(Codes.UnknownControlSection, target.Span, name, Suggestions.DidYouMean(name, _form.SectionNames));
        return null;
    }

    /// <summary>The steps of a lane that pads edit or show, or null after reporting why it has none.</summary>
    public LaneSteps? Steps(string action, LaneRefSyntax target)
    {
        if (Lane(action, target) is not { } lane) return null;
        if (!LaneSyntax().TryGetValue(lane.Span.Start, out var syntax)) return null;
        if (syntax.Mini is null)
        {
            _context.Report(Codes.LaneNotSteppable, target.Span, lane.FullName, "its value is a signal read every step, not a string of steps");
            return null;
        }
        var steps = LaneSteps.Read(lane.TrackIndex, lane.LaneIndex, lane.FullName, syntax.Mini, IsDrumNamed(lane), out var reason);
        if (steps is not null) return steps;
        if (reason is not null) _context.Report(Codes.LaneNotSteppable, target.Span, lane.FullName, reason);
        else _context.Report(Codes.NothingToTurnOn, target.Span, lane.FullName);
        return null;
    }

    /// <summary>The lane as written (its modifiers and value), or null when it is not in the file's tracks.</summary>
    public LaneSyntax? SyntaxOf(CompiledLane lane) => LaneSyntax().GetValueOrDefault(lane.Span.Start);

    /// <summary>The bend range in semitones of the lane's track (SPEC §13).</summary>
    public int BendRangeOf(CompiledLane lane) => _tracks[lane.TrackIndex].BendRange;

    private bool IsDrumNamed(CompiledLane lane)
    {
        if (lane.Kind != LaneKind.Drums) return false;
        var kit = _tracks[lane.TrackIndex].Kit;
        IReadOnlyDictionary<string, int>? drums = kit == "gm" ? GmDrums.All : kit is not null && _kits.TryGetValue(kit, out var user) ? user : null;
        return drums?.ContainsKey(lane.Name) == true;
    }

    private CompiledTrack? Track(NameSyntax name)
    {
        var track = _tracks.FirstOrDefault(t => t.Name == name.Text);
        if (track is null && !_quiet)
            _context.Report(Codes.UnknownControlTrack, name.Span, name.Text, Suggestions.DidYouMean(name.Text, _tracks.Select(t => t.Name)));
        return track;
    }

    private CompiledLane? LaneOf(CompiledTrack track, NameSyntax name)
    {
        var lane = track.Lanes.FirstOrDefault(l => l.Name == name.Text);
        if (lane is null && !_quiet)
            _context.Report(Codes.UnknownControlLane, name.Span, track.Name, name.Text, Suggestions.DidYouMean(name.Text, track.Lanes.Select(l => l.Name)));
        return lane;
    }
}
