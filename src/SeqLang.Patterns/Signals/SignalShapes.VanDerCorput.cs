using SeqLang.Core.Numbers;

namespace SeqLang.Patterns.Signals;

public static partial class SignalShapes
{
    /// <summary>
    /// The base-2 van der Corput number of <paramref name="k"/>: k's binary digits mirrored behind the point
    /// (0, 1/2, 1/4, 3/4, 1/8, ...). Exact for k &lt; 2³²; beyond, digits finer than 2⁻³² are dropped, which is
    /// the same as taking k mod 2³², so the result stays in [0, 1).
    /// </summary>
    public static FixedPoint VanDerCorput(long k)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(k);
        var v = unchecked((uint)k);
        // Reverse the 32 bits by swapping ever larger blocks: neighbouring bits, pairs, nibbles, bytes, then halves.
        v = ((v >> 1) & 0x55555555u) | ((v & 0x55555555u) << 1);
        v = ((v >> 2) & 0x33333333u) | ((v & 0x33333333u) << 2);
        v = ((v >> 4) & 0x0F0F0F0Fu) | ((v & 0x0F0F0F0Fu) << 4);
        v = ((v >> 8) & 0x00FF00FFu) | ((v & 0x00FF00FFu) << 8);
        v = (v >> 16) | (v << 16);
        return new FixedPoint(v);
    }
}
