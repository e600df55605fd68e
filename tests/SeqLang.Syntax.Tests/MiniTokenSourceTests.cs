using System.Text.RegularExpressions;
using Antlr4.Runtime;
using SeqLang.Syntax.Generated;
using SeqLang.Syntax.Mini;
using static SeqLang.Syntax.Tests.Support.TokenComparison;

namespace SeqLang.Syntax.Tests;

/// <summary>
/// The hand-written mini-notation lexer against the lexer ANTLR generates from grammar/MiniNotation.g4: every string
/// of every .seq file in the repository, the Strudel corpus, edge cases, and random text made of the characters
/// where rules meet. One source lexes all of them in turn, as the parser's does.
/// </summary>
public sealed partial class MiniTokenSourceTests
{
    private readonly MiniTokenSource _subject = new("");

    [Fact]
    public void Every_string_of_every_seq_file_lexes_as_the_generated_lexer_lexes_it()
    {
        var strings = 0;
        foreach (var file in RepositorySeqFiles())
        {
            foreach (Match match in QuotedString().Matches(File.ReadAllText(file)))
            {
                Same(match.Groups[1].Value, file);
                strings++;
            }
        }
        Assert.True(strings > 1000, $"only {strings} strings found");
    }

    [Fact]
    public void The_Strudel_corpus_lexes_as_the_generated_lexer_lexes_it()
    {
        var corpus = Path.Combine(RepositoryRoot, "tests", "SeqLang.Compiler.Tests", "Vectors", "public.txt");
        var lines = File.ReadAllLines(corpus).Where(l => l.Length > 0 && !l.StartsWith('#')).ToList();
        Assert.True(lines.Count > 50);
        foreach (var line in lines) Same(line, "public.txt");
    }

    [Theory]
    [InlineData("")]
    [InlineData("a@3b a?.5 a@-1 a@01 a@1e a@1e+ a@1.5e-3x a@1.x a!! a?? _ __ _3 a _b")]
    [InlineData(". .. ... ._a .5 a..b a. .~ .' .- .. 3 ...a")]
    [InlineData("c4'maj7 e^ f#3 ~ - -1 0.25 bd:3 [a,b|c] {a b}%4 <a b>!2 a(3,8,<0 2>)")]
    [InlineData("\u00E9t\u00E9 \u00A0 \u0085 \U0001F600 \r\n\t$ = +")]
    public void Edge_cases_lex_as_the_generated_lexer_lexes_them(string text) => Same(text, "edge case");

    [Fact]
    public void Random_text_lexes_as_the_generated_lexer_lexes_it()
    {
        string[] pieces =
        [
            "[", "]", "{", "}", "<", ">", "(", ")", ",", "|", "*", "/", "%", ":", "@", "_", "!", "?", ".", "..", "-",
            "0", "1", "9", "e", "E", "+", "a", "bd", "c4", "~", "#", "^", "'", " ", "\t", "\n", "\u00A0", "é", "\u0085",
            "\uD83D", "\uDE00", "$", "=",
        ];
        var run = 0;
        foreach (var text in RandomTexts(pieces, 6000, 1207)) Same(text, $"random text {run++}");
    }

    private void Same(string text, string where)
    {
        _subject.Reset(text);
        AssertSameTokens(new MiniNotationLexer(new AntlrInputStream(text)), _subject, text, where);
    }

    [GeneratedRegex("\"([^\"]*)\"")]
    private static partial Regex QuotedString();
}
