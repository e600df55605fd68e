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
        "kick", "snare", "hat", "x", "X", "c4", "e'm7", "c4'maj7", "root", "chord", "bd", "E", "minor", "{", "}", "->",
        "|", ",", ":", "/", "#", "4/4", "7/8", "120", "-3", "0.5", "999999999999999999999", "\n", "\"", "//", "/*", "*/",
    };

    private static readonly string[] Mini =
    {
        "a", "b", "x", "~", "-", "c4", "60", "-1", "0.5", "[", "]", "<", ">", "{", "}", "(", ")", ",", "|", ".", "_",
        "!", "@", "*", "/", "?", "%", ":", "3", "8", "2", "1e3", " ", " ", " ", "c4'maj7", "bd:3", "?0.3", "@1.5",
    };

    private const string MutationCharacters = "[]{}<>\"~*/!@?(),.|:-_#x0123456789 \n";

    private readonly Random _random;
    private readonly string[] _examples;

    public InputGenerator(int seed, string[] examples)
    {
        _random = new Random(seed);
        _examples = examples;
    }

    public (string Kind, byte[] Bytes) Next(long index) => (index % 6) switch
    {
        0 => ("random-bytes", RandomBytes()),
        1 => ("token-soup", Encoding.UTF8.GetBytes(TokenSoup())),
        2 => ("mutated-example", Mutate(Encoding.UTF8.GetBytes(_examples[_random.Next(_examples.Length)]))),
        3 => ("mini-soup", Encoding.UTF8.GetBytes(Lane(MiniSoup()))),
        4 => ("deep-nesting", Encoding.UTF8.GetBytes(DeepNesting())),
        _ => ("huge-repetition", Encoding.UTF8.GetBytes(HugeRepetition())),
    };

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

    private string Lane(string mini) => _random.Next(3) switch
    {
        0 => $"track d channel 10 {{\n  kick \"{mini}\"\n}}\n",
        1 => $"track p channel 1 {{\n  play \"{mini}\" fast 2\n}}\n",
        _ => $"key E minor\ntrack p channel 1 {{\n  play \"{mini}\" degrees vel \"{MiniSoup()}\"\n}}\n",
    };

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
