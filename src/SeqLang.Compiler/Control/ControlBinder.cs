using SeqLang.Compiler.Checks;
using SeqLang.Compiler.Form;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Control;

/// <summary>
/// Checks the live-control statements (<c>map</c>, <c>key</c>, <c>feedback</c>; docs/live-control.md) against the
/// compiled tracks and the form, and builds the <see cref="ControlMap"/>. Sources and actions here; names in
/// <c>ControlBinder.Targets.cs</c>, feedback in <c>ControlBinder.Feedback.cs</c>, overlaps in <see cref="ControlOverlaps"/>.
/// </summary>
internal sealed partial class ControlBinder
{
    private static readonly string[] SourceWords = { "cc", "note", "notes", "nrpn", "rpn" };
    private static readonly string[] VerbWords = { "tempo", "mute", "next", "jump", "steps" };

    private readonly BindContext _context;
    private readonly ControlTargets _targets;
    private Dictionary<string, SignalDefinitionSyntax> _signals = new();

    /// <param name="context">The source and the bag.</param>
    /// <param name="targets">The tracks, lanes and sections that actions may name.</param>
    public ControlBinder(BindContext context, ControlTargets targets)
    {
        _context = context;
        _targets = targets;
    }

    /// <summary>Whether the file has live control (<c>map</c>, <c>key</c>, <c>feedback</c>): only then are its compiled lanes looked up by name.</summary>
    public static bool HasControls(FileSyntax file) => file.Statements.Any(s => s is MapSyntax or KeyBindingSyntax or FeedbackSyntax);

    public ControlMap Bind(FileSyntax file)
    {
        var statements = file.Statements;
        if (!HasControls(file)) return ControlMap.Empty;
        _signals = statements.OfType<SignalDefinitionSyntax>().GroupBy(d => d.Name.Text).ToDictionary(g => g.Key, g => g.First());
        var mappings = new List<ControlMapping>();
        var keys = new List<KeyBinding>();
        var feedback = new List<ControlFeedback>();
        var overlaps = new ControlOverlaps(_context);
        var keyLines = new Dictionary<char, SourceSpan>();
        foreach (var statement in statements)
        {
            switch (statement)
            {
                case MapSyntax map:
                    var source = BindSource(map.Source, out var kind);
                    var action = BindAction(map.Action, kind, map.Source, source);
                    if (source is null || action is null) break;
                    var mapping = new ControlMapping(source, action, Text(map.Span), map.Span);
                    if (overlaps.Add(mapping, map.Source)) mappings.Add(mapping);
                    break;
                case KeyBindingSyntax key:
                    var bound = BindKey(key, keyLines);
                    var keyAction = BindAction(key.Action, ControlSourceKind.Key, null, null);
                    if (bound is { } c && keyAction is not null) keys.Add(new KeyBinding(c, keyAction, Text(key.Span), key.Span));
                    break;
                case FeedbackSyntax f:
                    if (BindFeedback(f) is { } shown && overlaps.Add(shown, f)) feedback.Add(shown);
                    break;
            }
        }
        overlaps.CheckDataEntry();
        return new ControlMap(mappings, feedback, keys);
    }

    private ControlSource? BindSource(ControlSourceSyntax s, out ControlSourceKind kind)
    {
        kind = ControlSourceKind.Cc7;
        int? channel = null;
        var ok = true;
        if (s.Channel is { } ch)
        {
            channel = _context.Integer(ch, 1, 16, Codes.ChannelOutOfRange) - 1;
            ok = channel is not null;
        }
        switch (s.Kind.Text)
        {
            case "cc":
                if (s.Second is { } lsb)
                {
                    kind = ControlSourceKind.Fine;
                    var m = Midi(s.Number, "cc");
                    var l = Midi(lsb, "cc");
                    if (m is null || l is null || !ok) return null;
                    if (m == l) { _context.Report(Codes.SamePairController, SourceSpan.FromBounds(s.Number.Span.Start, lsb.Span.End)); return null; }
                    return new Cc14Source(m.Value, l.Value, channel);
                }
                return Midi(s.Number, "cc") is { } cc && ok ? new CcSource(cc, channel) : null;
            case "note":
                kind = ControlSourceKind.Note;
                if (s.Second is not null || s.Last is not null)
                    return Shape(s, "one note number, e.g. 'note 36' (a row of pads is 'notes 48..63')");
                return Midi(s.Number, "note") is { } note && ok ? new NoteSource(note, channel) : null;
            case "notes":
                kind = ControlSourceKind.Notes;
                if (s.Last is not { } last) return Shape(s, "a range of notes, e.g. 'notes 48..63'");
                var first = Midi(s.Number, "note");
                var end = Midi(last, "note");
                if (first is null || end is null || !ok) return null;
                if (first > end) { _context.Report(Codes.NotesRangeReversed, SourceSpan.FromBounds(s.Number.Span.Start, last.Span.End), end, first); return null; }
                return new NoteRangeSource(first.Value, end.Value, channel);
            case "nrpn" or "rpn":
                kind = ControlSourceKind.Fine;
                if (s.Second is not { } parameterLsb) return Shape(s, $"a parameter number MSB:LSB, e.g. '{s.Kind.Text} 0:32'");
                var msb = Midi(s.Number, s.Kind.Text + " parameter MSB");
                var plsb = Midi(parameterLsb, s.Kind.Text + " parameter LSB");
                if (msb is null || plsb is null || !ok) return null;
                return s.Kind.Text == "nrpn" ? new NrpnSource(msb.Value, plsb.Value, channel) : new RpnSource(msb.Value, plsb.Value, channel);
            default:
                _context.Report(Codes.UnknownControlSource, s.Kind.Span, s.Kind.Text, Suggestions.DidYouMean(s.Kind.Text, SourceWords));
                kind = ControlSourceKind.Unknown;
                return null;
        }
    }

    private ControlSource? Shape(ControlSourceSyntax s, string expected)
    {
        _context.Report(Codes.BadControlSourceShape, s.Span, s.Kind.Text, expected);
        return null;
    }

    /// <summary>A MIDI data byte, 0..127, or null after reporting.</summary>
    private int? Midi(NumberSyntax number, string what)
    {
        if (number.Value is { IsInteger: true } v && v >= 0 && v <= 127) return (int)v.Numerator;
        _context.Report(Codes.ControlNumberOutOfRange, number.Span, $"{what} {number.Text}", "use a whole number, 0 to 127");
        return null;
    }

    /// <summary>
    /// Checks an action and that <paramref name="kind"/> of control can drive it; null after reporting. <paramref name="bound"/>
    /// is the checked source (null for a key, or when the source had errors).
    /// </summary>
    private ControlAction? BindAction(ControlActionSyntax a, ControlSourceKind kind, ControlSourceSyntax? source, ControlSource? bound)
    {
        // A row of pads does one thing; say so at the source rather than at each possible action.
        if (kind == ControlSourceKind.Notes && !(a is VerbActionSyntax { Verb.Text: "steps" }))
        {
            _context.Report(Codes.NoteRangeNeedsSteps, source!.Span);
            return null;
        }
        switch (a)
        {
            case TempoActionSyntax t:
                var tempo = Knob(t.Keyword, kind) & Bounds(t.Range, "tempo", v => v >= 20 && v <= 999, "use 20 to 999 BPM", out var min, out var max);
                return tempo ? new TempoAction(min, max) : null;
            case MuteActionSyntax m:
                var target = _targets.Target(m.Target);
                return Switch(m.Keyword, kind) && target is { } t2 ? new MuteAction(t2.Track, t2.Lane, m.Target.Text) : null;
            case VerbActionSyntax v:
                return Verb(v, kind, bound);
            case LaneActionSyntax { Lane: { Lane: null, Track.Text: "signal" } } l when l.Parameter.Text != "vel" && MappableModifier.Find(l.Parameter.Text) is null:
                return SignalKnob(l, kind);
            case LaneActionSyntax l:
                return LaneKnob(l, kind);
            default:
                return null;
        }
    }

    private ControlAction? Verb(VerbActionSyntax v, ControlSourceKind kind, ControlSource? bound)
    {
        switch (v.Verb.Text)
        {
            case "next" or "jump":
                var section = _targets.Section(v.Verb.Text, v.Target);
                if (!Switch(v.Verb, kind) || section is null) return null;
                return v.Verb.Text == "next" ? new NextSectionAction(section) : new JumpSectionAction(section);
            case "steps":
                var steps = _targets.Steps(v.Verb.Text, v.Target);
                if (kind != ControlSourceKind.Notes)
                {
                    if (kind == ControlSourceKind.Unknown) return null;
                    _context.Report(Codes.StepsNeedNoteRange, v.Verb.Span, v.Target.Text);
                    return null;
                }
                if (steps is null) return null;
                if (bound is NoteRangeSource pads) CheckPads(steps, pads.First, pads.Last, v.Target.Span);
                return new StepsAction(steps.Track, steps.Lane, steps);
            default:
                _context.Report(Codes.UnknownControlAction, v.Verb.Span, v.Verb.Text, Suggestions.DidYouMean(v.Verb.Text, VerbWords));
                return null;
        }
    }

    private ControlAction? LaneKnob(LaneActionSyntax l, ControlSourceKind kind)
    {
        var name = l.Parameter.Text;
        if (name == ModifierEdit.LaneValue) return LaneValueKnob(l, kind);
        var modifier = MappableModifier.Find(name);
        if (name != "vel" && modifier is null)
        {
            // Known modifiers that take no number (rev, mute, voicing...) get no suggestion: nothing is misspelt.
            var suggestion = IsModifierWord(name) ? "" : Suggestions.DidYouMean(name, MappableModifier.All.Select(m => m.Name).Append("vel").Append(ModifierEdit.LaneValue));
            _context.Report(Codes.NotAKnobParameter, l.Parameter.Span, name, suggestion);
            return null;
        }
        var lane = _targets.Lane(name, l.Lane);
        var ok = Knob(l.Parameter, kind);
        if (name == "vel")
        {
            // vel scales what the lane plays, whatever wrote it (a number, a string, a signal): nothing in the text to check.
            ok &= Bounds(l.Range, "vel", v => v.IsInteger && v >= 1 && v <= 127, "use whole numbers, 1 to 127", out var vmin, out var vmax);
            if (lane is { } vl && vl.Kind == Lanes.LaneKind.Control) { _context.Report(Codes.ParameterNotForLane, l.Parameter.Span, "vel", "the cc lane", vl.FullName); return null; }
            return ok && lane is { } vlane ? new LaneVelocityAction(vlane.TrackIndex, vlane.LaneIndex, vlane.FullName, vmin, vmax) : null;
        }
        var knob = modifier!;
        ok &= Bounds(l.Range, name, knob.Allows, knob.Advice, out var min, out var max);
        if (lane is { } ml && knob.NotFor.Contains(ml.Kind))
        {
            _context.Report(Codes.ParameterNotForLane, l.Parameter.Span, name, ml.Kind == Lanes.LaneKind.Control ? "the cc lane" : "the drum lane", ml.FullName);
            return null;
        }
        if (lane is { Stepped: not null } sl)
        {
            // A lane read every step takes no modifier but mute and chan: the edit would not compile.
            _context.Report(Codes.ParameterNotForLane, l.Parameter.Span, name, $"the {Describe(sl)}", $"{sl.FullName}, read every step (map its value: '{l.Lane.Text} value A..B')");
            return null;
        }
        if (lane is { } written && _targets.SyntaxOf(written) is { } syntax && ModifierEdit.LastWritten(syntax, name)?.Value is { } value
            && ModifierEdit.SlotOf(value, out var reason) is null)
        {
            _context.Report(Codes.KnobCannotSetValue, l.Parameter.Span, name, written.FullName, reason);
            return null;
        }
        return ok && lane is { } mlane ? new LaneModifierAction(mlane.TrackIndex, mlane.LaneIndex, mlane.FullName, name, min, max, knob.IsInteger) : null;
    }

    /// <summary>
    /// <c>TRACK.LANE value A..B</c>: the value of a cc, bend or touch lane (<c>cc 74 saw 20..100</c>), as a modifier's:
    /// a number replaced, B of a signal's range set. Whole numbers 0..127 for cc and touch, semitones within the track's
    /// bend range for bend.
    /// </summary>
    private ControlAction? LaneValueKnob(LaneActionSyntax l, ControlSourceKind kind)
    {
        var name = l.Parameter.Text;
        var lane = _targets.Lane(name, l.Lane);
        var ok = Knob(l.Parameter, kind);
        if (lane is null) return null;
        if (_targets.SyntaxOf(lane) is not { Value: { } value })
        {
            _context.Report(Codes.ParameterNotForLane, l.Parameter.Span, name, lane.Kind == Lanes.LaneKind.Drums ? "the drum lane" : "the note lane",
                $"{lane.FullName} (a knob sets the value of a cc, bend or touch lane; for notes use vel or a modifier)");
            return null;
        }
        bool integer;
        if (lane.Kind == Lanes.LaneKind.Bend)
        {
            var range = _targets.BendRangeOf(lane);
            integer = false;
            ok &= Bounds(l.Range, "bend", v => v.Abs() <= range, $"use -{range} to {range} semitones (the track's bend range)", out var bmin, out var bmax);
            if (!ok) return null;
            return Settable(l, lane, value) ? new LaneModifierAction(lane.TrackIndex, lane.LaneIndex, lane.FullName, name, bmin, bmax, integer) : null;
        }
        integer = true;
        var what = lane.Kind == Lanes.LaneKind.Pressure ? "touch" : "cc";
        ok &= Bounds(l.Range, what, v => v.IsInteger && v >= 0 && v <= 127, "use whole numbers, 0 to 127", out var min, out var max);
        if (!ok) return null;
        return Settable(l, lane, value) ? new LaneModifierAction(lane.TrackIndex, lane.LaneIndex, lane.FullName, name, min, max, integer) : null;
    }

    /// <summary>
    /// <c>signal NAME A..B</c> (parsed as a lane action on the word <c>signal</c>, which no lane action can mean: those
    /// need TRACK.LANE): sets B of a named signal's range, for every lane that uses it. Any number the definition may
    /// hold (SPEC §12: ±1000000); each lane clamps what it reads, as it does for the file's own signals.
    /// </summary>
    private ControlAction? SignalKnob(LaneActionSyntax l, ControlSourceKind kind)
    {
        var name = l.Parameter.Text;
        var ok = Knob(l.Parameter, kind);
        ok &= Bounds(l.Range, "signal " + name, v => v.Abs() <= 1_000_000, "use -1000000 to 1000000", out var min, out var max);
        if (!_signals.TryGetValue(name, out var definition))
        {
            _context.Report(Codes.UnknownSignal, l.Parameter.Span, name, Suggestions.DidYouMean(name, _signals.Keys));
            return null;
        }
        if (ModifierEdit.SlotOf(definition.Value, out var reason) is null)
        {
            _context.Report(Codes.KnobCannotSetValue, l.Parameter.Span, "value", $"signal '{name}'", reason);
            return null;
        }
        return ok ? new SignalKnobAction(name, min, max) : null;
    }

    private bool Settable(LaneActionSyntax l, Lanes.CompiledLane lane, ValueSyntax value)
    {
        if (ModifierEdit.SlotOf(value, out var reason) is not null) return true;
        _context.Report(Codes.KnobCannotSetValue, l.Parameter.Span, "value", lane.FullName, reason);
        return false;
    }

    private static string Describe(Lanes.CompiledLane lane) => lane.Kind switch
    {
        Lanes.LaneKind.Bend => "bend lane",
        Lanes.LaneKind.Pressure => "touch lane",
        _ => "cc lane",
    };

    private static bool IsModifierWord(string word) =>
        word is "rev" or "mute" or "degrees" or "tones" or "voicing" or "every" or "chan";

    /// <summary>Both ends of a knob's range, or false after reporting each bad one.</summary>
    private bool Bounds(ValueRangeSyntax range, string what, Func<Core.Time.Rational, bool> allows, string advice,
        out Core.Time.Rational min, out Core.Time.Rational max)
    {
        var ok = true;
        min = max = default;
        if (range.From.Value is { } from && allows(from)) min = from;
        else { _context.Report(Codes.ControlValueOutOfRange, range.From.Span, what, range.From.Text, advice); ok = false; }
        if (range.To.Value is { } to && allows(to)) max = to;
        else { _context.Report(Codes.ControlValueOutOfRange, range.To.Span, what, range.To.Text, advice); ok = false; }
        return ok;
    }

    private bool Knob(NameSyntax word, ControlSourceKind kind)
    {
        if (kind is ControlSourceKind.Cc7 or ControlSourceKind.Fine) return true;
        // A row of pads was reported at its source already, an unknown source where it is written.
        if (kind is not (ControlSourceKind.Notes or ControlSourceKind.Unknown)) _context.Report(Codes.ActionNeedsKnob, word.Span, word.Text, Describe(kind));
        return false;
    }

    private bool Switch(NameSyntax word, ControlSourceKind kind)
    {
        if (kind is ControlSourceKind.Cc7 or ControlSourceKind.Note or ControlSourceKind.Key) return true;
        if (kind is not (ControlSourceKind.Notes or ControlSourceKind.Unknown)) _context.Report(Codes.ActionNeedsSwitch, word.Span, word.Text, Describe(kind));
        return false;
    }

    private static string Describe(ControlSourceKind kind) => kind switch
    {
        ControlSourceKind.Fine => "a 14-bit control (cc MSB:LSB, nrpn or rpn)",
        ControlSourceKind.Note => "a note",
        ControlSourceKind.Notes => "a range of notes",
        ControlSourceKind.Key => "a key",
        _ => "a cc",
    };

    private char? BindKey(KeyBindingSyntax key, Dictionary<char, SourceSpan> seen)
    {
        var text = key.Key.Content;
        if (text.Length != 1 || (char.IsControl(text[0]) || char.IsWhiteSpace(text[0])) && text != " ")
        {
            _context.Report(Codes.BadHotkey, key.Key.Span, text);
            return null;
        }
        var c = text[0];
        if (KeyBinding.Reserved.TryGetValue(c, out var use))
        {
            _context.Report(Codes.ReservedHotkey, key.Key.Span, text, use);
            return null;
        }
        if (seen.TryGetValue(c, out var first))
        {
            _context.Report(Codes.RepeatedHotkey, key.Key.Span, text, _context.LineOf(first));
            return null;
        }
        seen[c] = key.Key.Span;
        return c;
    }

    private string Text(SourceSpan span) => _context.Source.Text.Substring(span.Start, span.Length);
}
