using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using SeqLang.Syntax;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Generated;
using SeqLang.Syntax.Tests.Support;

namespace SeqLang.Fuzz;

/// <summary>
/// The hand-written parser and the statement-by-statement parse (<see cref="SeqParser.ParseByStatement"/>) against
/// ANTLR's whole file rule on every fuzz input, as StatementParseTests holds them on repository files: mutated and
/// random inputs reach statement boundaries (a statement cut short, two on one line, stray braces) that curated files do not.
/// </summary>
internal static class ParserAgreement
{
    /// <summary>Inputs the file rule parsed but the statement parse refused: SeqParser falls back to the whole-file LL parse on them.</summary>
    public static long Fallbacks;

    /// <summary>Inputs both parses accepted, their ASTs compared: so a run whose inputs never parse shows up.</summary>
    public static long Compared;

    /// <summary>Inputs the hand-written parser read (the rest it leaves to ANTLR), their ASTs compared too.</summary>
    public static long ReadByHand;

    /// <summary>How the two parses of <paramref name="text"/> differ, if they do: a file accepted only statement by statement, or different ASTs.</summary>
    public static string? Disagreement(string text)
    {
        // SeqParser refuses deeper nesting before parsing; ANTLR's file rule would recurse that deep.
        if (TooDeep(text)) return null;
        var (byStatement, _) = ReferenceParse.ByStatement(text);
        var (whole, wholeError) = ReferenceParse.WholeFile(text);
        var byHand = ReferenceParse.ByHand(text);
        if (whole is null)
        {
            if (byHand is not null) return $"the file rule refuses it ({wholeError}), the hand-written parser read it";
            return byStatement is null ? null : $"the file rule refuses it ({wholeError}), statement by statement it parsed";
        }
        var expected = AstDump.Of(whole);
        if (byHand is not null)
        {
            ReadByHand++;
            if (FirstDifference(expected, AstDump.Of(byHand)) is { } difference) return "by hand: " + difference;
        }
        if (byStatement is null)
        {
            Fallbacks++;
            return null;
        }
        Compared++;
        return FirstDifference(expected, AstDump.Of(byStatement)) is { } statements ? "statement by statement: " + statements : null;
    }

    private static string? FirstDifference(string expectedDump, string actualDump)
    {
        var (expected, actual) = (expectedDump.Split('\n'), actualDump.Split('\n'));
        for (var line = 0; line < Math.Max(expected.Length, actual.Length); line++)
        {
            var (e, a) = (line < expected.Length ? expected[line] : "(end)", line < actual.Length ? actual[line] : "(end)");
            if (e != a) return $"ASTs differ at dump line {line + 1}: file rule '{e.Trim()}', this parse '{a.Trim()}'";
        }
        return null;
    }

    private static bool TooDeep(string text)
    {
        var lexer = new SeqLangTokenSource(text);
        var depth = 0;
        while (lexer.Scan(out var type, out _, out _))
        {
            if (type == SeqLangLexer.LBRACE && ++depth > SeqParser.MaxNesting) return true;
            if (type == SeqLangLexer.RBRACE) depth = Math.Max(0, depth - 1);
        }
        return false;
    }
}
