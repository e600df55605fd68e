using static SeqLang.Syntax.Generated.MiniNotationLexer;

namespace SeqLang.Syntax.Mini;

/// <summary>
/// The tokens of grammar/MiniNotation.g4, read by hand, for the same reason as <see cref="SeqLangTokenSource"/>: the
/// generated lexer rebuilds its state machine in every process. The longest match wins, and of equally long ones
/// the rule written first. MiniTokenSourceTests holds it to the generated lexer, token for token.
/// One instance serves a thread's strings in turn (<see cref="HandWrittenLexer.Reset"/>).
/// </summary>
internal sealed class MiniTokenSource(string text) : HandWrittenLexer(text)
{
    protected override bool IsHidden(int type) => type == WS;

    protected override (int Type, int Length) Match(int at)
    {
        var c = Text[at];
        switch (c)
        {
            case '[': return (LBRACK, 1);
            case ']': return (RBRACK, 1);
            case '{': return (LBRACE, 1);
            case '}': return (RBRACE, 1);
            case '<': return (LANGLE, 1);
            case '>': return (RANGLE, 1);
            case '(': return (LPAREN, 1);
            case ')': return (RPAREN, 1);
            case ',': return (COMMA, 1);
            case '|': return (PIPE, 1);
            case '*': return (STAR, 1);
            case '/': return (SLASH, 1);
            case '%': return (PERCENT, 1);
            case ':': return (COLON, 1);
            // The number after an operator is part of its token (see the grammar's header).
            case '@': return (WEIGHT, 1 + OperatorNumberLength(at + 1));
            case '_': return (ELONGATE, 1 + OperatorNumberLength(at + 1));
            case '!': return (REPLICATE, 1 + OperatorNumberLength(at + 1));
            case '?': return (DEGRADE, 1 + OperatorNumberLength(at + 1));
            case '.':
                var next = Peek(at + 1);
                if (next == '.') return (RANGE, 2);
                // '.' AFTER_DOT STEP_CHAR*: a step may begin with a point ("._a", ".5"), a lone point separates feet.
                return IsAfterDot(next) ? (WORD, StepRunEnd(at + 2) - at) : (DOT, 1);
        }
        if (IsSpace(c))
        {
            var end = at + 1;
            while (end < Text.Length && IsSpace(Text[end])) end++;
            return (WS, end - at);
        }
        if (IsWordStart(c)) return (WORD, StepRunEnd(at + 1) - at);
        return (UNEXPECTED_CHAR, 1);
    }

    /// <summary>The length of OP_NUMBER at <paramref name="at"/>: <c>'-'? ('0' | [1-9][0-9]*) ('.' [0-9]+)? ([eE] [+-]? [0-9]+)?</c>, 0 if none.</summary>
    private int OperatorNumberLength(int at)
    {
        var p = at;
        if (Peek(p) == '-') p++;
        if (Peek(p) == '0') p++;
        else if (Peek(p) is >= '1' and <= '9') p = Digits(p + 1);
        else return 0;
        if (Peek(p) == '.' && IsDigit(Peek(p + 1))) p = Digits(p + 1);
        if (Peek(p) is 'e' or 'E')
        {
            var q = Peek(p + 1) is '+' or '-' ? p + 2 : p + 1;
            if (IsDigit(Peek(q))) p = Digits(q);
        }
        return p - at;
    }

    private int StepRunEnd(int at)
    {
        while (at < Text.Length && IsStepChar(Text[at])) at++;
        return at;
    }

    /// <summary>The grammar's LETTER: ASCII letters and every character past ASCII save the no-break space.</summary>
    private static bool IsLetter(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' || (c >= '\u0080' && c != '\u00A0');

    private static bool IsWordStart(char c) => IsLetter(c) || IsDigit(c) || c is '~' or '-' or '#' or '^';

    private static bool IsAfterDot(char c) => IsWordStart(c) || c is '_' or '\'';

    private static bool IsStepChar(char c) => IsAfterDot(c) || c == '.';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\r' or '\n' or '\u00A0';
}
