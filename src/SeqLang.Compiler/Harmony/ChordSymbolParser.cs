using System.Diagnostics.CodeAnalysis;
using SeqLang.Compiler.Checks;
using SeqLang.Core.Diagnostics;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Lead-sheet chord symbols (SPEC §4 <c>chords</c>): <c>ROOT [QUALITY] [/BASS]</c>. ROOT and BASS are a letter
/// A to G in either case with at most one accidental, <c>#</c> or <c>b</c>; QUALITY is one of
/// <see cref="LeadSheetQualities"/>. Examples: <c>C</c>, <c>Am</c>, <c>G7</c>, <c>F#m7b5</c>, <c>Bbmaj7</c>,
/// <c>Dsus4</c>, <c>C/E</c>, <c>eb-7/Bb</c>. The chord is named as written, with the quality in its §3 form
/// (<c>C-7</c> is shown <c>Cm7</c>), and the letters in upper case.
/// </summary>
internal static class ChordSymbolParser
{
    /// <summary>Parses <paramref name="text"/>; on failure <paramref name="error"/> is the message a diagnostic would print.</summary>
    public static bool TryParse(string text, [MaybeNullWhen(false)] out Chord chord, [NotNullWhen(false)] out string? error)
    {
        if (TryParseWithLocation(text, out chord, out var located)) { error = null; return true; }
        error = located.Message;
        return false;
    }

    /// <summary>
    /// Parses <paramref name="text"/>; on failure <paramref name="error"/> says what is wrong and where in
    /// <paramref name="text"/>, so <see cref="ChordSymbolError.ToDiagnostic"/> can point at the bad characters.
    /// </summary>
    public static bool TryParseWithLocation(string text, [MaybeNullWhen(false)] out Chord chord, [NotNullWhen(false)] out ChordSymbolError? error)
    {
        chord = null;
        var rootLength = ReadNote(text, 0, out var root, out var rootName);
        if (rootLength == 0)
        {
            error = new ChordSymbolError(Codes.ChordSymbolNeedsRoot, new object[] { text }, 0, Math.Min(1, text.Length));
            return false;
        }

        var slash = text.IndexOf('/', rootLength);
        var qualityEnd = slash < 0 ? text.Length : slash;
        var spelling = text[rootLength..qualityEnd];
        if (!LeadSheetQualities.TryGet(spelling, out var quality))
        {
            error = new ChordSymbolError(Codes.UnknownChordSymbolQuality,
                new object[] { spelling, text, Suggestions.DidYouMean(spelling, LeadSheetQualities.Spellings) },
                rootLength, spelling.Length);
            return false;
        }

        int? bass = null;
        string? bassName = null;
        if (slash >= 0)
        {
            var bassStart = slash + 1;
            var bassLength = ReadNote(text, bassStart, out var bassClass, out var name);
            if (bassLength == 0 || bassStart + bassLength != text.Length)
            {
                // Nothing after the slash: point at the slash itself, the last character there is.
                error = bassStart == text.Length
                    ? new ChordSymbolError(Codes.BadSlashBass, new object[] { text }, slash, 1)
                    : new ChordSymbolError(Codes.BadSlashBass, new object[] { text }, bassStart, text.Length - bassStart);
                return false;
            }
            bass = bassClass;
            bassName = name;
        }

        chord = new Chord(root, quality, bass, Chord.NameOf(rootName, quality, bassName));
        error = null;
        return true;
    }

    /// <summary>
    /// A letter and at most one accidental at <paramref name="start"/>; returns how many characters that is (0 when
    /// there is no letter). Unlike note names in lanes, <c>s</c> is no sharp here: <c>Csus4</c> is C, not C#.
    /// </summary>
    private static int ReadNote(string text, int start, out int pitchClass, out string name)
    {
        pitchClass = 0;
        name = "";
        if (start >= text.Length) return 0;
        var letter = char.ToUpperInvariant(text[start]);
        var natural = letter switch { 'C' => 0, 'D' => 2, 'E' => 4, 'F' => 5, 'G' => 7, 'A' => 9, 'B' => 11, _ => -1 };
        if (natural < 0) return 0;
        var accidental = start + 1 < text.Length ? text[start + 1] : '\0';
        var shift = accidental switch { '#' => 1, 'b' => -1, _ => 0 };
        pitchClass = (natural + shift + 12) % 12;
        name = shift == 0 ? letter.ToString() : $"{letter}{accidental}";
        return shift == 0 ? 1 : 2;
    }
}
