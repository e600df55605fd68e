namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ03xx: tracks, lanes and modifiers.
    public static readonly DiagnosticDescriptor MissingChannel = Error("SEQ0301", "track '{0}' needs a channel, e.g. 'track {0} channel 1 {{'");
    public static readonly DiagnosticDescriptor ChannelOutOfRange = Error("SEQ0302", "channel {0} is out of range: use 1 to 16");
    public static readonly DiagnosticDescriptor ProgramOutOfRange = Error("SEQ0303", "program {0} is out of range: use 0 to 127");
    public static readonly DiagnosticDescriptor BankOutOfRange = Error("SEQ0304", "bank {0} is out of range: use 0 to 127 for the MSB and the LSB");
    public static readonly DiagnosticDescriptor UnknownKit = Error("SEQ0305", "unknown kit '{0}'{1}");
    public static readonly DiagnosticDescriptor RepeatedOption = Error("SEQ0306", "'{0}' is given twice for track '{1}'");
    public static readonly DiagnosticDescriptor RepeatedTrack = Error("SEQ0307", "there is already a track named '{0}' (line {1})");
    public static readonly DiagnosticDescriptor RepeatedLane = Error("SEQ0308", "track '{0}' already has a lane named '{1}' (line {2})");
    public static readonly DiagnosticDescriptor UnknownModifier = Error("SEQ0309", "unknown modifier '{0}'{1}");
    public static readonly DiagnosticDescriptor ModifierOutOfRange = Error("SEQ0310", "{0} {1} is out of range: {2}");
    public static readonly DiagnosticDescriptor ModifierNotForLane = Error("SEQ0311", "'{0}' does not apply to {1}");
    public static readonly DiagnosticDescriptor ModifierNotInEvery = Error("SEQ0312", "'{0}' cannot be applied every N cycles, to a chunk or sometimes; put it on the lane itself");
    public static readonly DiagnosticDescriptor UnknownVoicing = Error("SEQ0313", "unknown voicing '{0}'{1}");
    public static readonly DiagnosticDescriptor ControllerOutOfRange = Error("SEQ0314", "controller {0} is out of range: use 0 to 127");
    public static readonly DiagnosticDescriptor ConflictingModes = Error("SEQ0315", "'{0}' conflicts with '{1}' earlier on this lane: a lane reads its numbers one way");
    public static readonly DiagnosticDescriptor NestedInBlock = Error("SEQ0316", "'in' blocks cannot be nested");
    public static readonly DiagnosticDescriptor RepeatedSection = Error("SEQ0317", "section '{0}' is named twice in this list");
    public static readonly DiagnosticDescriptor EveryMutedLaneWarning = Warning("SEQ0318", "lane {0} is muted and plays nothing until unmuted live");
    public static readonly DiagnosticDescriptor BadRhythmStep = Error("SEQ0319", "'{0}' is not a step of a rhythm: use x (or 1) to play and ~ (or 0) to rest");
}
