using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Music;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Lanes;

/// <summary>Checks tracks (SPEC §3: channel, program, bank, kit, unique names) and compiles their lanes.</summary>
internal sealed class TrackBinder
{
    private readonly BindContext _context;
    private readonly PieceSettings _settings;
    private readonly IReadOnlyDictionary<string, Dictionary<string, int>> _kits;
    private readonly bool _hasHarmony;
    private readonly LaneDefinitions _definitions;

    public TrackBinder(BindContext context, PieceSettings settings, IReadOnlyDictionary<string, Dictionary<string, int>> kits, bool hasHarmony,
        LaneDefinitions definitions)
    {
        _definitions = definitions;
        _context = context;
        _settings = settings;
        _kits = kits;
        _hasHarmony = hasHarmony;
    }

    public List<CompiledTrack> Bind(IReadOnlyList<TrackSyntax> tracks)
    {
        var result = new List<CompiledTrack>();
        var names = new Dictionary<string, TrackSyntax>(StringComparer.Ordinal);
        foreach (var track in tracks)
        {
            if (names.TryGetValue(track.Name.Text, out var first))
            {
                _context.Report(Codes.RepeatedTrack, track.Name.Span, track.Name.Text, _context.LineOf(first.Span));
                continue;
            }
            names[track.Name.Text] = track;
            if (BindTrack(track, result.Count) is { } bound) result.Add(bound);
        }
        return result;
    }

    private CompiledTrack? BindTrack(TrackSyntax track, int index)
    {
        int? channel = null, program = null, bankMsb = null, bankLsb = null;
        var bendRange = 2;
        NameSyntax? kitName = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in track.Options)
        {
            if (!seen.Add(option.Keyword.Text)) { _context.Report(Codes.RepeatedOption, option.Keyword.Span, option.Keyword.Text, track.Name.Text); continue; }
            switch (option.Keyword.Text)
            {
                case "channel": channel = _context.Integer(option.Value!, 1, 16, Codes.ChannelOutOfRange); break;
                case "program": program = _context.Integer(option.Value!, 0, 127, Codes.ProgramOutOfRange); break;
                case "bank":
                    bankMsb = _context.Integer(option.Value!, 0, 127, Codes.BankOutOfRange);
                    if (option.Value2 is { } lsb) bankLsb = _context.Integer(lsb, 0, 127, Codes.BankOutOfRange);
                    break;
                case "kit": kitName = option.Name; break;
                case "bend": bendRange = _context.Integer(option.Value!, 1, 24, Codes.BendRangeOutOfRange) ?? bendRange; break;
            }
        }
        if (!seen.Contains("channel")) _context.Report(Codes.MissingChannel, track.Name.Span, track.Name.Text);

        IReadOnlyDictionary<string, int>? kit = null;
        var kitLabel = "gm";
        if (kitName is not null)
        {
            kitLabel = kitName.Text;
            if (kitName.Text == "gm") kit = GmDrums.All;
            else if (_kits.TryGetValue(kitName.Text, out var userKit)) kit = userKit;
            else _context.Report(Codes.UnknownKit, kitName.Span, kitName.Text, Suggestions.DidYouMean(kitName.Text, _kits.Keys.Append("gm")));
        }
        else if (channel == 10)
        {
            kit = GmDrums.All;
        }

        if (channel is null) return null;
        var lanes = new TrackLanes(_context, _settings, track.Name.Text, index, channel.Value - 1, kit, kitLabel, _hasHarmony, _definitions, bendRange).Bind(track.Items);
        // SPEC §13: a track that bends tells the synth its range first.
        var bending = lanes.Where(l => l.Kind == LaneKind.Bend || l.Glide is not null).ToList();
        var gliding = lanes.Where(l => l.Glide is not null).SelectMany(l => l.Channels ?? new[] { channel.Value - 1 }).ToHashSet();
        foreach (var bend in lanes.Where(l => l.Kind == LaneKind.Bend))
            foreach (var shared in (bend.Channels ?? new[] { channel.Value - 1 }).Where(gliding.Contains))
                _context.Report(Codes.GlideMeetsBendLane, bend.Span, track.Name.Text, shared + 1);
        var bendChannels = bending.SelectMany(l => l.Channels ?? new[] { channel.Value - 1 }).Distinct().Order().ToArray();
        return new CompiledTrack(index, track.Name.Text, channel.Value - 1, program, bankMsb, bankLsb, kit is null ? null : kitLabel, _context.KeepLanes ? lanes : [], track.Span, bendRange,
            bending.Count > 0, bending.Count > 0 ? bendChannels : null, kit);
    }
}
