using SeqLang.Compiler.Mini;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Time;
using SeqLang.Patterns;
using SeqLang.Syntax.Mini;

namespace SeqLang.Compiler.Tests;

/// <summary>The mini-notation compiler: laws between notations, limits, errors and the value resolver.</summary>
public sealed class MiniCompilerTests
{
    private static List<string> Events(string mini, int cycles = 4)
    {
        var result = MiniEvents.Run(mini, cycles);
        Assert.True(result.Succeeded, string.Join("; ", result.Diagnostics.Select(d => d.Message)));
        return result.Events.Select(e => $"{e.Begin}-{e.End}:{e.Value}").Order(StringComparer.Ordinal).ToList();
    }

    [Theory]
    [InlineData("a*3 b", "[a a a] b")]
    [InlineData("a!3", "a a a")]
    [InlineData("a!3 b", "a a a b")]
    [InlineData("a ! ! b", "a a a b")]
    [InlineData("<a b>", "<a b>/1")]
    [InlineData("<a b>", "[a b]/2")]
    [InlineData("[a b]*2", "a b a b")]
    [InlineData("a . b c . [d e]", "[a] [b c] [[d e]]")]
    [InlineData("a _ b", "a@2 b")]
    [InlineData("a@3 _ b", "a@4 b")]
    [InlineData("a@3@2 b", "a@4 b")]
    [InlineData("a!2@3 b", "a!2@3 b")]
    [InlineData("{a b c}%4", "<[a b c a] [b c a b] [c a b c]>")]
    [InlineData("a(3,8)", "a ~ ~ a ~ ~ a ~")]
    [InlineData("a(3,8,2)", "a ~ a ~ ~ a ~ ~")]
    [InlineData("a(3,8,10)", "a(3,8)")]
    [InlineData("a(-3,8)", "~ a a ~ a a ~ a")]
    [InlineData("<a b>!2", "<[a a] [b b]>")]
    [InlineData("a*<2 3>", "<[a a] [a a a]>")]
    [InlineData("a*-1*-1 b", "a b")]
    [InlineData("~ a@2", "~ a _")]
    [InlineData("a*1.5", "[a a a]/2")]
    public void Notations_that_mean_the_same(string left, string right) => Assert.Equal(Events(right, 6), Events(left, 6));

    [Fact]
    public void Values_print_as_strudel_prints_them()
    {
        Assert.Equal(new[] { "0-1/6:1", "1/2-2/3:1000", "1/3-1/2:0", "1/6-1/3:0.5", "2/3-5/6:16", "5/6-1:[\"bd\",3]" },
            Events("1.0 .5 -0 1e3 0x10 bd:3", 1));
    }

    [Fact]
    public void The_json_has_begin_end_and_value()
    {
        Assert.Equal("[{\"begin\":\"0\",\"end\":\"1/2\",\"value\":\"a\"},{\"begin\":\"1/2\",\"end\":\"1\",\"value\":\"60\"}]",
            MiniEvents.Run("a 60", 1).ToJson());
    }

    [Theory]
    [InlineData("a*100000000")]
    [InlineData("[a*10000]*10000")]
    [InlineData("a*10001")]
    [InlineData("[a b]*5001")]
    public void More_than_ten_thousand_events_in_a_cycle_is_an_error(string mini)
    {
        var result = MiniEvents.Run(mini, 4);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == "SEQ0412");
    }

    [Fact]
    public void Exactly_ten_thousand_is_fine_and_sparse_rhythms_over_huge_step_counts_are_cheap()
    {
        Assert.Equal(20_000, MiniEvents.Run("a*10000", 2).Events.Count);
        Assert.Equal(6, MiniEvents.Run("a(3,99999999)", 2).Events.Count);
    }

    [Fact]
    public void Work_without_events_is_an_error_too()
    {
        var result = MiniEvents.Run("[~ <~ ~>]*100000000", 1);
        Assert.Contains(result.Diagnostics, d => d.Code == "SEQ0413");
    }

    [Theory]
    [InlineData("a*x", "SEQ0408")]
    [InlineData("a/x b", "SEQ0408")]
    [InlineData("a(5,3)", "SEQ0411")]
    [InlineData("a(2.5,8)", "SEQ0411")]
    [InlineData("a(x,8)", "SEQ0411")]
    [InlineData("<a@0>", "SEQ0409")]
    [InlineData("a@-1 b", "SEQ0409")]
    [InlineData("a@9e18 b@9e18", "SEQ0417")]
    [InlineData("a*9e18*9e18", "SEQ0414")]
    public void Strings_strudel_refuses_are_errors(string mini, string code)
    {
        var result = MiniEvents.Run(mini);
        Assert.False(result.Succeeded);
        Assert.Contains(result.Diagnostics, d => d.Code == code && d.IsError);
    }

    [Theory]
    [InlineData("a*[2 x]")]
    [InlineData("{a b}%x")]
    [InlineData("a(<3 9>,8)")]
    [InlineData("{a}%0 b")]
    public void Strings_whose_queries_fail_have_no_events_and_say_why(string mini)
    {
        var result = MiniEvents.Run(mini);
        Assert.True(result.Succeeded);
        Assert.Empty(result.Events);
        Assert.Contains(result.Diagnostics, d => d.Severity == Severity.Warning);
    }

    [Fact]
    public void Endless_operator_chains_are_refused_before_they_can_exhaust_the_stack()
    {
        var result = MiniEvents.Run("a" + string.Concat(Enumerable.Repeat("*1", 2000)));
        Assert.Contains(result.Diagnostics, d => d.Code == "SEQ0410");
    }

    private static void AssertBinomial(int successes, int trials, double p)
    {
        var sigma = Math.Sqrt(trials * p * (1 - p));
        Assert.InRange(successes, trials * p - 5 * sigma, trials * p + 5 * sigma);
    }

    [Theory]
    [InlineData("a?", 0.5)]
    [InlineData("a?0.3", 0.7)]
    [InlineData("a*4?0.8", 0.2)]
    [InlineData("[a a]?", 0.5)]
    public void Degrade_keeps_events_with_strudels_probability(string mini, double keep)
    {
        var pattern = MiniCompiler.Compile(mini, 0, SeededRandom.StreamFor(7, "t.l"), new DiagnosticBag())!;
        var full = MiniCompiler.Compile(mini.Split('?')[0], 0, 1, new DiagnosticBag())!;
        int kept = 0, total = 0;
        for (var c = 0; c < 3000; c++)
        {
            kept += pattern.QueryCycle(c).Count(h => h.HasOnset);
            total += full.QueryCycle(c).Count(h => h.HasOnset);
        }
        AssertBinomial(kept, total, keep);
    }

    [Fact]
    public void Choice_picks_each_option_uniformly()
    {
        var pattern = MiniCompiler.Compile("[a|b|c] d", 0, SeededRandom.StreamFor(7, "t.l"), new DiagnosticBag())!;
        var counts = new Dictionary<string, int> { ["a"] = 0, ["b"] = 0, ["c"] = 0 };
        for (var c = 0; c < 3000; c++)
            foreach (var hap in pattern.QueryCycle(c))
                if (hap.Value.Text != "d") counts[hap.Value.Text]++;
        foreach (var n in counts.Values) AssertBinomial(n, 3000, 1.0 / 3);
    }

    [Fact]
    public void Random_operators_draw_from_the_given_stream()
    {
        string Run(ulong stream) => string.Join(",", Enumerable.Range(0, 64).SelectMany(c =>
            MiniCompiler.Compile("a*8?", 0, stream, new DiagnosticBag())!.QueryCycle(c)).Select(h => h.Whole!.Value.Begin));
        Assert.Equal(Run(SeededRandom.StreamFor(1, "x.y")), Run(SeededRandom.StreamFor(1, "x.y")));
        Assert.NotEqual(Run(SeededRandom.StreamFor(1, "x.y")), Run(SeededRandom.StreamFor(2, "x.y")));
    }

    [Fact]
    public void Resolve_reads_each_played_value_once_and_never_the_arguments()
    {
        var syntax = MiniParser.Parse("bd*2 [sd <hh oh>](3,8) bd:3", 20, new DiagnosticBag())!;
        var seen = new List<string>();
        var pattern = MiniCompiler.Compile(syntax, 1, new DiagnosticBag(), atom => { seen.Add(atom.Text); return atom.Text.ToUpperInvariant(); });
        Assert.NotNull(pattern);
        Assert.Equal(new[] { "bd", "sd", "hh", "oh", "bd:3" }, seen);
        Assert.Contains(pattern!.QueryCycle(0), h => h.Value == "BD:3");
        var refused = MiniCompiler.Compile(syntax, 1, new DiagnosticBag(), atom => atom.Text == "oh" ? null : atom.Text);
        Assert.Null(refused);
    }

    [Fact]
    public void Atoms_carry_their_place_in_the_file_and_lists_their_parts()
    {
        var pattern = MiniCompiler.Compile("c4 bd:3", 40, 1, new DiagnosticBag())!;
        var haps = pattern.QueryCycle(0).OrderBy(h => h.Whole!.Value.Begin).ToList();
        Assert.Equal(("c4", 40, 2), (haps[0].Value.Text, haps[0].Value.Span.Start, haps[0].Value.Span.Length));
        var list = haps[1].Value;
        Assert.True(list.IsList);
        Assert.Equal(new[] { "bd", "3" }, list.Parts!.Select(p => p.Text));
        Assert.Equal(43, list.Span.Start);
        Assert.Equal(3.0, list.Parts![1].Number);
    }

    [Theory]
    [InlineData("1", 1.0, "1")]
    [InlineData("1.0", 1.0, "1")]
    [InlineData(".5", 0.5, "0.5")]
    [InlineData("-0", 0.0, "0")]
    [InlineData("1e3", 1000.0, "1000")]
    [InlineData("1e21", 1e21, "1e+21")]
    [InlineData("1e-7", 1e-7, "1e-7")]
    [InlineData("0.000001", 1e-6, "0.000001")]
    [InlineData("123456789012345678901", 1.2345678901234568e20, "123456789012345680000")]
    [InlineData("0x1F", 31.0, "31")]
    [InlineData("0b101", 5.0, "5")]
    [InlineData("-2.25", -2.25, "-2.25")]
    [InlineData("0.1", 0.1, "0.1")]
    public void Numbers_read_and_print_as_in_javascript(string text, double value, string printed)
    {
        Assert.True(JsNumber.TryParse(text, out var parsed));
        Assert.Equal(value, parsed);
        Assert.Equal(printed, JsNumber.Format(parsed));
    }

    [Theory]
    [InlineData("a")]
    [InlineData("c4")]
    [InlineData("1_000")]
    [InlineData("-0x10")]
    [InlineData("1e")]
    [InlineData("..")]
    public void Words_are_not_numbers(string text) => Assert.False(JsNumber.TryParse(text, out _));
}

/// <summary>The short-literal fast path of exact decimals agrees with the general parser.</summary>
public sealed class ExactDecimalTests
{
    [Fact]
    public void Agrees_with_the_general_parser()
    {
        var random = new Random(99);
        var samples = new List<string> { "0", "-0", "1.", ".5", "-.5", "1e3", "1E-2", "2.5e-3", "123456789012345", "0.000000000000001", "9e15", "1e18", "-7.125" };
        for (var i = 0; i < 2000; i++)
        {
            var digits = random.Next(1, 9);
            var text = (random.Next(3) == 0 ? "-" : "") + random.NextInt64(0, (long)Math.Pow(10, digits)).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (random.Next(2) == 0) text = text.Insert(random.Next(text.TrimStart('-').Length + 1) + (text.StartsWith('-') ? 1 : 0), ".");
            if (random.Next(4) == 0) text += "e" + random.Next(-9, 10);
            samples.Add(text);
        }
        foreach (var text in samples)
        {
            var general = Rational.TryParseDecimal(text, out var expected);
            var fast = JsNumber.TryExactDecimal(text, out var actual);
            Assert.Equal(general, fast);
            if (general) Assert.Equal(expected, actual);
        }
    }
}

/// <summary>Whatever the string, <see cref="MiniEvents"/> answers with events or diagnostics, never an exception.</summary>
public sealed class MiniRobustnessTests
{
    [Fact]
    public void Random_strings_never_throw()
    {
        string[] pieces = { "a", "b", "1", "0", "-1", "~", "-", "_", ".", "..", "@", "@2", "@-1", "!", "!3", "?", "?0.3", "*", "*2", "*-1", "*0",
            "/", "/0", "/1.5", "%", "%0", "%3", ":", ":1", "(", ")", ",", "|", "[", "]", "{", "}", "<", ">", " ", " ", "^", "9e18", "1e-18", "x'm7", "0x10" };
        var random = new Random(20261121);
        for (var i = 0; i < 4000; i++)
        {
            var text = string.Concat(Enumerable.Range(0, random.Next(1, 12)).Select(_ => pieces[random.Next(pieces.Length)]));
            var result = MiniEvents.Run(text, 2, seed: i);
            Assert.True(result.Succeeded || result.Diagnostics.Any(d => d.IsError), text);
        }
    }
}
