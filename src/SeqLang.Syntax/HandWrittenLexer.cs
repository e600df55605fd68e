using Antlr4.Runtime;

namespace SeqLang.Syntax;

/// <summary>
/// What the two hand-written lexers share: ANTLR's token source contract (tokens with offsets, line and column, text
/// read from the input stream, an end-of-file token after the last), over a <see cref="Match"/> that each lexer writes
/// from its grammar's rules.
/// </summary>
internal abstract class HandWrittenLexer : ITokenSource
{
    /// <summary>ANTLR's view of the text, which tokens read theirs from: made when the first token is, as it copies the text.</summary>
    private Tuple<ITokenSource, ICharStream>? _source;
    private int _at;
    private int _line = 1;
    private int _column;

    protected HandWrittenLexer(string text) => Reset(text);

    /// <summary>The text being read.</summary>
    protected string Text { get; private set; }

    /// <summary>Starts over on <paramref name="text"/>.</summary>
    [System.Diagnostics.CodeAnalysis.MemberNotNull(nameof(Text))]
    public void Reset(string text)
    {
        Text = text;
        _source = null;
        (_at, _line, _column) = (0, 1, 0);
    }

    public ICharStream InputStream => Source.Item2;

    private Tuple<ITokenSource, ICharStream> Source => _source ??= Tuple.Create<ITokenSource, ICharStream>(this, new AntlrInputStream(Text));

    public int Line => _line;

    public int Column => _column;

    public string SourceName => InputStream.SourceName;

    public ITokenFactory TokenFactory { get; set; } = CommonTokenFactory.Default;

    /// <summary>When set, whitespace and comments are read past and never made into tokens (for a parser, which skips them).</summary>
    public bool SkipsHidden { get; init; }

    public IToken NextToken()
    {
        while (true)
        {
            var (line, column) = (_line, _column);
            if (!Scan(out var type, out var start, out var stop)) return Token(TokenConstants.EOF, TokenConstants.DefaultChannel, start, stop, line, column);
            var hidden = IsHidden(type);
            if (hidden && SkipsHidden) continue;
            return Token(type, hidden ? TokenConstants.HiddenChannel : TokenConstants.DefaultChannel, start, stop, line, column);
        }
    }

    /// <summary>
    /// Reads the next token's type and offsets without making a token; false at the end of the text (then
    /// <paramref name="start"/> is the text's length and <paramref name="stop"/> one less, as ANTLR's EOF token has them).
    /// </summary>
    public bool Scan(out int type, out int start, out int stop)
    {
        start = _at;
        if (start >= Text.Length)
        {
            (type, stop) = (TokenConstants.EOF, start - 1);
            return false;
        }
        (type, var length) = Match(start);
        for (var i = start; i < start + length; i++)
        {
            // ANTLR counts lines at '\n' alone; a lone '\r' ends a statement (NL) but not a line.
            if (Text[i] == '\n') { _line++; _column = 0; }
            else _column++;
        }
        _at = start + length;
        stop = _at - 1;
        return true;
    }

    /// <summary>The token that starts at <paramref name="at"/> (before the end of the text) and its length, at least 1.</summary>
    protected abstract (int Type, int Length) Match(int at);

    /// <summary>Whether tokens of <paramref name="type"/> go to the hidden channel (whitespace, comments).</summary>
    protected abstract bool IsHidden(int type);

    protected char Peek(int at) => at < Text.Length ? Text[at] : '\0';

    /// <summary>Where the run of decimal digits that starts at <paramref name="at"/> ends.</summary>
    protected int Digits(int at)
    {
        while (at < Text.Length && IsDigit(Text[at])) at++;
        return at;
    }

    protected static bool IsDigit(char c) => c is >= '0' and <= '9';

    private CommonToken Token(int type, int channel, int start, int stop, int line, int column) =>
        new(Source, type, channel, start, stop) { Line = line, Column = column };
}
