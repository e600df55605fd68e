using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using SeqLang.Core.Diagnostics;
using SeqLang.Core.Text;
using SeqLang.Syntax.Generated;

namespace SeqLang.Syntax.Mini;

/// <summary>
/// The public face of the mini-notation parser: a string's content in, AST and diagnostics out.
/// Never throws for bad input; spans are offsets into the enclosing file.
/// </summary>
public static class MiniParser
{
    /// <summary>Brackets nested deeper than this are refused before parsing (SPEC §10): ANTLR's parser recurses per level.</summary>
    public const int MaxNesting = 64;

    /// <summary>
    /// Parses <paramref name="text"/>, the content of a mini-notation string whose first character is at
    /// <paramref name="fileOffset"/> in the file. Returns null when the string has errors, which are then
    /// in <paramref name="diagnostics"/> (one syntax error per string: the first is the one that matters).
    /// </summary>
    public static MiniSyntax? Parse(string text, int fileOffset, DiagnosticBag diagnostics)
    {
        // Files repeat their strings ("x*16" in every drum track): a tree parsed once is moved, not reparsed.
        if (Parsed.TryGetValue(text, out var known)) return MiniSyntaxRebaser.Rebase(known, fileOffset);
        var syntax = ParseFresh(text, fileOffset, diagnostics);
        if (syntax is not null)
        {
            if (Parsed.Count >= MaxRemembered) Parsed.Clear();
            Parsed.TryAdd(text, syntax);
        }
        return syntax;
    }

    /// <summary>Strings parsed without error, by their text; cleared when it grows past <see cref="MaxRemembered"/>.</summary>
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, MiniSyntax> Parsed = new(StringComparer.Ordinal);

    private const int MaxRemembered = 4096;

    private static MiniSyntax? ParseFresh(string text, int fileOffset, DiagnosticBag diagnostics)
    {
        var reused = t_machinery ??= new Machinery();
        reused.Lexer.Reset(text);
        var tokens = reused.Tokens;
        tokens.SetTokenSource(reused.Lexer);
        tokens.Fill();
        if (!CheckTokens(tokens.GetTokens(), text, fileOffset, diagnostics)) return null;

        var parser = reused.Parser;
        parser.TokenStream = tokens;
        parser.RemoveErrorListeners();
        var listener = new MiniErrorListener(diagnostics, text, fileOffset);
        parser.AddErrorListener(listener);
        MiniNotationParser.MiniContext tree;
        try
        {
            tree = parser.mini();
        }
        catch (MiniNotationParser.TooDeepException e)
        {
            diagnostics.Add(Codes.MiniNestingTooDeep, SourceSpan.FromBounds(fileOffset + e.At.StartIndex, fileOffset + Math.Max(e.At.StartIndex + 1, e.At.StopIndex + 1)), MaxNesting);
            return null;
        }
        if (listener.Failed) return null;

        var builder = new MiniAstBuilder(fileOffset, diagnostics);
        var body = builder.Build(tree);
        return builder.Failed ? null : new MiniSyntax(body, text, fileOffset);
    }

    /// <summary>
    /// One lexer, token stream and parser per thread, given each string in turn: a file holds thousands of
    /// strings, and building ANTLR's machinery anew for each was a sixth of what parsing one allocated.
    /// </summary>
    [ThreadStatic]
    private static Machinery? t_machinery;

    private sealed class Machinery
    {
        public readonly MiniTokenSource Lexer = new("");
        public readonly CommonTokenStream Tokens;
        public readonly MiniNotationParser Parser;

        public Machinery()
        {
            Tokens = new CommonTokenStream(Lexer);
            Parser = new MiniNotationParser(Tokens, TextWriter.Null, TextWriter.Null);
            // SLL prediction is enough for this grammar (its only ambiguities resolve to the first choice either
            // way) and much cheaper than full LL: a file may hold thousands of strings.
            Parser.Interpreter.PredictionMode = Antlr4.Runtime.Atn.PredictionMode.SLL;
        }
    }

    /// <summary>Reports stray characters, an empty string and absurd nesting; false when parsing must not go on.</summary>
    private static bool CheckTokens(IList<IToken> tokens, string text, int offset, DiagnosticBag diagnostics)
    {
        var depth = 0;
        var visible = 0;
        foreach (var token in tokens)
        {
            if (token.Type == TokenConstants.EOF || token.Channel != TokenConstants.DefaultChannel) continue;
            visible++;
            var span = SourceSpan.FromBounds(offset + token.StartIndex, offset + token.StopIndex + 1);
            switch (token.Type)
            {
                case MiniNotationLexer.UNEXPECTED_CHAR:
                    diagnostics.Add(Codes.MiniUnexpectedCharacter, span, Printable(token.Text));
                    return false;
                case MiniNotationLexer.WORD when NotALetter(token.Text) is var (at, length, character):
                    diagnostics.Add(Codes.MiniUnexpectedCharacter, new SourceSpan(offset + token.StartIndex + at, length), Printable(character));
                    return false;
                case MiniNotationLexer.LBRACK or MiniNotationLexer.LBRACE or MiniNotationLexer.LANGLE or MiniNotationLexer.LPAREN:
                    if (++depth > MaxNesting)
                    {
                        diagnostics.Add(Codes.MiniNestingTooDeep, span, MaxNesting);
                        return false;
                    }
                    break;
                case MiniNotationLexer.RBRACK or MiniNotationLexer.RBRACE or MiniNotationLexer.RANGLE or MiniNotationLexer.RPAREN:
                    depth = Math.Max(0, depth - 1);
                    break;
            }
        }
        if (visible == 0)
        {
            diagnostics.Add(Codes.MiniEmpty, new SourceSpan(offset, text.Length));
            return false;
        }
        return true;
    }

    /// <summary>
    /// The first character past ASCII in a step that is not a Unicode letter (L, Nl): the lexer lets every such
    /// character into a step (MiniNotation.g4's LETTER) and this is where the others are turned away.
    /// </summary>
    private static (int At, int Length, string Character)? NotALetter(string word)
    {
        for (var i = 0; i < word.Length; i++)
        {
            if (word[i] < 0x80) continue;
            if (!Rune.TryGetRuneAt(word, i, out var rune)) return (i, 1, word[i].ToString());
            if (!IsLetter(Rune.GetUnicodeCategory(rune))) return (i, rune.Utf16SequenceLength, rune.ToString());
            i += rune.Utf16SequenceLength - 1;
        }
        return null;
    }

    private static bool IsLetter(UnicodeCategory category) => category is UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter
        or UnicodeCategory.TitlecaseLetter or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter or UnicodeCategory.LetterNumber;

    internal static string Printable(string text) => text.Length == 1 && char.IsControl(text[0])
        ? $"\\u{(int)text[0]:X4}"
        : text;
}
