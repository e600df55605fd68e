using System.Diagnostics;
using System.Globalization;
using SeqLang.Compiler;
using SeqLang.Core.Diagnostics;
using SeqLang.Fuzz;
using SeqLang.Midi;

// Feeds generated bad input through the whole pipeline (load, parse, check, compile, render 4 bars,
// write bytes) in-process, after holding the hand-written lexers to ANTLR's generated ones on it (LexerAgreement) and
// the statement-by-statement parse to ANTLR's whole file rule (ParserAgreement: same AST, no bad file accepted).
// A crash is any exception escaping; a hang is any input over 2 s, caught by a watchdog thread because a hung
// query cannot be interrupted. Prints figures; exits 1 on either, or on a disagreement.
var count = args.Length > 0 ? long.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var seed = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20261121;
var root = FindRoot();
var examples = Directory.GetFiles(Path.Combine(root, "examples"), "*.seq").Order(StringComparer.Ordinal).Select(File.ReadAllText).ToArray();
var grooveFile = File.ReadAllBytes(Path.Combine(root, "examples", "grooves", "MPC 16 Swing-58.agr"));
var generator = new InputGenerator(seed, examples, grooveFile);
// Inputs are compiled as if they sat in a folder of their own beside grooves/ (so a mutated mpc-swing.seq
// still reads its groove file) and g.agr (the generator's groove file, mutated or not).
var folder = Directory.CreateTempSubdirectory("seqlang-fuzz-").FullName;
Directory.CreateDirectory(Path.Combine(folder, "grooves"));
File.Copy(Path.Combine(root, "examples", "grooves", "MPC 16 Swing-58.agr"), Path.Combine(folder, "grooves", "MPC 16 Swing-58.agr"));
var inputPath = Path.Combine(folder, "fuzz.seq");
var limit = TimeSpan.FromSeconds(2);

byte[] current = Array.Empty<byte>();
var currentKind = "";
long currentStart = 0;
var watchdog = new Thread(() =>
{
    while (true)
    {
        Thread.Sleep(100);
        var start = Interlocked.Read(ref currentStart);
        if (start != 0 && Stopwatch.GetElapsedTime(start) > limit)
        {
            Console.Error.WriteLine($"HANG: a {currentKind} input took over {limit.TotalSeconds} s:\n{Escape(current)}");
            if (currentKind == "mutated-groove-file") Console.Error.WriteLine($"g.agr:\n{Escape(generator.GrooveFile)}");
            Environment.Exit(1);
        }
    }
}) { IsBackground = true };
watchdog.Start();

var times = new double[count];
var byKind = new Dictionary<string, long>();
var renderedByKind = new Dictionary<string, long>();
long accepted = 0, rejected = 0;
var total = Stopwatch.StartNew();
for (long i = 0; i < count; i++)
{
    var (kind, bytes) = generator.Next(i);
    current = bytes;
    currentKind = kind;
    byKind[kind] = byKind.GetValueOrDefault(kind) + 1;
    var started = Stopwatch.GetTimestamp();
    Interlocked.Exchange(ref currentStart, started);
    try
    {
        var text = System.Text.Encoding.UTF8.GetString(bytes);
        if (LexerAgreement.Disagreement(text) is { } disagreement)
        {
            Console.Error.WriteLine($"LEXERS DISAGREE on a {kind} input (#{i}): {disagreement}\n{Escape(bytes)}");
            return 1;
        }
        if (ParserAgreement.Disagreement(text) is { } parseDisagreement)
        {
            Console.Error.WriteLine($"PARSERS DISAGREE on a {kind} input (#{i}): {parseDisagreement}\n{Escape(bytes)}");
            return 1;
        }
        File.WriteAllBytes(Path.Combine(folder, "g.agr"), generator.GrooveFile);
        var compilation = SeqCompiler.Compile(inputPath, bytes, new CompileOptions());
        if (compilation.Piece is { } piece)
        {
            var diagnostics = new DiagnosticBag();
            var content = PieceRenderer.Render(piece, 0, 4, TickConverter.DefaultPpq, diagnostics);
            if (content is not null) { SmfWriter.ToBytes(content); accepted++; renderedByKind[kind] = renderedByKind.GetValueOrDefault(kind) + 1; } else rejected++;
        }
        else
        {
            if (!compilation.HasErrors) throw new InvalidOperationException("no piece and no error");
            rejected++;
        }
    }
    catch (Exception e)
    {
        Console.Error.WriteLine($"CRASH on a {kind} input (#{i}): {e}\n{Escape(bytes)}");
        if (kind == "mutated-groove-file") Console.Error.WriteLine($"g.agr:\n{Escape(generator.GrooveFile)}");
        return 1;
    }
    Interlocked.Exchange(ref currentStart, 0);
    times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
}
total.Stop();
Array.Sort(times);
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fuzz: {count} inputs (seed {seed}) in {total.Elapsed.TotalSeconds:F1} s: {accepted} rendered, {rejected} rejected with diagnostics, 0 crashes, 0 hangs, 0 lexer or parser disagreements"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fuzz: {ParserAgreement.Compared} inputs parsed both ways with the same AST ({ParserAgreement.ReadByHand} of them read by the hand-written parser too), {ParserAgreement.Fallbacks} parsed only by the file rule (SeqParser's LL fallback)"));
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"fuzz: per input median {times[count / 2]:F3} ms, p99 {times[(long)(count * 0.99)]:F3} ms, max {times[^1]:F1} ms (limit {limit.TotalSeconds} s)"));
// Rendered of each kind, so a generator whose inputs never get past the checker shows up.
Console.WriteLine("fuzz: " + string.Join(", ", byKind.OrderBy(k => k.Key).Select(k => $"{k.Key} {k.Value} ({renderedByKind.GetValueOrDefault(k.Key)} rendered)")));
Directory.Delete(folder, recursive: true);
return 0;

static string FindRoot()
{
    var dir = AppContext.BaseDirectory;
    while (dir is not null && !File.Exists(Path.Combine(dir, "SeqLang.sln"))) dir = Path.GetDirectoryName(dir);
    return dir ?? throw new InvalidOperationException("SeqLang.sln not found above " + AppContext.BaseDirectory);
}

static string Escape(byte[] bytes)
{
    var text = System.Text.Encoding.UTF8.GetString(bytes);
    return text.Length > 2000 ? text[..2000] + $"... ({text.Length} chars)" : text;
}
