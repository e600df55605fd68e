using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Syntax.Ast;

namespace SeqLang.Compiler.Checks;

/// <summary>What every checking step needs: the source (for line numbers in messages) and the bag.</summary>
internal sealed class BindContext
{
    public BindContext(SourceText source, DiagnosticBag diagnostics, bool keepPatterns = true, bool keepLanes = true)
    {
        KeepLanes = keepLanes;
        Source = source;
        Diagnostics = diagnostics;
        KeepPatterns = keepPatterns;
        CheckedStrings = keepPatterns ? null : new Lanes.CheckedStrings();
    }

    public SourceText Source { get; }

    /// <summary>False when only the diagnostics are wanted (<see cref="CompileOptions.DiagnosticsOnly"/>): compiled lanes drop their patterns.</summary>
    public bool KeepPatterns { get; }

    /// <summary>When patterns are not kept, the lanes' mini strings checked so far, so a repeated one is not parsed and built again.</summary>
    public Lanes.CheckedStrings? CheckedStrings { get; }
    public DiagnosticBag Diagnostics { get; }

    /// <summary>
    /// False when nothing reads a track's compiled lanes once the track is checked (diagnostics only, and no live control
    /// to name them): the lanes are then let go with the track's checks done, so no collection copies them.
    /// </summary>
    public bool KeepLanes { get; }

    public int LineOf(SourceSpan span) => Source.GetLineColumn(span.Start).Line;

    public void Report(DiagnosticDescriptor descriptor, SourceSpan span, params object?[] args) =>
        Diagnostics.Add(descriptor, span, args);

    /// <summary>A whole number within [min, max], or null after reporting <paramref name="descriptor"/>.</summary>
    public int? Integer(NumberSyntax number, int min, int max, DiagnosticDescriptor descriptor)
    {
        if (number.Value is { IsInteger: true } v && v >= min && v <= max) return (int)v.Numerator;
        Report(descriptor, number.Span, number.Text);
        return null;
    }

    /// <summary>A number within [min, max] (inclusive unless told), or null after reporting.</summary>
    public Rational? InRange(NumberSyntax number, Rational min, Rational max, DiagnosticDescriptor descriptor, bool minExclusive = false)
    {
        if (number.Value is { } v && (minExclusive ? v > min : v >= min) && v <= max) return v;
        Report(descriptor, number.Span, number.Text);
        return null;
    }
}
