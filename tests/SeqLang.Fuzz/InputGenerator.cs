using System.Text;

namespace SeqLang.Fuzz;

/// <summary>
/// Makes bad and strange inputs, deterministically from a seed: random bytes, token soup, mutated
/// examples, deep nesting, huge repetition. Each kind aims at a different way a compiler dies.
/// </summary>
public sealed class InputGenerator
{
    private static readonly string[] Words =
    {
        "title", "tempo", "meter", "key", "seed", "swing", "track", "channel", "program", "bank", "kit", "play", "cc",
        "every", "in", "form", "loop", "end", "harmony", "chords", "scale", "vel", "legato", "prob", "transpose",
        "octave", "degrees", "tones", "fast", "slow", "rev", "shift", "grid", "humanize", "voicing", "mute", "chan",
        "ply", "iter", "palindrome", "chunk", "off", "sometimes", "often", "rarely", "someCycles", "mask", "struct", "n",
        "signal", "bend", "touch", "step", "phase", "ease", "inout", "out", "over", "bar", "bars", "beats", "section",
        "sine", "cosine", "saw", "isaw", "tri", "square", "rand", "irand", "perlin", "ramp", "vdc", "*", "(", ")", "..",
        "1/64", "0..127", "-2..2", "60..120",
        "arp", "strum", "lock", "groove", "glide", "up", "down", "updown", "converge", "pinkyupdown", "thumbup", "octaves",
        "bresenham", "weights", "cellular", "width", "from", "random", "steps", "5 16", "30", "110", "\"x ~ ~ x\"",
        "lsystem", "gen", "axiom", "markov", "walk", "logistic", "3.9", "0..7", "c2 -> eb2 2 | g2", "n markov m",
        "melody", "nir", "range", "c3..c5", "48..72", "n melody range c3..c5 nir 0.5 chord 0.3",
        "life", "B3/S23", "b36/s23", "B9/S", "rows", "bd sd hh", "\"x ~\" \"~ x\"", "turing", "\"0 3 5 7\"", "\"c3 eb3\"", "drift", "0.1",
        "at", "amount", "on", "1/16", "1/32", "\"0 [0,2] 1\"", "\"grooves/MPC 16 Swing-58.agr\"", "\"g.agr\"",
        "kick", "snare", "hat", "x", "X", "c4", "e'm7", "c4'maj7", "root", "chord", "bd", "E", "minor", "{", "}", "->",
        "|", ",", ":", "/", "#", "4/4", "7/8", "120", "-3", "0.5", "999999999999999999999", "\n", "\"", "//", "/*", "*/",
    };

    private static readonly string[] Mini =
    {
        "a", "b", "x", "~", "-", "c4", "60", "-1", "0.5", "[", "]", "<", ">", "{", "}", "(", ")", ",", "|", ".", "_",
        "!", "@", "*", "/", "?", "%", ":", "3", "8", "2", "1e3", " ", " ", " ", "c4'maj7", "bd:3", "?0.3", "@1.5",
    };

    private const string MutationCharacters = "[]{}<>\"~*/!@?(),.|:-_#x0123456789 \n";

    // SPEC §14's modes and the numbers that sit at and past the edges of each option's range.
    private static readonly string[] ArpModes =
    {
        "up", "down", "updown", "downup", "upanddown", "downandup", "converge", "diverge", "disconverge", "pinkyup",
        "pinkyupdown", "thumbup", "thumbupdown", "upp", "\"0 [0,2] <1 -1> 3?\"", "\"~\"", "\"99999999999\"",
    };

    private static readonly string[] Fractions = { "1/16", "1/32", "1/64", "1/48", "1/12", "0.02", "1/4", "1/3" };
    private static readonly string[] Counts = { "1", "2", "3", "4", "8" };
    private static readonly string[] Wild = { "0", "-1", "2", "5", "1/0", "1/3", "0.000000001", "99999", "1024", "1025", "999999999999999999999" };

    private readonly Random _random;
    private readonly string[] _examples;
    private readonly byte[] _grooveFile;

    /// <param name="grooveFile">An Ableton groove file to mutate; the caller writes <see cref="GrooveFile"/> as g.agr beside the input.</param>
    public InputGenerator(int seed, string[] examples, byte[] grooveFile)
    {
        _random = new Random(seed);
        _examples = examples;
        _grooveFile = grooveFile;
    }

    /// <summary>The bytes of g.agr for the input <see cref="Next"/> gave last (a mutated groove file, or the file as it is).</summary>
    public byte[] GrooveFile { get; private set; } = Array.Empty<byte>();

    public (string Kind, byte[] Bytes) Next(long index)
    {
        GrooveFile = _grooveFile;
        return (index % 8) switch
        {
            0 => ("random-bytes", RandomBytes()),
            1 => ("token-soup", Encoding.UTF8.GetBytes(TokenSoup())),
            2 => ("mutated-example", Mutate(Encoding.UTF8.GetBytes(_examples[_random.Next(_examples.Length)]))),
            3 => ("mini-soup", Encoding.UTF8.GetBytes(Lane(MiniSoup()))),
            4 => ("deep-nesting", Encoding.UTF8.GetBytes(DeepNesting())),
            5 => ("huge-repetition", Encoding.UTF8.GetBytes(HugeRepetition())),
            6 => ("pattern-functions", Encoding.UTF8.GetBytes(PatternFunctions())),
            _ => ("mutated-groove-file", MutatedGrooveFile()),
        };
    }

    private byte[] RandomBytes()
    {
        var bytes = new byte[_random.Next(0, 200)];
        _random.NextBytes(bytes);
        return bytes;
    }

    private string TokenSoup()
    {
        var sb = new StringBuilder();
        var n = _random.Next(1, 60);
        for (var i = 0; i < n; i++) sb.Append(Words[_random.Next(Words.Length)]).Append(_random.Next(4) == 0 ? "" : " ");
        return sb.ToString();
    }

    private string MiniSoup()
    {
        var sb = new StringBuilder();
        var n = _random.Next(1, 30);
        for (var i = 0; i < n; i++) sb.Append(Mini[_random.Next(Mini.Length)]);
        return sb.ToString().Replace("\"", "");
    }

    private string Lane(string mini) => _random.Next(4) switch
    {
        3 => PatternFunctions(mini),
        0 => $"track d channel 10 {{\n  kick \"{mini}\"\n}}\n",
        1 => $"track p channel 1 {{\n  play \"{mini}\" fast 2\n}}\n",
        _ => $"key E minor\ntrack p channel 1 {{\n  play \"{mini}\" degrees vel \"{MiniSoup()}\"\n}}\n",
    };

    /// <summary>
    /// A piece whose lanes chain arp, strum, lock, groove and glide with arguments in and out of range, over
    /// chords, a grid groove with soup for slots and the groove file: the shapes token soup rarely reaches.
    /// </summary>
    private string PatternFunctions(string? mini = null)
    {
        var sb = new StringBuilder();
        sb.Append("chords \"<Am F C G7 [Dm E]>\"\n");
        sb.Append($"groove push grid {Edge(new[] { "16", "8", "3", "192", "1" }, "0", "193")} {{ shift \"{Edge(new[] { "0 0.1 0 -0.05", "0.5 -0.5", "0" }, MiniSoup(), "0.6")}\" vel \"{Edge(new[] { "1 0.7", "0 2", "1" }, MiniSoup(), "3")}\" }}\n");
        sb.Append("groove file \"g.agr\"\n");
        sb.Append($"track p channel 1 bend {Edge(new[] { "2", "12", "24", "1" }, "0", "25")} {{\n");
        var lanes = _random.Next(1, 4);
        for (var i = 0; i < lanes; i++)
        {
            var lane = mini ?? Edge(new[] { "chord", "c2 c3 [eb2 c2] g2", "[c3,e3,g3] ~ [d3,f3,a3]@2", "chord*4?", "<c4 e4>!3 [g4,b4,d5]", "c4'maj7 ~ [e4,g4]" }, MiniSoup());
            sb.Append($"  {(i == 0 ? "play" : "l" + i)} \"{lane}\"");
            var modifiers = _random.Next(1, 5);
            for (var m = 0; m < modifiers; m++) sb.Append(' ').Append(PatternModifier());
            sb.Append('\n');
        }
        return sb.Append("}\n").ToString();
    }

    private string PatternModifier() => _random.Next(9) switch
    {
        0 => $"arp {Edge(ArpModes[..13], ArpModes[13..])}" + (_random.Next(2) == 0 ? $" step {Edge(Fractions, Wild)}" : "") + (_random.Next(2) == 0 ? $" octaves {Edge(Counts[..4], Wild)}" : ""),
        1 => $"strum {Edge(Fractions, Wild)}" + (_random.Next(2) == 0 ? " down" : ""),
        2 => $"lock {Edge(Counts, Wild)}" + (_random.Next(2) == 0 ? $" at {Edge(Counts, Wild)}" : ""),
        3 => $"groove {Edge(new[] { "push", "file" }, "nope")}" + (_random.Next(2) == 0 ? $" amount {Edge(new[] { "0", "0.5", "1", "2" }, Wild)}" : ""),
        4 => $"glide {Edge(Fractions, Wild)}" + (_random.Next(2) == 0 ? $" on \"{Edge(new[] { "x ~", "~ x x ~", "x*3 ~" }, MiniSoup())}\"" : ""),
        // strum, lock, groove and glide apply to the lane itself (SEQ0312 inside these), so they are rarer here.
        5 => $"every {Pick("2", "3")} {(_random.Next(4) == 0 ? PatternModifier() : SimpleModifier())}",
        6 => $"{Pick("chunk 4", "sometimes 0.5", "someCycles 0.5", "off 0.25")} {(_random.Next(4) == 0 ? PatternModifier() : SimpleModifier())}",
        7 => SimpleModifier(),
        _ => Pick("octave 3", "voicing lead", "swing 58", "humanize 10"),
    };

    private string SimpleModifier() => _random.Next(5) == 0
        ? $"arp {Pick(ArpModes[..13])}"
        : Pick("rev", "fast 2", "slow 3", "ply 2", "iter 4", "palindrome", "legato 1", "prob 0.5", "vel rand 40..120", "transpose 12",
            "shift 0.25", "mask \"1 0 1\"", "struct \"x ~ x x\"");

    /// <summary>The groove file with a few bytes changed (read as g.agr), used by a lane, or gzip-compressed whole.</summary>
    private byte[] MutatedGrooveFile()
    {
        GrooveFile = _random.Next(8) == 0 ? Gzip(_grooveFile) : Mutate(_grooveFile);
        return Encoding.UTF8.GetBytes("groove g \"g.agr\"\ntrack d channel 10 {\n  hat \"x*16\" groove g amount " + Edge(new[] { "0.5", "1", "2" }, Wild) + "\n}\n");
    }

    private static byte[] Gzip(byte[] bytes)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest)) gzip.Write(bytes);
        return output.ToArray();
    }

    private string Pick(params string[] choices) => choices[_random.Next(choices.Length)];

    /// <summary>Mostly a value in range, so many pieces get past the checker; one time in twelve an edge or a wild one.</summary>
    private string Edge(string[] valid, params string[] wild) => _random.Next(12) == 0 ? Pick(wild) : Pick(valid);

    private byte[] Mutate(byte[] source)
    {
        var bytes = new List<byte>(source);
        var edits = _random.Next(1, 8);
        for (var i = 0; i < edits && bytes.Count > 0; i++)
        {
            var at = _random.Next(bytes.Count);
            switch (_random.Next(4))
            {
                case 0: bytes.RemoveAt(at); break;
                case 1: bytes.Insert(at, (byte)MutationCharacters[_random.Next(MutationCharacters.Length)]); break;
                case 2: bytes[at] = (byte)_random.Next(256); break;
                default:
                    var length = Math.Min(bytes.Count - at, _random.Next(1, 40));
                    bytes.InsertRange(at, bytes.GetRange(at, length));
                    break;
            }
        }
        return bytes.ToArray();
    }

    private string DeepNesting()
    {
        var depth = _random.Next(30, 5000);
        var (open, close) = "[]<>{}"[_random.Next(3) * 2] switch
        {
            '[' => ("[", "]"),
            '<' => ("<", ">"),
            _ => ("{", "}"),
        };
        var inner = string.Concat(Enumerable.Repeat(open, depth)) + "a" + string.Concat(Enumerable.Repeat(close, depth));
        return _random.Next(4) == 0
            ? string.Concat(Enumerable.Repeat("track t channel 1 { in a {", depth / 10)) + string.Concat(Enumerable.Repeat("}}", depth / 10))
            : Lane(inner);
    }

    private string HugeRepetition()
    {
        var big = _random.Next(4) switch
        {
            0 => "1000000000",
            1 => "99999",
            2 => "12345678901234567890",
            _ => "0.000000001",
        };
        return _random.Next(6) switch
        {
            0 => Lane($"a*{big}"),
            1 => Lane($"[a*10000]*10000"),
            2 => Lane($"a({_random.Next(1, 100)},{big},{big})"),
            3 => Lane($"a!{big}"),
            4 => Lane($"{{a b c}}%{big}"),
            _ => $"track p channel 1 {{\n  play \"a b\" fast {big} slow 0.0001\n}}\n",
        };
    }
}
