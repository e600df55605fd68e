using static SeqLang.Syntax.Generated.SeqLangLexer;

namespace SeqLang.Syntax;

/// <summary>
/// The tokens of grammar/SeqLangLexer.g4, read by hand. The generated lexer rebuilds its state machine in every
/// process (a sixth of a short render's time) and simulates it a character at a time; this reads the same rules
/// directly: the longest match wins, and of equally long ones the rule written first, as in ANTLR.
/// SeqLangTokenSourceTests holds it to the generated lexer, token for token, on every file the tests know and on
/// random text.
/// </summary>
internal sealed class SeqLangTokenSource(string text) : HandWrittenLexer(text)
{
    protected override bool IsHidden(int type) => OnHiddenChannel(type);

    /// <summary>Whitespace and comments: the tokens a parser never sees.</summary>
    public static bool OnHiddenChannel(int type) => type is LINE_COMMENT or BLOCK_COMMENT or WS;

    protected override (int Type, int Length) Match(int at)
    {
        var c = Text[at];
        var next = Peek(at + 1);
        switch (c)
        {
            case '/' when next == '/':
                return (LINE_COMMENT, ToLineEnd(at + 2) - at);
            case '/' when next == '*':
                var close = Text.IndexOf("*/", at + 2, StringComparison.Ordinal);
                // Unclosed, the comment matches nothing and '/' is the longest token here.
                return close < 0 ? (SLASH, 1) : (BLOCK_COMMENT, close + 2 - at);
            case '\r':
                return (NL, next == '\n' ? 2 : 1);
            case '\n':
                return (NL, 1);
            case '"':
                var quote = Text.IndexOf('"', at + 1);
                return quote < 0 ? (UNTERMINATED_STRING, Text.Length - at) : (STRING, quote + 1 - at);
            case '-' when next == '>':
                return (ARROW, 2);
            case '-':
                var number = NumberLength(at + 1);
                return number > 0 ? (NUMBER, number + 1) : (UNEXPECTED_CHAR, 1);
            case '.':
                if (next == '.') return (DOTDOT, 2);
                return IsDigit(next) ? (NUMBER, NumberLength(at)) : (DOT, 1);
            case '*': return (STAR, 1);
            case '(': return (LPAREN, 1);
            case ')': return (RPAREN, 1);
            case '{': return (LBRACE, 1);
            case '}': return (RBRACE, 1);
            case ',': return (COMMA, 1);
            case '|': return (PIPE, 1);
            case ':': return (COLON, 1);
            case '/': return (SLASH, 1);
            case '#': return (SHARP, 1);
        }
        if (IsSpace(c))
        {
            var end = at + 1;
            while (end < Text.Length && IsSpace(Text[end])) end++;
            return (WS, end - at);
        }
        if (IsDigit(c)) return (NUMBER, NumberLength(at));
        if (IsIdentStart(c))
        {
            var end = at + 1;
            while (end < Text.Length && (IsIdentStart(Text[end]) || IsDigit(Text[end]))) end++;
            return (Keyword(Text.AsSpan(at, end - at)), end - at);
        }
        return (UNEXPECTED_CHAR, 1);
    }

    /// <summary>The length of NUMBER's unsigned part at <paramref name="at"/> (<c>[0-9]+ ('.' [0-9]+)? | '.' [0-9]+</c>), 0 if none.</summary>
    private int NumberLength(int at)
    {
        var end = Digits(at);
        if (end == at)
        {
            // '.' [0-9]+
            return Peek(at) == '.' && Digits(at + 1) > at + 1 ? Digits(at + 1) - at : 0;
        }
        // The fraction belongs to the number only with a digit after the point ("60.." is 60 then '..').
        if (Peek(end) == '.' && Digits(end + 1) > end + 1) end = Digits(end + 1);
        return end - at;
    }

    private int ToLineEnd(int at)
    {
        while (at < Text.Length && Text[at] is not ('\r' or '\n')) at++;
        return at;
    }

    private static bool IsIdentStart(char c) => c is >= 'a' and <= 'z' or >= 'A' and <= 'Z' or '_';

    private static bool IsSpace(char c) => c is ' ' or '\t' or '\f' or '\u00A0' or '\uFEFF';

    /// <summary>A word's keyword token, or IDENT: a keyword is exactly as long as the IDENT it also matches, and written first.</summary>
    internal static int Keyword(ReadOnlySpan<char> word) => word switch
    {
        "title" => TITLE,
        "tempo" => TEMPO,
        "meter" => METER,
        "key" => KEY,
        "seed" => SEED,
        "output" => OUTPUT,
        "input" => INPUT,
        "clock" => CLOCK,
        "out" => OUT,
        "in" => IN,
        "scale" => SCALE,
        "kit" => KIT,
        "chords" => CHORDS,
        "harmony" => HARMONY,
        "gravity" => GRAVITY,
        "form" => FORM,
        "loop" => LOOP,
        "end" => END,
        "over" => OVER,
        "bar" => BAR,
        "bars" => BARS,
        "track" => TRACK,
        "channel" => CHANNEL,
        "program" => PROGRAM,
        "bank" => BANK,
        "play" => PLAY,
        "cc" => CC,
        "map" => MAP,
        "feedback" => FEEDBACK,
        "signal" => SIGNAL,
        "bend" => BEND,
        "touch" => TOUCH,
        "step" => STEP,
        "phase" => PHASE,
        "ease" => EASE,
        "every" => EVERY,
        "vel" => VEL,
        "legato" => LEGATO,
        "prob" => PROB,
        "transpose" => TRANSPOSE,
        "octave" => OCTAVE,
        "degrees" => DEGREES,
        "tones" => TONES,
        "fast" => FAST,
        "slow" => SLOW,
        "rev" => REV,
        "shift" => SHIFT,
        "swing" => SWING,
        "grid" => GRID,
        "humanize" => HUMANIZE,
        "voicing" => VOICING,
        "mute" => MUTE,
        "chan" => CHAN,
        "ply" => PLY,
        "iter" => ITER,
        "palindrome" => PALINDROME,
        "chunk" => CHUNK,
        "sometimes" => SOMETIMES,
        "often" => OFTEN,
        "rarely" => RARELY,
        "someCycles" => SOMECYCLES,
        "mask" => MASK,
        "struct" => STRUCT,
        "off" => OFF,
        "n" => N,
        "arp" => ARP,
        "strum" => STRUM,
        "lock" => LOCK,
        "groove" => GROOVE,
        "glide" => GLIDE,
        "bresenham" => BRESENHAM,
        "weights" => WEIGHTS,
        "cellular" => CELLULAR,
        "life" => LIFE,
        "lsystem" => LSYSTEM,
        "markov" => MARKOV,
        _ => IDENT,
    };
}
