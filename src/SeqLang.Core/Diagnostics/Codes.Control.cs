namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ09xx: live control (docs/live-control.md): map, key and feedback statements.

    // What a mapping listens to.
    public static readonly DiagnosticDescriptor UnknownControlSource = Error("SEQ0901", "a mapping cannot listen to '{0}': use cc, note, notes, nrpn or rpn{1}");
    public static readonly DiagnosticDescriptor ControlNumberOutOfRange = Error("SEQ0902", "{0} is out of range: {1}");
    public static readonly DiagnosticDescriptor BadControlSourceShape = Error("SEQ0903", "'{0}' takes {1}");
    public static readonly DiagnosticDescriptor SamePairController = Error("SEQ0904", "a 14-bit pair needs two different controllers, MSB:LSB, e.g. 'cc 1:33'");
    public static readonly DiagnosticDescriptor NotesRangeReversed = Error("SEQ0905", "write the lower note first: {0}..{1}");

    // What it names: tracks, lanes, sections.
    public static readonly DiagnosticDescriptor UnknownControlTrack = Error("SEQ0906", "there is no track '{0}'{1}");
    public static readonly DiagnosticDescriptor UnknownControlLane = Error("SEQ0907", "track '{0}' has no lane '{1}'{2}");
    public static readonly DiagnosticDescriptor UnknownControlSection = Error("SEQ0908", "'{0}' is not a section of the form{1}");
    public static readonly DiagnosticDescriptor ControlWithoutForm = Error("SEQ0909", "'{0} {1}' needs a form: with no form the piece is one section, 'main'");
    public static readonly DiagnosticDescriptor ExpectedSection = Error("SEQ0910", "'{0}' takes a section name, not '{1}'");
    public static readonly DiagnosticDescriptor ExpectedLane = Error("SEQ0911", "'{0}' needs a lane, written TRACK.LANE (e.g. '{1}.{2}'), not the whole track");

    // What it does.
    public static readonly DiagnosticDescriptor UnknownControlAction = Error("SEQ0912", "'{0}' is not an action: use tempo, mute, next, jump, steps, or TRACK.LANE vel|MODIFIER A..B{1}");
    public static readonly DiagnosticDescriptor NotAKnobParameter = Error("SEQ0913", "a knob cannot set '{0}': it can set vel, transpose, octave, legato, prob, swing, humanize, shift, fast or slow, or a cc, bend or touch lane's value{1}");
    public static readonly DiagnosticDescriptor ControlValueOutOfRange = Error("SEQ0914", "{0} {1} is out of range: {2}");
    public static readonly DiagnosticDescriptor ParameterNotForLane = Error("SEQ0915", "'{0}' does not apply to {1} {2}");
    public static readonly DiagnosticDescriptor ActionNeedsSwitch = Error("SEQ0916", "'{0}' is a switch: drive it from a note, a 7-bit cc or a key, not from {1}");
    public static readonly DiagnosticDescriptor ActionNeedsKnob = Error("SEQ0917", "'{0}' needs a knob: drive it from a cc, an nrpn or an rpn, not from {1}");
    public static readonly DiagnosticDescriptor StepsNeedNoteRange = Error("SEQ0918", "'steps' needs one pad per step: drive it from a range of notes, e.g. 'map notes 48..63 -> steps {0}'");
    public static readonly DiagnosticDescriptor NoteRangeNeedsSteps = Error("SEQ0919", "a range of notes can only drive 'steps' (pad i toggles step i); map single notes with 'note N'");

    public static readonly DiagnosticDescriptor KnobCannotSetValue = Error("SEQ0933", "a knob cannot set the {0} of {1}: it is {2}");

    // Pads that edit steps.
    public static readonly DiagnosticDescriptor LaneNotSteppable = Error("SEQ0920", "lane {0} is not a flat sequence of steps ({1}), so pads cannot edit it: write each step out, one atom or '~' per step");
    public static readonly DiagnosticDescriptor NothingToTurnOn = Error("SEQ0921", "lane {0} has only rests, so a pad would not know what to play: write one step that plays");
    public static readonly DiagnosticDescriptor StepCountMismatch = Warning("SEQ0922", "lane {0} has {1} steps but {2} pads: {3}");

    // Overlaps.
    public static readonly DiagnosticDescriptor ControlAlreadyMapped = Error("SEQ0923", "{0} is already used by the mapping on line {1}{2}; map each control once");
    public static readonly DiagnosticDescriptor DataEntryController = Error("SEQ0924", "cc {0} carries the nrpn/rpn of line {1} (CC 99/98 and 101/100 select the parameter, 6 and 38 its value); map another controller");

    // Feedback.
    public static readonly DiagnosticDescriptor UnknownFeedbackKind = Error("SEQ0925", "feedback cannot show '{0}': use 'steps TRACK.LANE notes A..B' or 'mute TARGET note N'{1}");
    public static readonly DiagnosticDescriptor BadFeedbackNotes = Error("SEQ0926", "feedback of {0} takes {1}");
    public static readonly DiagnosticDescriptor UnknownFeedbackOption = Error("SEQ0927", "'{0}' is not a feedback option: use {2}{1}");
    public static readonly DiagnosticDescriptor RepeatedFeedbackOption = Error("SEQ0928", "'{0}' is given twice in this feedback");
    public static readonly DiagnosticDescriptor FeedbackOverlap = Error("SEQ0929", "note {0} on channel {1} of \"{2}\" already shows the feedback of line {3}; one pad shows one thing");

    // Hotkeys.
    public static readonly DiagnosticDescriptor BadHotkey = Error("SEQ0930", "a hotkey is one printable character, not \"{0}\"");
    public static readonly DiagnosticDescriptor ReservedHotkey = Error("SEQ0931", "\"{0}\" is the player's own key ({1}); choose another");
    public static readonly DiagnosticDescriptor RepeatedHotkey = Error("SEQ0932", "key \"{0}\" is already bound on line {1}");
}
