using Antlr4.Runtime;

namespace SeqLang.Syntax;

/// <summary>
/// The generated parsers' accessors for child contexts (<c>context.sequence()</c>), as ANTLR's
/// <c>GetRuleContexts&lt;T&gt;</c> and <c>GetRuleContext&lt;T&gt;(i)</c> define them, but as static methods:
/// ANTLR's are generic virtual methods, which the native program resolves at run time through its type loader,
/// once per context type (measured: a tenth of a 4-bar render's CPU). grammar/regen.sh points the generated code here.
/// </summary>
internal static class RuleContextChildren
{
    /// <summary>Every child of type <typeparamref name="T"/>, in order.</summary>
    public static T[] All<T>(ParserRuleContext context) where T : ParserRuleContext
    {
        var children = context.children;
        if (children is null) return [];
        var count = 0;
        foreach (var child in children)
            if (child is T) count++;
        if (count == 0) return [];
        var result = new T[count];
        var k = 0;
        foreach (var child in children)
            if (child is T t) result[k++] = t;
        return result;
    }

    /// <summary>The <paramref name="i"/>-th child of type <typeparamref name="T"/>, or null.</summary>
    public static T? At<T>(ParserRuleContext context, int i) where T : ParserRuleContext
    {
        var children = context.children;
        if (children is null || i < 0 || i >= children.Count) return null;
        var j = -1;
        foreach (var child in children)
        {
            if (child is T t && ++j == i) return t;
        }
        return null;
    }
}
