using System.Text;

namespace SeqLang.Compiler.Tests;

/// <summary>
/// A diagnostics-only compile checks each distinct mini string once and moves what it reported to every other place
/// the string is written, without building the lane's pattern. Held here to a full compile on every string of Strudel's
/// vectors (rejected ones included) and on seeded mutations of them, each written twice, at different offsets, in
/// every role a lane string plays: notes, drums, bend, the rhythm of n, n's notes, vel, prob, mask, glide marks, arp
/// picks, and under arp (whose check queries the lane's atoms).
/// </summary>
public sealed class DiagnosticsOnlyStringTests
{
    private const string MutationCharacters = "[]{}<>~*/!@?(),.|:-_#x0123456789 ";

    public static TheoryData<string, int> Batches()
    {
        var data = new TheoryData<string, int>();
        foreach (var set in new[] { "public", "strudel-extra" })
        {
            var count = Strings(set).Count;
            for (var batch = 0; batch * BatchSize < count; batch++) data.Add(set, batch);
        }
        return data;
    }

    private const int BatchSize = 40;

    [Theory]
    [MemberData(nameof(Batches))]
    public void Checking_a_string_reports_what_compiling_it_reports(string set, int batch)
    {
        var strings = Strings(set).Skip(batch * BatchSize).Take(BatchSize).ToList();
        var random = new Random(HashCode.Combine(set.Length, batch));
        var mutated = strings.Select(s => Mutate(s, random)).ToList();
        AssertSameDiagnostics(File(strings));
        AssertSameDiagnostics(File(mutated));
    }

    private static void AssertSameDiagnostics(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var full = SeqCompiler.Compile("strings.seq", bytes, new CompileOptions());
        var check = SeqCompiler.Compile("strings.seq", bytes, new CompileOptions(DiagnosticsOnly: true));
        // The file around the strings must be sound, or the lanes would never be compiled.
        Assert.DoesNotContain(full.Diagnostics, d => d.Code.StartsWith("SEQ01", StringComparison.Ordinal));
        Assert.Equal(full.Diagnostics.Select(Describe), check.Diagnostics.Select(Describe));
    }

    /// <summary>Every string in every role, in two tracks, so that each is met again at another offset.</summary>
    private static string File(IReadOnlyList<string> strings)
    {
        var file = new StringBuilder("title \"strings\"\ntempo 120\nkey D dorian\nchords \"<Dm7 G7>\"\n");
        foreach (var copy in new[] { "a", "b" })
        {
            file.Append($"track drums{copy} channel 10 {{\n");
            for (var i = 0; i < strings.Count; i++) file.Append($"  {(i == 0 ? "kick" : $"hat{i}")} \"{strings[i]}\"\n");
            file.Append("}\n");
            file.Append($"track keys{copy} channel 2 {{\n");
            foreach (var s in strings)
            {
                file.Append($"  play \"{s}\"\n");
                file.Append($"  play \"{s}\" degrees\n");
                file.Append($"  play \"c4 e4 g4\" vel \"{s}\" prob \"{s}\" mask \"{s}\"\n");
                file.Append($"  play \"x x\" n \"{s}\"\n");
                file.Append($"  play \"{s}\" n \"0 2\"\n");
                file.Append($"  play \"{s}\" arp up\n");
                file.Append($"  play \"c4'maj7\" arp \"{s}\"\n");
                file.Append($"  play \"{s}\" glide 0.1 on \"{s}\"\n");
                file.Append($"  play \"{s}\" every 2 fast 2 legato \"{s}\"\n");
                file.Append($"  bend \"{s}\"\n");
                file.Append($"  cc 74 \"{s}\"\n");
            }
            file.Append("}\n");
        }
        return file.ToString();
    }

    private static string Mutate(string s, Random random)
    {
        var chars = new StringBuilder(s);
        for (var edits = random.Next(1, 4); edits > 0; edits--)
        {
            var at = random.Next(chars.Length + 1);
            if (random.Next(3) == 0 && at < chars.Length) chars.Remove(at, 1);
            else chars.Insert(at, MutationCharacters[random.Next(MutationCharacters.Length)]);
        }
        return chars.ToString();
    }

    private static List<string> Strings(string set) => System.IO.File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Vectors", set + ".txt"))
        .Where(line => line.Length > 0 && !line.StartsWith('#') && !line.Contains('"') && !line.Contains('\\'))
        .ToList();

    private static string Describe(Core.Diagnostics.Diagnostic d) => $"{d.Span.Start}+{d.Span.Length} {d.Code} {d.Severity} {d.Message}";
}
