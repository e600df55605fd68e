using Antlr4.Runtime;

namespace SeqLang.Syntax.Generated;

/// <summary>
/// A backstop for the parser's recursion. The bracket count before parsing catches deep nesting, but a
/// chain such as <c>{a}%{a}%{a}%…</c> nests the parse tree with no bracket left open; thousands of links
/// would overflow the stack, which no catch can survive. Past <see cref="MaxRuleDepth"/> rules deep the
/// parse stops with <see cref="TooDeepException"/>, reported by the facade as nesting too deep.
/// </summary>
internal partial class MiniNotationParser
{
    /// <summary>About five rules per bracket level: 64 levels stay far below it.</summary>
    public const int MaxRuleDepth = 600;

    private int _ruleDepth;

    public sealed class TooDeepException : Exception
    {
        public TooDeepException(IToken at) : base("mini-notation nested too deeply") => At = at;

        public IToken At { get; }
    }

    public override void EnterRule(ParserRuleContext localctx, int state, int ruleIndex)
    {
        if (++_ruleDepth > MaxRuleDepth) throw new TooDeepException(CurrentToken);
        base.EnterRule(localctx, state, ruleIndex);
    }

    public override void ExitRule()
    {
        _ruleDepth--;
        base.ExitRule();
    }
}
