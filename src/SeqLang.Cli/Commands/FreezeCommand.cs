using System.CommandLine;
using System.Globalization;
using SeqLang.Cli.Output;
using SeqLang.Compiler;
using SeqLang.Compiler.Lanes;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax;
using SeqLang.Syntax.Ast;

namespace SeqLang.Cli.Commands;

/// <summary>
/// <c>seq freeze FILE TRACK.LANE [--bars A:B] [--seed N]</c> (SPEC §15): what a lane played over some bars, as one
/// mini-notation string to paste in place of its generator, then a <c>//</c> line saying what the string replaces,
/// which of the lane's modifiers it already holds, and what it cannot hold (docs/generators.md "Freezing a generator").
/// </summary>
public static class FreezeCommand
{
    /// <summary>The most bars one string holds: past this it is no longer a thing to edit by hand.</summary>
    public const long MaxBars = 256;

    /// <summary>Modifiers whose effect the string does not hold: they stay on the lane. Every other one is already in it.</summary>
    private static readonly HashSet<string> Kept = new(StringComparer.Ordinal) { "vel", "legato", "chan", "mute", "glide", "humanize", "swing", "groove", "strum" };

    /// <summary>
    /// The feel a lane's notes are played with rather than the notes: the lane is frozen without them and keeps them.
    /// Frozen with them, a humanized bar would need a grid of microseconds and a swung one a grid of hundredths,
    /// and the string would be unreadable and no longer swing when edited.
    /// </summary>
    private static readonly HashSet<string> Feel = new(StringComparer.Ordinal) { "humanize", "swing", "groove", "strum" };

    public static Command Create(CliConsole console)
    {
        var file = new Argument<string>("FILE") { Description = "the .seq file" };
        var lane = new Argument<string>("LANE") { Description = "the lane, TRACK.LANE (as seq events names it), e.g. drums.hh" };
        var bars = new Option<string?>("--bars") { Description = $"bars A:B (half-open, from 0) or N for 0:N; default 0:4, at most {MaxBars}" };
        var seed = new Option<long?>("--seed") { Description = "override the file's seed" };
        var command = new Command("freeze", "Print what a lane (a generator's) played as a mini-notation string to paste in its place.") { file, lane, bars, seed };
        command.SetAction(parse => Run(parse.GetValue(file)!, parse.GetValue(lane)!, parse.GetValue(bars), parse.GetValue(seed), console));
        return command;
    }

    private static int Run(string path, string laneName, string? barsText, long? seed, CliConsole console)
    {
        if (!EventsCommand.TryParseBars(barsText, out var from, out var to)) return Usage(console, "--bars takes A:B with 0 <= A < B, or N >= 1");
        if (to - from > MaxBars) return Usage(console, $"--bars asks for {to - from} bars; a frozen string holds at most {MaxBars}");
        var loaded = SourceFile.Compile(path, new CompileOptions(seed), console);
        if (loaded is null) return ExitCodes.IoError;
        if (loaded.Compilation.Piece is not { } piece) return loaded.ExitCode;

        var source = loaded.Compilation.Source;
        var diagnostics = new DiagnosticBag();
        var lane = LaneFreezer.FindLane(piece, source, laneName, diagnostics, out var usage);
        if (usage is not null) return Usage(console, usage);
        if (lane is null)
        {
            DiagnosticPrinter.PrintText(console.Error, source, diagnostics.Sorted());
            return ExitCodes.Usage;
        }
        if (lane.Kind is LaneKind.Control or LaneKind.Bend or LaneKind.Pressure)
            return Usage(console, $"{lane.FullName} is a {(lane.Kind == LaneKind.Control ? "cc" : lane.Kind == LaneKind.Bend ? "bend" : "touch")} lane: freeze writes notes, so name a lane that plays them");

        var syntax = SyntaxOf(source, lane, out var blockEvery);
        if (WithoutFeel(source, syntax, seed, lane) is { } plain) (piece, lane) = plain;
        FrozenLane? frozen;
        try
        {
            frozen = LaneFreezer.Freeze(piece, lane, from, to, diagnostics);
        }
        catch (OverflowException)
        {
            // Onsets whose common grid overflows 64 bits: nothing a hand could edit, and no reason to crash.
            DiagnosticPrinter.PrintText(console.Error, source, diagnostics.Sorted());
            console.Error.WriteLine($"seq freeze: the onsets of {lane.FullName} in bars {from}:{to} fall on no grid a string can write");
            return ExitCodes.InputErrors;
        }
        DiagnosticPrinter.PrintText(console.Error, source, diagnostics.Sorted());
        if (frozen is null || diagnostics.HasErrors) return ExitCodes.InputErrors;
        console.Out.WriteLine($"\"{frozen.Mini}\"");
        console.Out.WriteLine(Comment(source, syntax, blockEvery, lane, from, to, frozen));
        return ExitCodes.Success;
    }

    /// <summary>
    /// "// drums.hh, bars 0:4: replaces cellular 30 ...; holds n markov bass, degrees (remove them); not in the string: velocities 60..110, note lengths".
    /// </summary>
    private static string Comment(SourceText source, LaneSyntax? syntax, List<ModifierSyntax> blockEvery, CompiledLane lane, long from, long to, FrozenLane frozen)
    {
        var parts = new List<string>();
        if (syntax is not null)
        {
            var replaced = syntax.Generator?.Span ?? syntax.Mini?.Span;
            if (replaced is { } span) parts.Add("replaces " + Text(source, span));
            var held = syntax.Modifiers.Where(m => !IsKept(m)).Select(m => Text(source, m.Span)).ToList();
            if (held.Count > 0) parts.Add($"holds {string.Join(", ", held)} (remove {(held.Count == 1 ? "it" : "them")})");
            // A line of its own applies to every lane of its block, the pasted one too: the user must move the lane out.
            var around = blockEvery.Where(m => !IsKept(m)).Select(m => Text(source, m.Span)).ToList();
            if (around.Count > 0) parts.Add($"also holds the block's {string.Join(", ", around)}, which would act on it twice");
        }
        var lost = new List<string>();
        // One velocity throughout is the lane's vel or the default, which stay on the lane: only a varying one is news.
        if (frozen.Velocities is { } v && v.Min != v.Max) lost.Add($"velocities {v.Min}..{v.Max}");
        if (frozen.LengthsDiffer) lost.Add("note lengths");
        if (lost.Count > 0) parts.Add("not in the string: " + string.Join(", ", lost));
        if (frozen.Notes == 0) parts.Add("no notes in these bars");
        var bars = string.Create(CultureInfo.InvariantCulture, $"bars {from}:{to}");
        return $"// {lane.FullName}, {bars}" + (parts.Count > 0 ? ": " + string.Join("; ", parts) : "");
    }

    /// <summary>
    /// The piece compiled again with the lane's feel modifiers blanked out (spaces in their place, so every other span
    /// stays put), and the lane in it; null when the lane has none, or the text without them does not compile.
    /// </summary>
    private static (CompiledPiece, CompiledLane)? WithoutFeel(SourceText source, LaneSyntax? syntax, long? seed, CompiledLane lane)
    {
        var feel = syntax?.Modifiers.Where(m => Feel.Contains(m.Name)).ToList();
        if (feel is null || feel.Count == 0) return null;
        var text = source.Text.ToCharArray();
        foreach (var m in feel)
            for (var i = m.Span.Start; i < m.Span.End; i++) if (text[i] is not ('\n' or '\r')) text[i] = ' ';
        var compilation = SeqCompiler.Compile(new SourceText(source.Path, new string(text)), new CompileOptions(seed));
        if (compilation.HasErrors || compilation.Piece is not { } piece) return null;
        return (piece, piece.Tracks[lane.TrackIndex].Lanes[lane.LaneIndex]);
    }

    /// <summary>A modifier stays when the string does not hold its effect: <c>vel</c>, <c>legato</c>...; <c>every</c> as its inner one.</summary>
    private static bool IsKept(ModifierSyntax m) => m.Name == "every" && m.Inner is { } inner ? IsKept(inner) : Kept.Contains(m.Name);

    private static string Text(SourceText source, SourceSpan span) => string.Join(' ', source.Text.Substring(span.Start, span.Length).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// The lane as written, found again by its name's place in the file (the compiled lane keeps only that), with
    /// the track's and its <c>in</c> block's own <c>every</c> lines, which apply to it as its modifiers do.
    /// </summary>
    private static LaneSyntax? SyntaxOf(SourceText source, CompiledLane lane, out List<ModifierSyntax> blockEvery)
    {
        var file = SeqParser.Parse(source, new DiagnosticBag());
        blockEvery = new List<ModifierSyntax>();
        foreach (var track in file.Statements.OfType<TrackSyntax>())
            if (Find(track.Items, lane.Span.Start, blockEvery) is { } found) return found;
        return null;
    }

    private static LaneSyntax? Find(IReadOnlyList<TrackItemSyntax> items, int nameStart, List<ModifierSyntax> blockEvery)
    {
        var every = items.OfType<EveryItemSyntax>().Select(e => e.Every).ToList();
        foreach (var item in items)
        {
            var inner = item switch
            {
                LaneSyntax l when l.Name.Span.Start == nameStart => l,
                InBlockSyntax block => Find(block.Items, nameStart, blockEvery),
                _ => null,
            };
            if (inner is null) continue;
            blockEvery.InsertRange(0, every);
            return inner;
        }
        return null;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"seq freeze: {message}");
        return ExitCodes.Usage;
    }
}
