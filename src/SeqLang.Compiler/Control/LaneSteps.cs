using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Control;

/// <summary>
/// The steps of a lane whose string is a flat sequence (docs/live-control.md, "Pads edit steps"): at top level only
/// single atoms and rests, separated by whitespace, with no operators, brackets, <c>.</c>, <c>,</c> or <c>|</c>.
/// Each step keeps its exact span in the file, so a pad's toggle rewrites only that step's characters and leaves
/// everything else (comments, spacing, other lanes) byte for byte as it was.
/// </summary>
/// <remarks>
/// Spans belong to the text the piece was compiled from. After <see cref="Toggle"/>, recompile the new text (the
/// player must, to hear the edit) and use the new piece's <see cref="ControlMap"/>: its steps match the new text.
/// <see cref="Toggled"/> gives this lane's steps for the new text without recompiling, to chain toggles of one lane;
/// steps of other lanes later in the same file move when a toggle changes the text's length (<c>c4</c> ↔ <c>~</c>).
/// </remarks>
public sealed class LaneSteps
{
    /// <summary>What an "off" step becomes on a lane named after a drum.</summary>
    public const string DrumHit = "x";

    /// <summary>What an "on" step becomes.</summary>
    public const string Rest = "~";

    public LaneSteps(int track, int lane, string laneName, IReadOnlyList<LaneStep> steps, string onAtom)
    {
        if (steps.Count == 0) throw new ArgumentException("A lane has at least one step.", nameof(steps));
        Track = track;
        Lane = lane;
        LaneName = laneName;
        Steps = steps;
        OnAtom = onAtom;
    }

    public int Track { get; }
    public int Lane { get; }

    /// <summary>The lane's full name, <c>track.lane</c>.</summary>
    public string LaneName { get; }

    public IReadOnlyList<LaneStep> Steps { get; }

    public int Count => Steps.Count;

    /// <summary>
    /// What a pad writes into a resting step: <c>x</c> on a lane named after a drum, else the lane's first atom that
    /// plays (as the lane was compiled).
    /// </summary>
    public string OnAtom { get; }

    public bool IsOn(int step) => Steps[step].IsOn;

    /// <summary>
    /// <paramref name="sourceText"/> with step <paramref name="step"/> toggled: a playing step becomes <c>~</c>, a
    /// resting one <see cref="OnAtom"/>. Every other character is kept. Throws when the text at the step's span is not
    /// the step any more (the text is not the one these steps were read from).
    /// </summary>
    public string Toggle(string sourceText, int step)
    {
        var s = Check(sourceText, step);
        return string.Concat(sourceText.AsSpan(0, s.Span.Start), Replacement(s), sourceText.AsSpan(s.Span.End));
    }

    /// <summary>These steps as they are in the text <see cref="Toggle"/> returns: the step toggled, the later ones moved.</summary>
    public LaneSteps Toggled(int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, Count);
        var toggled = Steps[step];
        var replacement = Replacement(toggled);
        var delta = replacement.Length - toggled.Span.Length;
        var steps = new LaneStep[Count];
        for (var i = 0; i < Count; i++)
        {
            var s = Steps[i];
            steps[i] = i == step ? new LaneStep(new SourceSpan(s.Span.Start, replacement.Length), replacement)
                : s.Span.Start > toggled.Span.Start ? s with { Span = new SourceSpan(s.Span.Start + delta, s.Span.Length) }
                : s;
        }
        return new LaneSteps(Track, Lane, LaneName, steps, OnAtom);
    }

    private string Replacement(LaneStep step) => step.IsOn ? Rest : OnAtom;

    private LaneStep Check(string sourceText, int step)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(step);
        ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(step, Count);
        var s = Steps[step];
        if (s.Span.End > sourceText.Length || string.CompareOrdinal(sourceText, s.Span.Start, s.Text, 0, s.Text.Length) != 0)
            throw new ArgumentException($"The text at step {step} of {LaneName} is not '{s.Text}': these steps were read from another text.", nameof(sourceText));
        return s;
    }

    /// <summary>
    /// The steps of a lane's string, or null with <paramref name="reason"/> saying which part is not a single step.
    /// <paramref name="drumNamed"/>: the lane is named after a drum of its kit, so <c>x</c> plays it.
    /// </summary>
    internal static LaneSteps? Read(int track, int lane, string laneName, StringSyntax mini, bool drumNamed, out string? reason)
    {
        reason = null;
        // The lane compiled without error, so its string parses; the bag only satisfies the signature.
        var syntax = MiniParser.Parse(mini.Content, mini.ContentStart, new DiagnosticBag());
        if (syntax is null) { reason = "it does not parse"; return null; }
        if (syntax.Body is not MiniSequenceSyntax sequence)
        {
            reason = syntax.Body is MiniGroupSyntax { Kind: var kind }
                ? kind switch { MiniGroupKind.Stack => "',' stacks sequences", MiniGroupKind.RandomChoice => "'|' chooses between sequences", _ => "'.' groups steps" }
                : $"'{Slice(mini, syntax.Body.Span)}' is not a step";
            return null;
        }
        var steps = new List<LaneStep>();
        foreach (var element in sequence.Elements)
        {
            if (element.Slice is not MiniAtomSyntax atom || element.Operators.Count > 0)
            {
                reason = $"'{Slice(mini, element.Span)}' is not a single step";
                return null;
            }
            steps.Add(new LaneStep(atom.Span, atom.Text));
        }
        var onAtom = drumNamed ? DrumHit : steps.FirstOrDefault(s => s.IsOn)?.Text;
        if (onAtom is null) { reason = null; return null; }
        return new LaneSteps(track, lane, laneName, steps, onAtom);
    }

    private static string Slice(StringSyntax mini, SourceSpan span) =>
        mini.Content.Substring(span.Start - mini.ContentStart, span.Length);
}
