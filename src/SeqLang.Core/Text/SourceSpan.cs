namespace SeqLang.Core.Text;

/// <summary>A range of characters in a source file: [Start, Start + Length).</summary>
public readonly record struct SourceSpan(int Start, int Length)
{
    public int End => Start + Length;

    public static SourceSpan FromBounds(int start, int end) => new(start, Math.Max(0, end - start));

    public static readonly SourceSpan None = new(0, 0);

    /// <summary>This span moved by <paramref name="offset"/> characters, used to place spans inside strings into the file.</summary>
    public SourceSpan Offset(int offset) => new(Start + offset, Length);

    public SourceSpan Union(SourceSpan other) => FromBounds(Math.Min(Start, other.Start), Math.Max(End, other.End));

    public override string ToString() => $"[{Start}..{End})";
}
