using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Mini;

namespace SeqLang.Syntax.Tests;

/// <summary>The mini-notation parser: the tree, spans into the enclosing file, and errors with exact places.</summary>
public sealed class MiniParserTests
{
    private static MiniSyntax Parse(string text, int offset = 0)
    {
        var bag = new DiagnosticBag();
        var syntax = MiniParser.Parse(text, offset, bag);
        Assert.True(syntax is not null, string.Join("; ", bag.Items.Select(d => d.Message)));
        Assert.Empty(bag.Items);
        return syntax!;
    }

    private static Diagnostic Error(string text, int offset = 0)
    {
        var bag = new DiagnosticBag();
        Assert.Null(MiniParser.Parse(text, offset, bag));
        var error = Assert.Single(bag.Items, d => d.IsError);
        return error;
    }

    private static List<MiniAtomSyntax> Atoms(MiniNodeSyntax node)
    {
        var result = new List<MiniAtomSyntax>();
        void Walk(MiniNodeSyntax n)
        {
            switch (n)
            {
                case MiniAtomSyntax a: result.Add(a); break;
                case MiniSequenceSyntax s: foreach (var e in s.Elements) Walk(e); break;
                case MiniGroupSyntax g: foreach (var s in g.Sequences) Walk(s); break;
                case MiniSubCycleSyntax c: Walk(c.Body); break;
                case MiniPolymeterSyntax p: foreach (var s in p.Sequences) Walk(s); break;
                case MiniAlternationSyntax a: foreach (var s in a.Sequences) Walk(s); break;
                case MiniElementSyntax e: Walk(e.Slice); break;
            }
        }
        Walk(node);
        return result;
    }

    [Fact]
    public void Spans_point_into_the_enclosing_file()
    {
        // As if the string started at offset 100 of the file: `play "a [b c]*2"`.
        var syntax = Parse("a [b c]*2", 100);
        Assert.Equal(new SourceSpan(100, 9), syntax.Span);
        var atoms = Atoms(syntax.Body);
        Assert.Equal(new[] { ("a", 100), ("b", 103), ("c", 105) }, atoms.Select(a => (a.Text, a.Span.Start)));
        var sequence = Assert.IsType<MiniSequenceSyntax>(syntax.Body);
        var second = sequence.Elements[1];
        Assert.Equal(SourceSpan.FromBounds(102, 109), second.Span);
        Assert.Equal(SourceSpan.FromBounds(102, 107), second.Slice.Span);
        var stretch = Assert.IsType<MiniStretchSyntax>(Assert.Single(second.Operators));
        Assert.True(stretch.IsFast);
        Assert.Equal(SourceSpan.FromBounds(107, 109), stretch.Span);
        Assert.Equal(new SourceSpan(108, 1), stretch.Amount.Span);
    }

    [Fact]
    public void A_string_written_twice_gets_spans_at_each_place()
    {
        var first = Parse("<x y>(3,8) z:2 {p q}%<4 8>", 10);
        var second = Parse("<x y>(3,8) z:2 {p q}%<4 8>", 500);
        var a = Atoms(first.Body).Select(x => x.Span.Start - 10).ToList();
        var b = Atoms(second.Body).Select(x => x.Span.Start - 500).ToList();
        Assert.Equal(a, b);
        var euclid = Assert.IsType<MiniEuclidSyntax>(Assert.IsType<MiniSequenceSyntax>(second.Body).Elements[0].Operators[0]);
        Assert.Equal(new SourceSpan(500 + 6, 1), euclid.Pulses.Span);
        Assert.Equal(new SourceSpan(500, 26), second.Span);
    }

    [Fact]
    public void Atoms_keep_the_words_of_the_language()
    {
        var syntax = Parse("c4 eb3 f#5 cs4 c-1 c4'maj7 e'm7 Cmaj7 x X -1 0.5 .5 1e3 closed_hi_hat ~ -");
        Assert.Equal(
            new[] { "c4", "eb3", "f#5", "cs4", "c-1", "c4'maj7", "e'm7", "Cmaj7", "x", "X", "-1", "0.5", ".5", "1e3", "closed_hi_hat", "~", "-" },
            Atoms(syntax.Body).Select(a => a.Text));
        Assert.Equal(new[] { true, true }, Atoms(syntax.Body).TakeLast(2).Select(a => a.IsRest));
    }

    [Fact]
    public void Groups_stacks_choices_and_feet()
    {
        Assert.Equal(MiniGroupKind.Stack, Assert.IsType<MiniGroupSyntax>(Parse("a b, c").Body).Kind);
        Assert.Equal(MiniGroupKind.RandomChoice, Assert.IsType<MiniGroupSyntax>(Parse("a | b c").Body).Kind);
        var feet = Assert.IsType<MiniGroupSyntax>(Parse("a . b c . [d e]").Body);
        Assert.Equal(MiniGroupKind.Feet, feet.Kind);
        Assert.Equal(3, feet.Sequences.Count);
        // "." must stand alone: ".5" and "a." are steps.
        Assert.Equal(new[] { "a.", ".5" }, Atoms(Parse("a. .5").Body).Select(a => a.Text));
    }

    [Fact]
    public void Operators_in_order_with_their_numbers()
    {
        var element = Assert.IsType<MiniSequenceSyntax>(Parse("a@3!2?0.25:3(3,8,2)/<2 3>").Body).Elements[0];
        Assert.Collection(element.Operators,
            op => Assert.Equal(new Core.Time.Rational(3, 1), Assert.IsType<MiniWeightSyntax>(op).Amount),
            op => Assert.Equal(new Core.Time.Rational(2, 1), Assert.IsType<MiniReplicateSyntax>(op).Amount),
            op => Assert.Equal(0.25, Assert.IsType<MiniDegradeSyntax>(op).Amount),
            op => Assert.Equal("3", Assert.IsType<MiniAtomSyntax>(Assert.IsType<MiniTailSyntax>(op).Element).Text),
            op => Assert.NotNull(Assert.IsType<MiniEuclidSyntax>(op).Rotation),
            op => Assert.IsType<MiniAlternationSyntax>(Assert.IsType<MiniStretchSyntax>(op).Amount));
    }

    [Fact]
    public void Bare_repeats_and_underscores_are_operators_of_the_step_before()
    {
        var sequence = Assert.IsType<MiniSequenceSyntax>(Parse("a ! ! b _ _ c").Body);
        Assert.Equal(3, sequence.Elements.Count);
        Assert.Equal(2, sequence.Elements[0].Operators.Count(o => o is MiniReplicateSyntax { Amount: null }));
        Assert.Equal(2, sequence.Elements[1].Operators.Count(o => o is MiniWeightSyntax { IsUnderscore: true }));
        // krill reads the number right after the operator, and stops where a number stops.
        var glued = Assert.IsType<MiniSequenceSyntax>(Parse("a@3b a?.5").Body);
        Assert.Equal(new[] { "a", "b", "a", ".5" }, Atoms(glued).Select(a => a.Text));
    }

    [Fact]
    public void A_step_may_start_with_an_underscore_where_a_step_must_start()
    {
        Assert.Equal("_a", Atoms(Parse("[_a]").Body).Single().Text);
        Assert.Equal("SEQ0407", Error("[_ a]").Code);
        Assert.Equal("SEQ0407", Error("_ a").Code);
    }

    [Fact]
    public void The_step_marker_is_dropped()
    {
        Assert.Equal(new[] { "a", "b", "c" }, Atoms(Parse("^a b [^ c]").Body).Select(a => a.Text));
    }

    [Theory]
    [InlineData("[a b", "SEQ0401", 3, 1)]          // end of string: the last character
    [InlineData("a . b, c", "SEQ0401", 5, 1)]      // one kind of separator per group
    [InlineData("<a | b>", "SEQ0401", 3, 1)]       // '|' only in [ ] and at the top
    [InlineData("a $ b", "SEQ0403", 2, 1)]
    [InlineData("{a b} %4", "SEQ0407", 6, 1)]      // '%' must touch '}'
    [InlineData("a@1e30", "SEQ0406", 2, 4)]
    [InlineData("a ]", "SEQ0401", 2, 1)]
    [InlineData("[]", "SEQ0401", 1, 1)]
    public void Errors_point_at_the_offending_character(string text, string code, int start, int length)
    {
        var error = Error(text, 50);
        Assert.Equal(code, error.Code);
        Assert.Equal(new SourceSpan(50 + start, length), error.Span);
    }

    [Fact]
    public void Steps_take_any_Unicode_letter_and_nothing_else_past_ASCII()
    {
        // Latin, Greek, CJK, a letter number (Roman numeral), a letter outside the BMP (two UTF-16 units).
        Assert.Equal(new[] { "ré", "λ", "音", "Ⅻ", "𝒜b" }, Atoms(Parse("ré λ 音 Ⅻ 𝒜b").Body).Select(a => a.Text));
        // A no-break space separates steps, as any white space does.
        Assert.Equal(new[] { "a", "b" }, Atoms(Parse("a\u00A0b").Body).Select(a => a.Text));
        // Past ASCII, a non-letter is a stray character where it stands, even inside a step.
        foreach (var (text, at, length) in new[] { ("a→b", 1, 1), ("ré€", 2, 1), ("x 😀", 2, 2), ("a\u2003b", 1, 1), ("a\uD800", 1, 1) })
        {
            var error = Error(text, 7);
            Assert.Equal("SEQ0403", error.Code);
            Assert.Equal(new SourceSpan(7 + at, length), error.Span);
        }
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_string_is_an_error(string text) => Assert.Equal("SEQ0405", Error(text).Code);

    [Fact]
    public void Nesting_is_limited_before_parsing()
    {
        var ok = new string('[', MiniParser.MaxNesting) + "a" + new string(']', MiniParser.MaxNesting);
        Parse(ok);
        var deep = new string('[', MiniParser.MaxNesting + 1) + "a" + new string(']', MiniParser.MaxNesting + 1);
        var error = Error(deep, 10);
        Assert.Equal("SEQ0404", error.Code);
        Assert.Equal(new SourceSpan(10 + MiniParser.MaxNesting, 1), error.Span);
        // Far deeper than any stack could take: refused, not crashed.
        Assert.Equal("SEQ0404", Error(new string('<', 200_000) + "a" + new string('>', 200_000)).Code);
        // A chain nests with no bracket left open; it is stopped too.
        Assert.Equal("SEQ0404", Error(string.Concat(Enumerable.Repeat("{a}%", 50_000)) + "4").Code);
        Parse(string.Concat(Enumerable.Repeat("{a}%", 20)) + "4");
        // The parser is reused: a parse stopped deep down leaves nothing behind for the next one.
        Parse(ok);
    }

    [Fact]
    public void Random_input_never_throws()
    {
        var random = new Random(1234);
        const string alphabet = "ab01~-_.@!?*/%:()[]{}<>,|^#' \t\n$";
        for (var i = 0; i < 3000; i++)
        {
            var chars = new char[random.Next(0, 24)];
            for (var k = 0; k < chars.Length; k++) chars[k] = alphabet[random.Next(alphabet.Length)];
            var bag = new DiagnosticBag();
            var syntax = MiniParser.Parse(new string(chars), 7, bag);
            Assert.True(syntax is not null || bag.HasErrors, $"'{new string(chars)}' failed without saying why");
            Assert.All(bag.Items, d => Assert.InRange(d.Span.Start, 7, 7 + Math.Max(chars.Length, 1)));
        }
    }
}
