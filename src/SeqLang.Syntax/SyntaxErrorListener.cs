using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Generated;

namespace SeqLang.Syntax;

/// <summary>
/// Feeds ANTLR's syntax errors into our bag with messages in the user's words ("expected a number")
/// rather than ANTLR's token names. Only the first error of a line is kept: ANTLR's recovery
/// otherwise reports every token after a mistake, burying the one that matters.
/// </summary>
internal sealed class SyntaxErrorListener : BaseErrorListener
{
    private readonly DiagnosticBag _diagnostics;
    private readonly string _text;
    private readonly HashSet<int> _linesWithErrors = new();

    public SyntaxErrorListener(DiagnosticBag diagnostics, string text)
    {
        _diagnostics = diagnostics;
        _text = text;
    }

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        // Lexical problems were reported where they were found; the parser's view of them adds nothing.
        if (offendingSymbol.Type is SeqLangLexer.UNTERMINATED_STRING or SeqLangLexer.UNEXPECTED_CHAR) return;
        if (!_linesWithErrors.Add(line)) return;

        var span = offendingSymbol.Type == TokenConstants.EOF
            ? new SourceSpan(Math.Max(0, _text.Length - 1), _text.Length == 0 ? 0 : 1)
            : SourceSpan.FromBounds(offendingSymbol.StartIndex, offendingSymbol.StopIndex + 1);
        var expected = recognizer is Parser parser ? Describe(parser.GetExpectedTokens(), parser.Vocabulary) : "";
        var found = Describe(offendingSymbol);
        if (expected.Length > 0)
            _diagnostics.Add(Codes.UnexpectedToken, span, found, expected);
        else
            _diagnostics.Add(Codes.UnexpectedTokenNoHint, span, found);
    }

    private static string Describe(IToken token) => token.Type switch
    {
        TokenConstants.EOF => "end of file",
        SeqLangLexer.NL => "end of line",
        SeqLangLexer.STRING => "a string",
        _ => $"'{token.Text}'",
    };

    private static string Describe(IntervalSet expected, IVocabulary vocabulary)
    {
        var names = new List<string>();
        foreach (var type in expected.ToList())
        {
            var name = type switch
            {
                TokenConstants.EOF => "end of file",
                SeqLangLexer.NL => "end of line",
                SeqLangLexer.NUMBER => "a number",
                SeqLangLexer.STRING => "a \"string\"",
                SeqLangLexer.IDENT => "a name",
                _ => vocabulary.GetLiteralName(type) ?? vocabulary.GetDisplayName(type),
            };
            if (!names.Contains(name)) names.Add(name);
        }
        if (names.Count == 0 || names.Count > 6) return "";
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }
}
