using System.Text.Json;
using SeqLang.Core.Time;

namespace SeqLang.Tests.Support;

/// <summary>
/// How the Strudel reference vectors (tests/SeqLang.Compiler.Tests/Vectors) are read, shared by the compiler's tests
/// (on the event stream) and the CLI's (through <c>seq events --json</c>), so both hold the same expectation.
/// </summary>
internal static class StrudelReference
{
    /// <summary>How close to a .5 boundary a double may be before exact and floating-point rounding may part ways.</summary>
    public const double NearHalf = 1e-9;

    /// <summary>A signals case: the SeqLang lane, Strudel's value at each step, and the cycles rendered.</summary>
    public static (string Lane, List<(Rational Onset, double Value)> Steps, int Cycles) Signal(string folder, string id)
    {
        using var cases = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "signals.cases.json")));
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "signals.expected.json")));
        var lane = cases.RootElement.EnumerateArray().Single(c => c.GetProperty("id").GetString() == id).GetProperty("seq").GetString()!;
        var reference = expected.RootElement.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("id").GetString() == id);
        if (reference.TryGetProperty("error", out var error)) throw new InvalidDataException($"Strudel failed on {id}: {error}");
        var steps = reference.GetProperty("events").EnumerateArray()
            .Select(e => (Rational.Parse(e.GetProperty("begin").GetString()!), e.GetProperty("value").GetDouble()))
            .OrderBy(e => e.Item1).ToList();
        return (lane, steps, expected.RootElement.GetProperty("cycles").GetInt32());
    }

    /// <summary>
    /// The messages a stepped lane must send for Strudel's per-step values: each rounded half up, repeats of the previous
    /// step dropped. One allowance: where Strudel's unrounded value lies within <see cref="NearHalf"/> of a .5 boundary,
    /// its floating point and SeqLang's exact arithmetic may round to neighbouring integers (Math.sin(2π) is −2.4e−16,
    /// not 0, so sine at a whole bar gives 63.4999... in Strudel and exactly 63.5 in SeqLang); there the step takes
    /// whichever of the two neighbours SeqLang holds at that onset (from <paramref name="sent"/>), and nowhere else.
    /// </summary>
    public static List<string> Messages(List<(Rational Onset, double Value)> steps, List<(Rational Onset, long Value)> sent)
    {
        var want = new List<string>();
        long? previous = null;
        foreach (var (onset, value) in steps)
        {
            var rounded = (long)Math.Floor(value + 0.5);
            var below = (long)Math.Floor(value);
            if (Math.Abs(value - (below + 0.5)) < NearHalf && HeldAt(sent, onset) is { } held && (held == below || held == below + 1))
                rounded = held;
            if (rounded != previous) want.Add($"{onset} {rounded}");
            previous = rounded;
        }
        return want;
    }

    /// <summary>A note in a Strudel value: a number, or a name such as "eb3" (c4 is 60).</summary>
    public static int Note(JsonElement value)
    {
        if (value.TryGetProperty("n", out var n)) return n.GetInt32();
        var note = value.GetProperty("note");
        if (note.ValueKind == JsonValueKind.Number) return note.GetInt32();
        var text = note.GetString()!;
        // Semitones of c d e f g a b at their letters' places in this string.
        var pitch = "c d ef g a b".IndexOf(char.ToLowerInvariant(text[0]));
        var i = 1;
        for (; i < text.Length && text[i] is '#' or 's' or 'b' or 'f'; i++) pitch += text[i] is '#' or 's' ? 1 : -1;
        return pitch + 12 * (int.Parse(text[i..], System.Globalization.CultureInfo.InvariantCulture) + 1);
    }

    private static long? HeldAt(List<(Rational Onset, long Value)> sent, Rational onset)
    {
        long? held = null;
        foreach (var (begin, value) in sent)
        {
            if (begin > onset) break;
            held = value;
        }
        return held;
    }
}
