using System.Collections.Concurrent;
using SeqLang.Core.Diagnostics;
using SeqLang.Patterns;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Mini;

/// <summary>
/// Compiles parsed mini-notation to a pattern of atoms with Strudel 1.2's semantics and exact time.
/// Randomness (<c>?</c>, <c>|</c>) draws from <c>stream</c> (the caller passes
/// <c>SeededRandom.StreamFor(seed, "track.lane")</c>), salted by each operator's position in the string.
/// </summary>
internal static class MiniCompiler
{
    /// <summary>The pattern of atoms, or null when the string has errors (reported in <paramref name="diagnostics"/>).</summary>
    public static Pattern<MiniAtom>? Compile(MiniSyntax syntax, ulong stream, DiagnosticBag diagnostics)
    {
        var builder = new MiniPatternBuilder(stream, diagnostics, syntax.ContentStart);
        var pattern = builder.Build(syntax);
        return builder.Failed ? null : pattern.Cached();
    }

    /// <summary>Parses and compiles in one step; null on errors.</summary>
    public static Pattern<MiniAtom>? Compile(string text, int fileOffset, ulong stream, DiagnosticBag diagnostics) =>
        MiniParser.Parse(text, fileOffset, diagnostics) is { } syntax ? Compile(syntax, stream, diagnostics) : null;

    /// <summary>
    /// Compiles and reads every value the string can produce once, now (so each bad atom is reported once,
    /// where it is, even in cycles a render never reaches). Returns null when the string has errors or
    /// <paramref name="resolve"/> returned null for any value. Values only known while querying (the numbers of
    /// a long <c>..</c> range) are read when first met; an event whose value reads as null is dropped.
    /// </summary>
    public static Pattern<T>? Compile<T>(MiniSyntax syntax, ulong stream, DiagnosticBag diagnostics, Func<MiniAtom, T?> resolve)
    {
        var builder = new MiniPatternBuilder(stream, diagnostics, syntax.ContentStart);
        var pattern = builder.Build(syntax).Cached();
        if (builder.Failed) return null;
        var known = new Dictionary<MiniAtom, T>(ReferenceEqualityComparer.Instance);
        var ok = true;
        foreach (var atom in builder.Values)
        {
            if (known.ContainsKey(atom)) continue;
            if (resolve(atom) is { } value) known[atom] = value;
            else ok = false;
        }
        if (!ok) return null;
        if (builder.ValuesComplete) return pattern.Select(atom => known[atom]);
        var late = new ConcurrentDictionary<MiniAtom, Resolved<T>>();
        return pattern
            .Select(atom => known.TryGetValue(atom, out var v) ? new Resolved<T>(v) : late.GetOrAdd(atom, a => new Resolved<T>(resolve(a))))
            .Where(static r => r.Value is not null)
            .Select(static r => r.Value!);
    }

    private readonly record struct Resolved<T>(T? Value);
}
