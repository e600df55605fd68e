using Antlr4.Runtime;
using SeqLang.Syntax.Generated;
using static SeqLang.Syntax.Tests.Support.TokenComparison;

namespace SeqLang.Syntax.Tests;

/// <summary>
/// The hand-written statement lexer against the lexer ANTLR generates from grammar/SeqLangLexer.g4: every .seq file
/// in the repository, each keyword of the grammar with and without neighbours, edge cases, and random text made of
/// the characters where rules meet.
/// </summary>
public sealed class SeqLangTokenSourceTests
{
    [Fact]
    public void Every_seq_file_in_the_repository_lexes_as_the_generated_lexer_lexes_it()
    {
        var files = RepositorySeqFiles();
        Assert.True(files.Count > 100, $"only {files.Count} .seq files found");
        foreach (var file in files) Same(File.ReadAllText(file), file);
    }

    [Fact]
    public void Every_keyword_of_the_grammar_is_the_generated_lexer_s_token()
    {
        var vocabulary = SeqLangLexer.DefaultVocabulary;
        var literals = 0;
        for (var type = 1; type <= SeqLangLexer.UNEXPECTED_CHAR; type++)
        {
            var literal = vocabulary.GetLiteralName(type);
            if (literal is null) continue;
            var word = literal.Trim('\'');
            literals++;
            foreach (var text in new[] { word, word + "x", word + "_1", "x" + word, word + " " + word, word.ToUpperInvariant(), "\"" + word + "\"" + word })
                Same(text, $"keyword {literal}");
        }
        Assert.True(literals > 80, $"{literals} literal tokens in the vocabulary");
    }

    [Theory]
    [InlineData("")]
    [InlineData("/* unclosed")]
    [InlineData("/*/ x */ y */")]
    [InlineData("\"unterminated\nstring")]
    [InlineData("-.5 -5. 5..6 .5.5 ... -> - -x 1.2.3 ..5")]
    [InlineData("a\r\nb\rc\n\r// c\r\n/**/\u00A0\uFEFF\t\f#")]
    [InlineData("x\U0001F600y \u00E9 \0")]
    public void Edge_cases_lex_as_the_generated_lexer_lexes_them(string text) => Same(text, "edge case");

    [Fact]
    public void Random_text_lexes_as_the_generated_lexer_lexes_it()
    {
        string[] pieces =
        [
            "/", "*", "\"", "-", ">", ".", "0", "7", "12", "a", "Z", "_", "x1", "play", "bars", "bar", "someCycles",
            "\r", "\n", " ", "\t", "\f", "\u00A0", "\uFEFF", "{", "}", "(", ")", ",", "|", ":", "#", "=", "@", "é",
            "\uD83D", "\uDE00", "~", "[", "]",
        ];
        var run = 0;
        foreach (var text in RandomTexts(pieces, 4000, 20261207)) Same(text, $"random text {run++}");
    }

    private static void Same(string text, string where) =>
        AssertSameTokens(new SeqLangLexer(new AntlrInputStream(text)), new SeqLangTokenSource(text), text, where);
}
