using SeqLang.Compiler.Checks;
using SeqLang.Core.Diagnostics;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Control;

/// <summary>
/// One control, one job: refuses a mapping that listens to a message an earlier mapping already listens to, on a
/// channel both accept (<c>cc 74</c> twice; <c>note 50</c> inside <c>notes 48..63</c>; <c>cc 33</c> and the LSB of
/// <c>cc 1:33</c>), a plain cc that is part of every nrpn/rpn message (6, 38, 98..101) when the file maps one, and two
/// feedbacks lighting the same pad. Without this a press would fire two actions, or an nrpn's data entry would also
/// turn a knob, and the musician would hear something the file does not say.
/// </summary>
internal sealed class ControlOverlaps
{
    private static readonly int[] DataEntryControllers = { 6, 38, 98, 99, 100, 101 };

    private readonly BindContext _context;
    private readonly List<Claim> _claims = new();
    private readonly List<(ControlSource Source, NumberSyntax At)> _plainCcs = new();
    private readonly List<(ControlSource Source, int Line)> _parameters = new();
    private readonly List<(string Port, int Channel, int Note, int Line)> _pads = new();

    public ControlOverlaps(BindContext context) => _context = context;

    /// <summary>What one mapping listens to: a kind (cc, note, nrpn, rpn), a number or range, the channel filter.</summary>
    private sealed record Claim(string Kind, int First, int Last, int? Channel, string Role, int Line);

    /// <summary>Records a mapping; false after reporting when it overlaps an earlier one.</summary>
    public bool Add(ControlMapping mapping, ControlSourceSyntax syntax)
    {
        var line = _context.LineOf(mapping.Span);
        var channel = mapping.Source.Channel;
        var claims = mapping.Source switch
        {
            CcSource cc => new[] { new Claim("cc", cc.Controller, cc.Controller, channel, "", line) },
            Cc14Source pair => new[]
            {
                new Claim("cc", pair.Msb, pair.Msb, channel, $" (as the MSB of cc {pair.Msb}:{pair.Lsb})", line),
                new Claim("cc", pair.Lsb, pair.Lsb, channel, $" (as the LSB of cc {pair.Msb}:{pair.Lsb})", line),
            },
            NrpnSource p => new[] { new Claim("nrpn", p.Msb * 128 + p.Lsb, p.Msb * 128 + p.Lsb, channel, "", line) },
            RpnSource p => new[] { new Claim("rpn", p.Msb * 128 + p.Lsb, p.Msb * 128 + p.Lsb, channel, "", line) },
            NoteSource n => new[] { new Claim("note", n.Note, n.Note, channel, "", line) },
            NoteRangeSource r => new[] { new Claim("note", r.First, r.Last, channel, $" (in notes {r.First}..{r.Last})", line) },
            _ => Array.Empty<Claim>(),
        };
        foreach (var claim in claims)
        {
            foreach (var earlier in _claims)
            {
                if (earlier.Kind != claim.Kind || earlier.Last < claim.First || claim.Last < earlier.First) continue;
                if (earlier.Channel is { } a && claim.Channel is { } b && a != b) continue;
                var shared = Math.Max(earlier.First, claim.First);
                var what = claim.Kind switch
                {
                    "nrpn" or "rpn" => $"{claim.Kind} {shared / 128}:{shared % 128}",
                    _ => $"{claim.Kind} {shared}",
                } + ChannelText(claim.Channel ?? earlier.Channel);
                _context.Report(Codes.ControlAlreadyMapped, syntax.Span, what, earlier.Line, earlier.Role);
                return false;
            }
        }
        _claims.AddRange(claims);
        switch (mapping.Source)
        {
            case CcSource or Cc14Source: _plainCcs.Add((mapping.Source, syntax.Number)); break;
            case NrpnSource or RpnSource: _parameters.Add((mapping.Source, line)); break;
        }
        return true;
    }

    /// <summary>Records a feedback; false after reporting when one of its pads already shows another feedback on the same port and channel.</summary>
    public bool Add(ControlFeedback feedback, FeedbackSyntax syntax)
    {
        var line = _context.LineOf(feedback.Span);
        var (first, last) = feedback switch
        {
            StepsFeedback s => (s.FirstNote, s.LastNote),
            MuteFeedback m => (m.Note, m.Note),
            _ => (0, -1),
        };
        foreach (var pad in _pads)
        {
            if (pad.Channel != feedback.Channel || !string.Equals(pad.Port, feedback.Port, StringComparison.OrdinalIgnoreCase)) continue;
            if (pad.Note < first || pad.Note > last) continue;
            _context.Report(Codes.FeedbackOverlap, syntax.Span, pad.Note, pad.Channel + 1, feedback.Port, pad.Line);
            return false;
        }
        for (var note = first; note <= last; note++) _pads.Add((feedback.Port, feedback.Channel, note, line));
        return true;
    }

    /// <summary>After every mapping is known: a plain cc among 6, 38, 98..101 where an nrpn or rpn is mapped on a channel both accept.</summary>
    public void CheckDataEntry()
    {
        foreach (var (source, at) in _plainCcs)
        {
            var controllers = source switch
            {
                CcSource cc => new[] { cc.Controller },
                Cc14Source pair => new[] { pair.Msb, pair.Lsb },
                _ => Array.Empty<int>(),
            };
            foreach (var controller in controllers.Where(DataEntryControllers.Contains))
            {
                var parameter = _parameters.FirstOrDefault(p => p.Source.Channel is null || source.Channel is null || p.Source.Channel == source.Channel);
                if (parameter.Source is null) continue;
                _context.Report(Codes.DataEntryController, at.Span, controller, parameter.Line);
                break;
            }
        }
    }

    private static string ChannelText(int? channel) => channel is { } c ? $" on channel {c + 1}" : "";
}
