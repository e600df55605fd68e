using SeqLang.Compiler.Mini;
using SeqLang.Compiler.Values;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Numbers;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Lanes;

/// <summary>Compiles a string of mini-notation whose atoms are read one way: notes, velocities, steps of a rhythm, numbers.</summary>
internal static class MiniReader
{
    public delegate bool AtomReader<T>(MiniAtomSyntax atom, out T value);

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
            if (read(atom, out var value)) values[atom.Span.Start] = value;
            else ok = false;
        }
        var pattern = MiniCompiler.Compile(syntax, stream, diagnostics);
        if (!ok || pattern is null) return null;
        return pattern.Select(atom => values[atom.Span.Start]);
    }

    /// <summary>A string of numbers as a value (SPEC §12): <c>prob "[0.1 1 0.3 1]*4"</c>. <paramref name="what"/> names the reader.</summary>
    public static MiniValue? Numbers(StringSyntax mini, ulong stream, DiagnosticBag diagnostics, string what)
    {
        var (min, max) = (FixedPoint.FromInteger(1_000_000), FixedPoint.FromInteger(-1_000_000));
        var pattern = Read(mini, stream, diagnostics, (MiniAtomSyntax atom, out FixedPoint value) =>
        {
            value = FixedPoint.Zero;
            if (!Rational.TryParseDecimal(atom.Text, out var number) || number.Abs() > 1_000_000)
            {
                diagnostics.Add(Codes.BadValueAtom, atom.Span, atom.Text, what);
                return false;
            }
            value = FixedPoint.FromRational(number);
            if (value < min) min = value;
            if (value > max) max = value;
            return true;
        });
        if (pattern is null) return null;
        if (min > max) (min, max) = (FixedPoint.Zero, FixedPoint.Zero);
        return new MiniValue(pattern, min, max);
    }
}
