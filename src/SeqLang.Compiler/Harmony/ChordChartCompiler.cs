using System.Text;
using SeqLang.Compiler.Mini;
using SeqLang.Core.Diagnostics;
using SeqLang.Patterns;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Compiles <c>chords "MINI"</c> (SPEC §4) to a pattern of chords: mini-notation whose atoms are lead-sheet
/// symbols. An event's span is when its chord is current.
/// </summary>
internal static class ChordChartCompiler
{
    /// <summary>The pattern, or null after reporting each bad symbol or mini-notation error where it is.</summary>
    public static Pattern<Chord>? Compile(StringSyntax chords, long seed, DiagnosticBag diagnostics)
    {
        var original = chords.Content;
        var syntax = MiniParser.Parse(Protect(original), chords.ContentStart, diagnostics);
        if (syntax is null) return null;
        var stream = SeededRandom.StreamFor(seed, "chords");
        return MiniCompiler.Compile(syntax, stream, diagnostics, atom =>
        {
            // The symbol as the musician wrote it, read from the original text at the atom's place.
            var start = atom.Span.Start - chords.ContentStart;
            var text = start >= 0 && atom.Span.End - chords.ContentStart <= original.Length ? original.Substring(start, atom.Span.Length) : atom.Text;
            if (ChordSymbolParser.TryParseWithLocation(text, out var chord, out var error)) return chord;
            diagnostics.Add(error!.ToDiagnostic(atom.Span.Start));
            return null;
        });
    }

    /// <summary>
    /// Lead-sheet symbols use characters that mini-notation reads as operators or does not accept in a step:
    /// the slash of <c>C/E</c> (slow), <c>+</c>, <c>°</c>. Inside a symbol (after a step character) each is swapped
    /// for a step character mini-notation keeps in a word, one for one so every offset stays; the atom's text is
    /// then read back from the original. A slash before a number (<c>&lt;C F&gt;/2</c>) stays the slow operator.
    /// </summary>
    internal static string Protect(string text)
    {
        var builder = new StringBuilder(text);
        for (var i = 1; i < text.Length; i++)
        {
            var before = text[i - 1];
            if (!char.IsLetterOrDigit(before) && before is not ('#' or '+' or '°' or 'ø' or 'Δ')) continue;
            switch (text[i])
            {
                case '/' when i + 1 < text.Length && char.IsLetter(text[i + 1]):
                    builder[i] = '^';
                    break;
                case '+':
                    builder[i] = '#';
                    break;
                case '°':
                    builder[i] = '#';
                    break;
            }
        }
        return builder.ToString();
    }
}
