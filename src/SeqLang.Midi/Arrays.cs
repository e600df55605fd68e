namespace SeqLang.Midi;

/// <summary>
/// Growing the builder's and writer's arrays. <see cref="Array.Resize{T}"/> over this assembly's structs is a
/// framework generic that no ReadyToRun image holds, so every <c>seq</c> process would JIT it (one per element
/// type); this generic lives here, so ReadyToRun compiles its instantiations with the rest of the assembly.
/// </summary>
internal static class Arrays
{
    /// <summary>A new array of <paramref name="length"/> (default: twice the old, at least 16) holding the first <paramref name="count"/> items.</summary>
    public static T[] Grow<T>(T[] items, int count, int length = -1)
    {
        var grown = new T[length >= 0 ? length : Math.Max(16, 2 * items.Length)];
        Array.Copy(items, grown, count);
        return grown;
    }
}
