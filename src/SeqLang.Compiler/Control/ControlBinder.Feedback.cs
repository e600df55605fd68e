using SeqLang.Compiler.Checks;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Control;

internal sealed partial class ControlBinder
{
    /// <summary>Feedback velocities by default: 0 is dark on every device, 127 full and 64 half brightness where velocity is brightness.</summary>
    public const int DefaultOff = 0, DefaultOn = 127, DefaultPlayhead = 64;

    private static readonly string[] FeedbackKinds = { "steps", "mute" };

    // feedback "PORT" steps LANE notes A..B [channel N] [off V] [on V] [playhead V]
    // feedback "PORT" mute TARGET note N [channel N] [off V] [on V]
    private ControlFeedback? BindFeedback(FeedbackSyntax f)
    {
        var isSteps = f.Kind.Text == "steps";
        if (!isSteps && f.Kind.Text != "mute")
        {
            _context.Report(Codes.UnknownFeedbackKind, f.Kind.Span, f.Kind.Text, Suggestions.DidYouMean(f.Kind.Text, FeedbackKinds));
            return null;
        }
        var ok = Options(f, isSteps, out var channel, out var off, out var on, out var playhead);
        int? first, last = null;
        if (isSteps)
        {
            if (f.NotesWord.Text != "notes" || f.Last is null)
            {
                _context.Report(Codes.BadFeedbackNotes, SourceSpan.FromBounds(f.NotesWord.Span.Start, (f.Last ?? f.First).Span.End), "steps", "a range of notes, one pad per step, e.g. 'notes 48..63'");
                return null;
            }
            first = Midi(f.First, "note");
            last = Midi(f.Last, "note");
            if (first > last) { _context.Report(Codes.NotesRangeReversed, SourceSpan.FromBounds(f.First.Span.Start, f.Last.Span.End), last, first); return null; }
            var steps = _targets.Steps("steps", f.Target);
            if (steps is null || first is null || last is null || !ok) return null;
            CheckPads(steps, first.Value, last.Value, f.Target.Span);
            return new StepsFeedback(f.Port.Content, channel, steps.Track, steps.Lane, first.Value, last.Value, off, on, playhead, steps, Text(f.Span), f.Span);
        }
        if (f.NotesWord.Text != "note" || f.Last is not null)
        {
            _context.Report(Codes.BadFeedbackNotes, SourceSpan.FromBounds(f.NotesWord.Span.Start, (f.Last ?? f.First).Span.End), "mute", "one note, e.g. 'note 36'");
            return null;
        }
        first = Midi(f.First, "note");
        var target = _targets.Target(f.Target);
        if (first is null || target is not { } t || !ok) return null;
        return new MuteFeedback(f.Port.Content, channel, t.Track, t.Lane, first.Value, off, on, Text(f.Span), f.Span);
    }

    private bool Options(FeedbackSyntax f, bool isSteps, out int channel, out int off, out int on, out int playhead)
    {
        channel = 0;
        off = DefaultOff;
        on = DefaultOn;
        playhead = DefaultPlayhead;
        var ok = true;
        var known = isSteps ? new[] { "channel", "off", "on", "playhead" } : new[] { "channel", "off", "on" };
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var option in f.Options)
        {
            var word = option.Word.Text;
            if (!known.Contains(word))
            {
                var list = string.Join(", ", known[..^1]) + " or " + known[^1];
                _context.Report(Codes.UnknownFeedbackOption, option.Word.Span, word, Suggestions.DidYouMean(word, known), list);
                ok = false;
                continue;
            }
            if (!seen.Add(word)) { _context.Report(Codes.RepeatedFeedbackOption, option.Word.Span, word); ok = false; continue; }
            if (word == "channel")
            {
                if (_context.Integer(option.Value, 1, 16, Codes.ChannelOutOfRange) is { } c) channel = c - 1;
                else ok = false;
                continue;
            }
            if (option.Value.Value is not { IsInteger: true } v || v < 0 || v > 127)
            {
                _context.Report(Codes.ControlValueOutOfRange, option.Value.Span, word, option.Value.Text, "use a velocity, 0 to 127");
                ok = false;
                continue;
            }
            var velocity = (int)v.Numerator;
            switch (word)
            {
                case "off": off = velocity; break;
                case "on": on = velocity; break;
                default: playhead = velocity; break;
            }
        }
        return ok;
    }

    /// <summary>Warns when a row of pads and a lane's steps differ in number: some pads do nothing, or some steps have no pad.</summary>
    private void CheckPads(LaneSteps steps, int firstNote, int lastNote, SourceSpan at)
    {
        var pads = lastNote - firstNote + 1;
        if (pads == steps.Count) return;
        var consequence = pads > steps.Count
            ? $"notes {firstNote + steps.Count}..{lastNote} do nothing"
            : $"steps {pads + 1} to {steps.Count} have no pad";
        _context.Report(Codes.StepCountMismatch, at, steps.LaneName, steps.Count, pads, consequence);
    }
}
