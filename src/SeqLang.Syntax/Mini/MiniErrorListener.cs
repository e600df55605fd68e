using Antlr4.Runtime;
using Antlr4.Runtime.Misc;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Generated;

namespace SeqLang.Syntax.Mini;

/// <summary>
/// Turns ANTLR's first syntax error in a mini-notation string into a diagnostic in the user's words,
/// spanning the offending token in the file. Later errors are dropped: ANTLR's recovery reports every
/// token after a mistake, which buries the one that matters.
/// </summary>
internal sealed class MiniErrorListener : BaseErrorListener
{
    private readonly DiagnosticBag _diagnostics;
    private readonly string _text;
    private readonly int _offset;

    public MiniErrorListener(DiagnosticBag diagnostics, string text, int offset)
    {
        _diagnostics = diagnostics;
        _text = text;
        _offset = offset;
    }

    public bool Failed { get; private set; }

    public override void SyntaxError(TextWriter output, IRecognizer recognizer, IToken offendingSymbol, int line, int charPositionInLine, string msg, RecognitionException e)
    {
        if (Failed) return;
        Failed = true;
        var span = offendingSymbol.Type == TokenConstants.EOF
            ? new SourceSpan(_offset + Math.Max(0, _text.Length - 1), _text.Length == 0 ? 0 : 1)
            : SourceSpan.FromBounds(_offset + offendingSymbol.StartIndex, _offset + offendingSymbol.StopIndex + 1);
        var expected = recognizer is Parser parser ? Describe(parser.GetExpectedTokens()) : "";
        var found = offendingSymbol.Type == TokenConstants.EOF ? "end of string" : $"'{MiniParser.Printable(offendingSymbol.Text)}'";
        if (expected.Length > 0)
            _diagnostics.Add(Codes.MiniUnexpectedToken, span, found, expected);
        else
            _diagnostics.Add(Codes.MiniUnexpectedTokenNoHint, span, found);
    }

    private static string Describe(IntervalSet expected)
    {
        var names = new List<string>();
        foreach (var type in expected.ToList())
        {
            var name = type switch
            {
                TokenConstants.EOF => "end of string",
                MiniNotationLexer.WORD => "a step",
                MiniNotationLexer.WEIGHT => "'@'",
                MiniNotationLexer.ELONGATE => "'_'",
                MiniNotationLexer.REPLICATE => "'!'",
                MiniNotationLexer.DEGRADE => "'?'",
                MiniNotationLexer.UNEXPECTED_CHAR => null,
                _ => MiniNotationLexer.DefaultVocabulary.GetLiteralName(type),
            };
            if (name is not null && !names.Contains(name)) names.Add(name);
        }
        if (names.Count == 0 || names.Count > 8) return "";
        return names.Count == 1 ? names[0] : string.Join(", ", names.Take(names.Count - 1)) + " or " + names[^1];
    }
}
