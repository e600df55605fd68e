using Antlr4.Runtime;
using Antlr4.Runtime.Tree;

namespace SeqLang.Syntax;

/// <summary>
/// The generated parsers' accessors for child contexts (<c>context.sequence()</c>), as ANTLR's
/// <c>GetRuleContexts&lt;T&gt;</c> and <c>GetRuleContext&lt;T&gt;(i)</c> define them, but as static methods:
/// ANTLR's are generic virtual methods, which the native program resolves at run time through its type loader,
/// once per context type (measured: a tenth of a 4-bar render's CPU). Its token accessors walk the children with
/// an enumerator of an interface, one allocation per call (1.5 MB of a 5,000-line check); these index them.
/// grammar/regen.sh points the generated code here.
/// </summary>
internal static class RuleContextChildren
{
    /// <summary>Every child of type <typeparamref name="T"/>, in order.</summary>
    public static T[] All<T>(ParserRuleContext context) where T : ParserRuleContext
    {
        var children = context.children;
        if (children is null) return [];
        var count = 0;
        for (var i = 0; i < children.Count; i++)
            if (children[i] is T) count++;
        if (count == 0) return [];
        var result = new T[count];
        var k = 0;
        for (var i = 0; i < children.Count; i++)
            if (children[i] is T t) result[k++] = t;
        return result;
    }

    /// <summary>The <paramref name="i"/>-th child of type <typeparamref name="T"/>, or null.</summary>
    public static T? At<T>(ParserRuleContext context, int i) where T : ParserRuleContext
    {
        var children = context.children;
        if (children is null || i < 0 || i >= children.Count) return null;
        var j = -1;
        for (var k = 0; k < children.Count; k++)
        {
            if (children[k] is T t && ++j == i) return t;
        }
        return null;
    }

    /// <summary>Every token child of type <paramref name="tokenType"/>, in order.</summary>
    public static ITerminalNode[] Tokens(ParserRuleContext context, int tokenType)
    {
        var children = context.children;
        if (children is null) return [];
        var count = 0;
        for (var i = 0; i < children.Count; i++)
            if (IsToken(children[i], tokenType)) count++;
        if (count == 0) return [];
        var result = new ITerminalNode[count];
        var k = 0;
        for (var i = 0; i < children.Count; i++)
            if (IsToken(children[i], tokenType)) result[k++] = (ITerminalNode)children[i];
        return result;
    }

    /// <summary>The <paramref name="i"/>-th token child of type <paramref name="tokenType"/>, or null.</summary>
    public static ITerminalNode? Token(ParserRuleContext context, int tokenType, int i)
    {
        var children = context.children;
        if (children is null || i < 0 || i >= children.Count) return null;
        var j = -1;
        for (var k = 0; k < children.Count; k++)
        {
            if (IsToken(children[k], tokenType) && ++j == i) return (ITerminalNode)children[k];
        }
        return null;
    }

    private static bool IsToken(IParseTree child, int tokenType) => child is ITerminalNode node && node.Symbol.Type == tokenType;
}
