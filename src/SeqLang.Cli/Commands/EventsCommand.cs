using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using SeqLang.Cli.Output;
using SeqLang.Compiler;
using SeqLang.Core.Time;
using SeqLang.Compiler.Form;
using SeqLang.Compiler.Mini;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Midi;

namespace SeqLang.Cli.Commands;

/// <summary>
/// <c>seq events FILE [--bars A:B] [--json]</c> and <c>seq events --mini "STRING" [--cycles N] [--json]</c>:
/// what the compiler makes of a file or of one mini-notation string (SPEC §8).
/// </summary>
public static class EventsCommand
{
    public static Command Create(CliConsole console)
    {
        var file = new Argument<string?>("FILE") { Description = "the .seq file", Arity = ArgumentArity.ZeroOrOne };
        var bars = new Option<string?>("--bars") { Description = "bars A:B (half-open, from 0) or N for 0:N; default 0:4" };
        var mini = new Option<string?>("--mini") { Description = "a mini-notation string to query instead of a file" };
        var cycles = new Option<int>("--cycles") { Description = "with --mini: cycles 0..N-1", DefaultValueFactory = _ => 4 };
        var seed = new Option<long?>("--seed") { Description = "override the seed of random choices" };
        var json = new Option<bool>("--json") { Description = "print JSON" };
        var command = new Command("events", "Print the events of a file's bars, or of a mini-notation string.") { file, bars, mini, cycles, seed, json };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file);
            var text = parse.GetValue(mini);
            if ((path is null) == (text is null)) return Usage(console, "give either FILE or --mini \"STRING\"");
            return text is not null
                ? RunMini(text, parse.GetValue(cycles), parse.GetValue(seed) ?? 0, parse.GetValue(json), console)
                : RunFile(path!, parse.GetValue(bars), parse.GetValue(seed), parse.GetValue(json), console);
        });
        return command;
    }

    private static int RunMini(string text, int cycles, long seed, bool json, CliConsole console)
    {
        if (cycles is < 1 or > 100_000) return Usage(console, "--cycles must be 1 to 100000");
        var result = MiniEvents.Run(text, cycles, seed);
        // The string alone is the "file": its diagnostics point into it, column by column.
        DiagnosticPrinter.PrintText(console.Error, new SourceText("<mini>", text), result.Diagnostics);
        if (!result.Succeeded) return ExitCodes.InputErrors;
        if (json)
        {
            console.Out.WriteLine(result.ToJson(indented: true));
            return ExitCodes.Success;
        }
        foreach (var e in result.Events) console.Out.WriteLine($"{e.Begin,-8} {e.End,-8} {e.Value}");
        return ExitCodes.Success;
    }

    private static int RunFile(string path, string? barsText, long? seed, bool json, CliConsole console)
    {
        if (!TryParseBars(barsText, out var from, out var to)) return Usage(console, "--bars takes A:B with 0 <= A < B, or N >= 1");
        var loaded = SourceFile.Compile(path, new CompileOptions(seed), console);
        if (loaded is null) return ExitCodes.IoError;
        if (loaded.Compilation.Piece is not { } piece) return loaded.ExitCode;

        var diagnostics = new DiagnosticBag();
        var stream = new EventStream(piece);
        var ticks = new TickConverter(TickConverter.DefaultPpq, piece.Settings.Meter.BarQuarters);
        var events = new List<PieceEvent>();
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartArray();
            for (var bar = from; bar < to; bar++)
            {
                events.Clear();
                if (!stream.Bar(bar, events, diagnostics)) break;
                var position = piece.Form.SectionAt(bar);
                if (json) foreach (var e in events) WriteJson(writer, piece, ticks, e, position);
                else WriteText(console.Out, piece, bar, events, position);
            }
            writer.WriteEndArray();
        }
        DiagnosticPrinter.PrintText(console.Error, loaded.Compilation.Source, diagnostics.Sorted());
        if (diagnostics.HasErrors) return ExitCodes.InputErrors;
        if (json) console.Out.WriteLine(System.Text.Encoding.UTF8.GetString(buffer.ToArray()));
        return ExitCodes.Success;
    }

    private static void WriteJson(Utf8JsonWriter w, CompiledPiece piece, TickConverter ticks, PieceEvent e, SectionPosition? position)
    {
        var track = piece.Tracks[e.Track];
        var lane = track.Lanes[e.Lane];
        w.WriteStartObject();
        w.WriteNumber("bar", e.Bar);
        w.WriteString("track", track.Name);
        w.WriteString("lane", lane.Name);
        w.WriteNumber("channel", e.Channel + 1);
        w.WriteString("begin", e.Begin.ToString());
        w.WriteString("end", e.End.ToString());
        w.WriteNumber("tick", ticks.ToTick(e.Begin));
        if (e.Kind == PieceEventKind.Note)
        {
            w.WriteNumber("endTick", Math.Max(ticks.ToTick(e.End), ticks.ToTick(e.Begin) + 1));
            w.WriteNumber("note", e.Number);
            w.WriteNumber("velocity", e.Value);
        }
        else if (e.Kind == PieceEventKind.Control)
        {
            w.WriteNumber("endTick", ticks.ToTick(e.Begin));
            w.WriteNumber("controller", e.Number);
            w.WriteNumber("value", e.Value);
        }
        else
        {
            // Bend as the wheel's 14-bit position (8192 centre), the number that goes on the wire; pressure 0..127.
            w.WriteNumber("endTick", ticks.ToTick(e.Begin));
            w.WriteNumber(e.Kind == PieceEventKind.Bend ? "bend" : "pressure", e.Value);
        }
        if (position is { } p)
        {
            w.WriteString("section", p.Section);
            // A file with no form is one endless section: its bar within it would only repeat "bar".
            if (p.Length is { } length)
            {
                w.WriteNumber("sectionBar", p.BarInSection);
                w.WriteNumber("sectionBars", length);
            }
        }
        if (piece.Harmony?.ChordAt(e.Begin) is { } chord) w.WriteString("chord", chord.Name);
        else w.WriteNull("chord");
        w.WriteEndObject();
    }

    private static void WriteText(TextWriter output, CompiledPiece piece, long bar, List<PieceEvent> events, SectionPosition? position)
    {
        var header = position switch
        {
            { Length: not null } p => $"bar {bar} · {p}",
            { } p => $"bar {bar} · {p.Section}",
            null => $"bar {bar} · after the end of the form",
        };
        if (position is not null && piece.Harmony is { } harmony) header += ChordsOfBar(harmony, bar);
        output.WriteLine(header);
        foreach (var e in events)
        {
            var track = piece.Tracks[e.Track];
            var lane = track.Lanes[e.Lane];
            var what = e.Kind switch
            {
                PieceEventKind.Note => $"note {e.Number,3} vel {e.Value,3}",
                PieceEventKind.Control => $"cc {e.Number,3} = {e.Value,3}",
                PieceEventKind.Bend => $"bend = {e.Value,5}",
                _ => $"touch = {e.Value,3}",
            };
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {e.Begin - bar,-7} {lane.FullName,-18} ch {e.Channel + 1,2}  {what}  len {e.End - e.Begin}"));
        }
    }

    /// <summary>" · Dm7 G7": the chords of the bar in order (a gap is "~"), or "" when none is in force.</summary>
    private static string ChordsOfBar(Compiler.Harmony.PieceHarmony harmony, long bar)
    {
        var changes = new List<(Rational Time, Compiler.Harmony.Chord? Chord)>();
        harmony.ChangesIn(bar, changes);
        var names = new List<string>();
        foreach (var (_, chord) in changes)
        {
            var name = chord?.Name ?? "~";
            if (names.Count == 0 || names[^1] != name) names.Add(name);
        }
        return names.All(n => n == "~") ? "" : " · " + string.Join(" ", names);
    }

    /// <summary>"A:B" (half-open) or "N" meaning 0:N; absent means 0:4.</summary>
    public static bool TryParseBars(string? text, out long from, out long to)
    {
        from = 0;
        to = 4;
        if (text is null) return true;
        var colon = text.IndexOf(':');
        if (colon < 0) return long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out to) && to >= 1 && to <= 10_000_000;
        return long.TryParse(text[..colon], NumberStyles.None, CultureInfo.InvariantCulture, out from)
            && long.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out to)
            && from < to && to - from <= 10_000_000;
    }

    private static int Usage(CliConsole console, string message)
    {
        console.Error.WriteLine($"seq events: {message}");
        return ExitCodes.Usage;
    }
}
