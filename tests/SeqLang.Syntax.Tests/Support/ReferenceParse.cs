using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using SeqLang.Syntax.Ast;
using SeqLang.Syntax.Generated;

namespace SeqLang.Syntax.Tests.Support;

/// <summary>
/// A file parsed by ANTLR two ways, with the first stage's settings (SLL prediction, bail at the first error): whole,
/// by the file rule (the reference), and one statement at a time as <see cref="SeqParser"/> does. Shared by the
/// tests and the fuzz program.
/// </summary>
public static class ReferenceParse
{
    /// <summary>The file rule's AST, or null and why it refused the text.</summary>
    public static (FileSyntax? File, string? Error) WholeFile(string text) =>
        Parse(new CommonTokenStream(new SeqLangTokenSource(text)), (_, parser) => new AstBuilder().Build(parser.file()));

    /// <summary>As SeqParser reads it: as the parser goes, whitespace and comments never made into tokens.</summary>
    public static (FileSyntax? File, string? Error) ByStatement(string text) =>
        Parse(new UnbufferedTokenStream(new SeqLangTokenSource(text) { SkipsHidden = true }), SeqParser.ParseByStatement);

    /// <summary>The hand-written parser's AST (null where it leaves the file to ANTLR), its tokens counted as SeqParser counts them.</summary>
    public static FileSyntax? ByHand(string text)
    {
        var (lexer, visible) = (new SeqLangTokenSource(text), 0);
        while (lexer.Scan(out var type, out _, out _))
            if (!SeqLangTokenSource.OnHiddenChannel(type)) visible++;
        return HandWrittenParser.Parse(text, visible);
    }

    private static (FileSyntax? File, string? Error) Parse(ITokenStream tokens, Func<ITokenStream, SeqLangParser, FileSyntax?> parse)
    {
        var parser = new SeqLangParser(tokens, TextWriter.Null, TextWriter.Null);
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        try
        {
            return parse(tokens, parser) is { } file ? (file, null) : (null, "not followed by a line break");
        }
        catch (ParseCanceledException e)
        {
            return (null, e.InnerException?.GetType().Name ?? e.Message);
        }
    }
}
