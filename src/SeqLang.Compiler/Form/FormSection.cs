using SeqLang.Core.Text;

namespace SeqLang.Compiler.Form;

/// <summary>
/// One node of a <see cref="FormGraph"/>. In a graph form each name is one node; in a list form
/// (<c>form A 8, B 8, A 8</c>) each item is a node, so a name may appear at several positions.
/// <see cref="Bars"/> is null only for the implicit <c>main</c> of a file with no form, which never ends.
/// <see cref="NameSpan"/> is where the name is written (<see cref="SourceSpan.None"/> for the implicit <c>main</c>).
/// </summary>
public sealed record FormSection(string Name, int Index, long? Bars, FormNext Next, SourceSpan NameSpan);
