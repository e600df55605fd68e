using SeqLang.Compiler.Mini;
using SeqLang.Compiler.Values;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Numbers;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Lanes;

/// <summary>Compiles a string of mini-notation whose atoms are read one way: notes, velocities, steps of a rhythm, numbers.</summary>
internal static class MiniReader
{
    /// <summary>Reads one atom, written as <paramref name="text"/> at <paramref name="span"/>; false after reporting why it cannot.</summary>
    public delegate bool AtomReader<T>(string text, SourceSpan span, out T value);

    /// <summary>
    /// Parses a string, reads every played atom once (so each mistake is reported once, where it is, whether or
    /// not a render reaches it), and maps the pattern's atoms to what they were read as.
    /// </summary>
    public static Pattern<T>? Read<T>(StringSyntax mini, ulong stream, DiagnosticBag diagnostics, AtomReader<T> read)
    {
        var syntax = MiniParser.Parse(mini.Content, mini.ContentStart, diagnostics);
        if (syntax is null) return null;
        var values = new Dictionary<int, T>();
        var ok = true;
        var played = new List<MiniAtomSyntax>();
        MiniAtoms.Played(syntax.Body, played);
        foreach (var atom in played)
        {
            if (read(atom.Text, atom.Span, out var value)) values[atom.Span.Start] = value;
            else ok = false;
        }
        var pattern = MiniCompiler.Compile(syntax, stream, diagnostics);
        if (!ok || pattern is null) return null;
        return pattern.Select(atom => values[atom.Span.Start]);
    }

    /// <summary>
    /// What <see cref="Read{T}"/> reports, in the same order, without building the pattern: for a diagnostics-only
    /// compile, where nothing will query it. Returns silence where <see cref="Read{T}"/> returns a pattern.
    /// </summary>
    public static Pattern<T>? Check<T>(StringSyntax mini, ulong stream, DiagnosticBag diagnostics, CheckedStrings strings, AtomReader<T> read)
    {
        if (strings.Check(mini.Content, mini.ContentStart, stream, diagnostics) is not { } known) return null;
        var delta = mini.ContentStart - known.ContentStart;
        var ok = true;
        foreach (var atom in known.Played)
            ok &= read(atom.Text, atom.Span.Offset(delta), out _);
        foreach (var diagnostic in known.BuildDiagnostics)
            diagnostics.Add(delta == 0 ? diagnostic : diagnostic with { Span = diagnostic.Span.Offset(delta) });
        return ok && !known.BuildFailed ? Pattern.Silence<T>() : null;
    }

    /// <summary>
    /// A string of numbers as a value (SPEC §12): <c>prob "[0.1 1 0.3 1]*4"</c>. <paramref name="what"/> names the reader.
    /// With <paramref name="checkOnly"/>, only checked (see <see cref="Check{T}"/>): its range is read, its pattern silence.
    /// </summary>
    public static MiniValue? Numbers(StringSyntax mini, ulong stream, DiagnosticBag diagnostics, string what, CheckedStrings? checkOnly = null)
    {
        var (min, max) = (FixedPoint.FromInteger(1_000_000), FixedPoint.FromInteger(-1_000_000));
        AtomReader<FixedPoint> read = (string text, SourceSpan span, out FixedPoint value) =>
        {
            value = FixedPoint.Zero;
            if (!Rational.TryParseDecimal(text, out var number) || number.Abs() > 1_000_000)
            {
                diagnostics.Add(Codes.BadValueAtom, span, text, what);
                return false;
            }
            value = FixedPoint.FromRational(number);
            if (value < min) min = value;
            if (value > max) max = value;
            return true;
        };
        var pattern = checkOnly is null ? Read(mini, stream, diagnostics, read) : Check(mini, stream, diagnostics, checkOnly, read);
        if (pattern is null) return null;
        if (min > max) (min, max) = (FixedPoint.Zero, FixedPoint.Zero);
        return new MiniValue(pattern, min, max);
    }
}
