namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ02xx: top-level settings.
    public static readonly DiagnosticDescriptor RepeatedSetting = Error("SEQ0201", "'{0}' is set twice (first on line {1}); a setting may appear once");
    public static readonly DiagnosticDescriptor TempoOutOfRange = Error("SEQ0202", "tempo {0} is out of range: use 20 to 999 beats per minute");
    public static readonly DiagnosticDescriptor BadMeter = Error("SEQ0203", "meter {0} is not valid: the numerator is 1 to 64, the denominator 1, 2, 4, 8, 16 or 32");
    public static readonly DiagnosticDescriptor UnknownTonic = Error("SEQ0204", "'{0}' is not a key: use a letter A to G with an optional # or b, e.g. F# or Bb");
    public static readonly DiagnosticDescriptor UnknownMode = Error("SEQ0205", "unknown mode '{0}'{1}");
    public static readonly DiagnosticDescriptor BadSeed = Error("SEQ0206", "seed {0} is not valid: use a whole number");
    public static readonly DiagnosticDescriptor SwingOutOfRange = Error("SEQ0207", "swing {0} is out of range: use 1 to 99 percent (50 is straight)");
    public static readonly DiagnosticDescriptor BadRampBars = Error("SEQ0208", "a tempo ramp lasts a whole number of bars, at least 1; got {0}");
    public static readonly DiagnosticDescriptor BadScale = Error("SEQ0209", "scale '{0}' is not valid: steps are distinct whole semitones 0 to 11, starting with 0");
    public static readonly DiagnosticDescriptor ScaleShadowsMode = Error("SEQ0210", "scale '{0}' has the name of a built-in mode; choose another name");
    public static readonly DiagnosticDescriptor RepeatedDefinition = Error("SEQ0211", "{0} '{1}' is defined twice (first on line {2})");
    public static readonly DiagnosticDescriptor BadKitNote = Error("SEQ0212", "kit note {0} is out of range: use 0 to 127");
    public static readonly DiagnosticDescriptor KitShadowsGm = Error("SEQ0214", "kit 'gm' is built in (General MIDI); choose another name");
    public static readonly DiagnosticDescriptor NoTracks = Warning("SEQ0213", "the file has no tracks, so it makes no sound");
}
