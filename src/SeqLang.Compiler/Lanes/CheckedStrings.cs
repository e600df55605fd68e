using SeqLang.Compiler.Mini;
using SeqLang.Core.Diagnostics;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// The mini strings of a diagnostics-only compile, by their text: each distinct string is parsed and built once, and
/// where it is written again its played atoms and its build's diagnostics are moved to that place. A file repeats its
/// strings (5,000 lines held 117 distinct ones in 4,649), and building a pattern nothing will query was most of what
/// checking a lane allocated.
/// </summary>
/// <remarks>
/// Sound because what parsing and building report depends on the text alone, with every span offset into the file:
/// the random stream only salts the dice of the pattern, which is never built here a second time.
/// </remarks>
internal sealed class CheckedStrings
{
    private readonly Dictionary<string, CheckedString> _byText = new(StringComparer.Ordinal);

    /// <summary>The string's check, or null when it does not parse (its syntax error is then reported, as each time it is met).</summary>
    public CheckedString? Check(string text, int contentStart, ulong stream, DiagnosticBag diagnostics)
    {
        if (_byText.TryGetValue(text, out var known)) return known;
        if (MiniParser.Parse(text, contentStart, diagnostics) is not { } syntax) return null;
        var played = new List<MiniAtomSyntax>();
        MiniAtoms.Played(syntax.Body, played);
        // The build's diagnostics are kept aside and added after the atoms are read, the order a full compile reports in.
        var reported = new DiagnosticBag();
        var builder = new MiniPatternBuilder(stream, reported, contentStart);
        builder.Build(syntax);
        var result = new CheckedString(contentStart, played.ToArray(), reported.Items.ToArray(), builder.Failed);
        _byText[text] = result;
        return result;
    }
}

/// <summary>One distinct string as first met: where it was, its played atoms and what building it reported, spans as there.</summary>
internal sealed record CheckedString(int ContentStart, MiniAtomSyntax[] Played, Diagnostic[] BuildDiagnostics, bool BuildFailed);
