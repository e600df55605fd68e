using System.Collections;
using System.Reflection;
using System.Text;

namespace SeqLang.Syntax.Tests.Support;

/// <summary>
/// An AST written out as text, property by property, so that two trees can be compared whole: the records compare
/// their lists by reference, and a difference deep in a track should be shown where it is.
/// </summary>
public static class AstDump
{
    public static string Of(object? node)
    {
        var text = new StringBuilder();
        Write(node, text, 0);
        return text.ToString();
    }

    private static void Write(object? node, StringBuilder text, int depth)
    {
        if (node is null) { text.Append("null"); return; }
        var type = node.GetType();
        if (node is string s) { text.Append('"').Append(s.Replace("\n", "\\n")).Append('"'); return; }
        if (type.IsPrimitive || type.IsEnum || !type.Namespace!.StartsWith("SeqLang.Syntax", StringComparison.Ordinal) && node is not IEnumerable)
        {
            text.Append(node);
            return;
        }
        if (node is IEnumerable items)
        {
            text.Append('[');
            foreach (var item in items)
            {
                text.Append('\n').Append(' ', 2 * (depth + 1));
                Write(item, text, depth + 1);
            }
            text.Append(']');
            return;
        }
        text.Append(type.Name).Append(" {");
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.Name, StringComparer.Ordinal))
        {
            if (property.GetIndexParameters().Length > 0) continue;
            text.Append('\n').Append(' ', 2 * (depth + 1)).Append(property.Name).Append(": ");
            Write(property.GetValue(node), text, depth + 1);
        }
        text.Append('}');
    }
}
