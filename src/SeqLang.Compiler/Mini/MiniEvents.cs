using System.Globalization;
using System.Text;
using System.Text.Json;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Mini;

/// <summary>One event as <c>seq events --mini</c> prints it: the whole span and the value as Strudel shows it.</summary>
public sealed record MiniEvent(Rational Begin, Rational End, string Value);

/// <summary>The events of a mini-notation string, or the diagnostics that stopped it (see <see cref="Succeeded"/>).</summary>
public sealed record MiniEventsResult(IReadOnlyList<MiniEvent> Events, IReadOnlyList<Diagnostic> Diagnostics)
{
    /// <summary>False when there are errors: the CLI then exits with status 1 and prints the diagnostics.</summary>
    public bool Succeeded => !Diagnostics.Any(d => d.IsError);

    /// <summary>SPEC §8's JSON: an array of <c>{"begin","end","value"}</c>, fractions as strings.</summary>
    public string ToJson(bool indented = false)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = indented }))
        {
            writer.WriteStartArray();
            foreach (var e in Events)
            {
                writer.WriteStartObject();
                writer.WriteString("begin", e.Begin.ToString());
                writer.WriteString("end", e.End.ToString());
                writer.WriteString("value", e.Value);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
        }
        return Encoding.UTF8.GetString(stream.ToArray());
    }
}

/// <summary>
/// <c>seq events --mini S --cycles N --json</c> (SPEC §8): the events of a string parsed alone, whose onset
/// lies in cycles 0..N-1, sorted by begin, end, then value. Matches Strudel's output for the reference vectors.
/// </summary>
public static class MiniEvents
{
    /// <summary>The random stream of <c>--mini</c> strings: the seed and the name "mini".</summary>
    public static ulong StreamFor(long seed) => SeededRandom.StreamFor(seed, "mini");

    public static MiniEventsResult Run(string mini, int cycles = 4, long seed = 0)
    {
        var diagnostics = new DiagnosticBag();
        var pattern = MiniCompiler.Compile(mini, 0, StreamFor(seed), diagnostics);
        if (pattern is null || diagnostics.HasErrors) return new MiniEventsResult(Array.Empty<MiniEvent>(), diagnostics.Sorted());

        var events = new List<MiniEvent>();
        var haps = new List<Hap<MiniAtom>>();
        for (long cycle = 0; cycle < cycles; cycle++)
        {
            haps.Clear();
            var result = pattern.TryQuery(new Arc(cycle, cycle + 1), haps, QueryLimits.Default);
            if (result.Status == QueryStatus.InvalidArgument)
            {
                // Strudel's query throws here and yields no events at all; say why, but it is not an error.
                diagnostics.Add(Codes.MiniNoEvents, new Core.Text.SourceSpan(0, mini.Length), result.Message);
                return new MiniEventsResult(Array.Empty<MiniEvent>(), diagnostics.Sorted());
            }
            if (!result.IsOk)
            {
                var span = new Core.Text.SourceSpan(0, mini.Length);
                if (result.Status == QueryStatus.TooManyEvents) diagnostics.Add(Codes.MiniTooManyEvents, span, QueryLimits.Default.MaxEvents.ToString("N0", CultureInfo.InvariantCulture), cycle);
                else if (result.Status == QueryStatus.TooMuchWork) diagnostics.Add(Codes.MiniTooMuchWork, span, cycle);
                else diagnostics.Add(Codes.MiniTimeOverflow, span, cycle);
                return new MiniEventsResult(Array.Empty<MiniEvent>(), diagnostics.Sorted());
            }
            foreach (var hap in haps)
            {
                if (hap.HasOnset) events.Add(new MiniEvent(hap.Whole!.Value.Begin, hap.Whole.Value.End, Display(hap.Value)));
            }
        }
        events.Sort(static (a, b) =>
        {
            var c = a.Begin.CompareTo(b.Begin);
            if (c == 0) c = a.End.CompareTo(b.End);
            return c != 0 ? c : string.CompareOrdinal(a.Value, b.Value);
        });
        return new MiniEventsResult(events, diagnostics.Sorted());
    }

    /// <summary>
    /// The value as the reference vectors print it: a number as JavaScript prints it, a word as written,
    /// a list as compact JSON (<c>["bd",3]</c>).
    /// </summary>
    public static string Display(MiniAtom atom)
    {
        if (atom.Parts is null) return atom.Number is { } n ? JsNumber.Format(n) : atom.Text;
        var sb = new StringBuilder();
        AppendJson(sb, atom);
        return sb.ToString();
    }

    // JSON.stringify of a Strudel value: numbers as JavaScript prints them (NaN and infinities as null).
    private static void AppendJson(StringBuilder sb, MiniAtom atom)
    {
        if (atom.Parts is { } parts)
        {
            sb.Append('[');
            for (var i = 0; i < parts.Count; i++)
            {
                if (i > 0) sb.Append(',');
                AppendJson(sb, parts[i]);
            }
            sb.Append(']');
        }
        else if (atom.Number is { } n)
        {
            sb.Append(double.IsFinite(n) ? JsNumber.Format(n) : "null");
        }
        else
        {
            sb.Append('"');
            foreach (var c in atom.Text)
            {
                switch (c)
                {
                    case '"': sb.Append("\\\""); break;
                    case '\\': sb.Append("\\\\"); break;
                    case '\n': sb.Append("\\n"); break;
                    case '\r': sb.Append("\\r"); break;
                    case '\t': sb.Append("\\t"); break;
                    case '\b': sb.Append("\\b"); break;
                    case '\f': sb.Append("\\f"); break;
                    default:
                        if (c < 0x20) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                        else sb.Append(c);
                        break;
                }
            }
            sb.Append('"');
        }
    }
}
