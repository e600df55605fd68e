using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Generated;

namespace SeqLang.Syntax;

/// <summary>The public face of the statement parser: text in, AST and diagnostics out. Never throws for bad input.</summary>
public static class SeqParser
{
    /// <summary>Deeper brace nesting than this is refused before parsing: ANTLR's parser recurses per level.</summary>
    public const int MaxNesting = 64;

    public static FileSyntax Parse(SourceText source, DiagnosticBag diagnostics)
    {
        if (!CheckTokens(source.Text, diagnostics, out var visible)) return new FileSyntax(Array.Empty<StatementSyntax>(), new SourceSpan(0, source.Text.Length));
        if (HandWrittenParser.Parse(source.Text, visible) is { } common) return common;

        // Two-stage parse: SLL prediction is much faster and right for every valid file; only when it
        // fails is the file parsed again with full LL, which also reports the errors. The first stage reads the
        // tokens as it goes, without whitespace, so none outlive their statement; the second has them all.
        // The parser never prints (its errors reach our listener); without writers of its own it would open the console's.
        var parser = new SeqLangParser(new UnbufferedTokenStream(new SeqLangTokenSource(source.Text) { SkipsHidden = true }), TextWriter.Null, TextWriter.Null);
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            if (ParseByStatement(parser.TokenStream, parser) is { } file) return file;
        }
        catch (ParseCanceledException)
        {
        }
        parser.TokenStream = new CommonTokenStream(new SeqLangTokenSource(source.Text));
        parser.Interpreter.PredictionMode = PredictionMode.LL;
        parser.ErrorHandler = new DefaultErrorStrategy();
        parser.AddErrorListener(new SyntaxErrorListener(diagnostics, source.Text));
        return new AstBuilder().Build(parser.file());
    }

    /// <summary>
    /// The file rule (<c>NL* (statement (NL+ statement)*)? NL* EOF</c>) walked here, one statement at a time, each
    /// statement's parse tree turned into its AST and let go before the next is parsed: a large file's trees are
    /// never all alive at once. SLL prediction ignores the calling rule, so each statement parses as inside the file
    /// rule. Null when a statement is not followed by a line break or the end, which the file rule would refuse.
    /// </summary>
    internal static FileSyntax? ParseByStatement(ITokenStream tokens, SeqLangParser parser)
    {
        var builder = new AstBuilder();
        var statements = new List<StatementSyntax>();
        var first = tokens.LT(1);
        while (true)
        {
            while (tokens.LA(1) == SeqLangLexer.NL) tokens.Consume();
            if (tokens.LA(1) == TokenConstants.EOF) break;
            var statement = parser.statement();
            if (tokens.LA(1) is not (SeqLangLexer.NL or TokenConstants.EOF)) return null;
            if (builder.Statement(statement) is { } built) statements.Add(built);
        }
        // As the file rule's span: from its first token to the last it consumed (EOF is matched, not consumed).
        var last = tokens.LT(-1) ?? first;
        return new FileSyntax(statements, SourceSpan.FromBounds(first.StartIndex, Math.Max(first.StartIndex, last.StopIndex + 1)));
    }

    /// <summary>
    /// Reports lexical problems and refuses absurd nesting; false when parsing must not go on. Counts the tokens a
    /// parser sees (<paramref name="visible"/>: not whitespace or comments).
    /// </summary>
    private static bool CheckTokens(string text, DiagnosticBag diagnostics, out int visible)
    {
        var lexer = new SeqLangTokenSource(text);
        var depth = 0;
        visible = 0;
        while (lexer.Scan(out var type, out var start, out var stop))
        {
            if (!SeqLangTokenSource.OnHiddenChannel(type)) visible++;
            var span = SourceSpan.FromBounds(start, stop + 1);
            switch (type)
            {
                case SeqLangLexer.UNTERMINATED_STRING:
                    diagnostics.Add(Codes.UnterminatedString, new SourceSpan(start, 1));
                    break;
                case SeqLangLexer.UNEXPECTED_CHAR:
                    diagnostics.Add(Codes.UnexpectedCharacter, span, Printable(text.Substring(start, stop + 1 - start)));
                    break;
                case SeqLangLexer.LBRACE:
                    if (++depth > MaxNesting)
                    {
                        diagnostics.Add(Codes.NestingTooDeep, span, MaxNesting);
                        return false;
                    }
                    break;
                case SeqLangLexer.RBRACE:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        return true;
    }

    private static string Printable(string text) =>
        text.Length == 1 && char.IsControl(text[0]) ? $"U+{(int)text[0]:X4}" : text;
}
