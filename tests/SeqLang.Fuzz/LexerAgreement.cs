using Antlr4.Runtime;
using SeqLang.Syntax;
using SeqLang.Syntax.Generated;
using SeqLang.Syntax.Mini;

namespace SeqLang.Fuzz;

/// <summary>
/// The hand-written lexers against ANTLR's generated ones on every fuzz input: the file's tokens, and the tokens of
/// each string in it. Mutated files reach corners (stray quotes, cut comments, odd characters) no curated corpus does.
/// </summary>
internal static class LexerAgreement
{
    private static readonly MiniTokenSource Mini = new("");

    /// <summary>The first token on which the two lexers of <paramref name="text"/> or of one of its strings differ; null if none.</summary>
    public static string? Disagreement(string text)
    {
        var strings = new List<string>();
        if (Compare(new SeqLangLexer(new AntlrInputStream(text)), new SeqLangTokenSource(text), strings) is { } file) return "file: " + file;
        foreach (var content in strings)
        {
            Mini.Reset(content);
            if (Compare(new MiniNotationLexer(new AntlrInputStream(content)), Mini, null) is { } mini) return $"string \"{content}\": {mini}";
        }
        return null;
    }

    private static string? Compare(Lexer reference, ITokenSource subject, List<string>? strings)
    {
        reference.RemoveErrorListeners();
        while (true)
        {
            var (e, a) = (reference.NextToken(), subject.NextToken());
            var expected = Describe(e);
            var actual = Describe(a);
            if (expected != actual) return $"expected {expected}, got {actual}";
            if (strings is not null && e.Type == SeqLangLexer.STRING) strings.Add(e.Text[1..^1]);
            if (e.Type == TokenConstants.EOF) return null;
        }
    }

    private static string Describe(IToken t) => $"{t.Type}/{t.Channel} {t.StartIndex}..{t.StopIndex} {t.Line}:{t.Column} '{t.Text}'";
}
