namespace SeqLang.Core.Diagnostics;

public static partial class Codes
{
    // SEQ07xx: limits that keep bad input from hanging or exhausting the machine (SPEC §10).
    public static readonly DiagnosticDescriptor TooManyEventsInCycle = Error("SEQ0701", "lane {0} has more than {1} events in bar {2}; simplify its pattern");
    public static readonly DiagnosticDescriptor TooMuchWork = Error("SEQ0702", "lane {0} needs too much work to compute bar {1} (a huge speed-up or repetition); simplify its pattern");
    public static readonly DiagnosticDescriptor TimeOverflow = Error("SEQ0703", "lane {0} reaches times too large or too fine to compute exactly in bar {1}");
    public static readonly DiagnosticDescriptor RenderTooLarge = Error("SEQ0704", "the render exceeds {0} events (lane {1}, bar {2}); render fewer bars with --bars");
    public static readonly DiagnosticDescriptor BadPatternArgument = Error("SEQ0705", "lane {0} in bar {1}: {2}");
}
