using System.Text;
using SeqLang.Core.Time;

namespace SeqLang.Patterns;

/// <summary>
/// Randomness as a pure function of (stream, salt, time): the same inputs give the same number in
/// every run, on every machine, whatever was asked before. Streams come from names
/// (<see cref="StreamFor"/>), so adding a track never changes another track's dice; salts tell
/// apart the random operators of one lane (e.g. each <c>?</c> by its position in the string).
/// </summary>
public static class SeededRandom
{
    /// <summary>A number in [0, 1) for this stream, salt and exact time.</summary>
    public static double At(ulong stream, ulong salt, Rational time) => (Bits(stream, salt, time) >> 11) * (1.0 / (1UL << 53));

    /// <summary>
    /// The 64-bit hash behind <see cref="At"/>, for callers that need exact bits rather than a double
    /// (signals take its top 32 bits as a fixed-point number in [0, 1)).
    /// </summary>
    public static ulong Bits(ulong stream, ulong salt, Rational time)
    {
        var h = Mix(stream ^ 0x9E3779B97F4A7C15UL);
        h = Mix(h ^ salt);
        h = Mix(h ^ unchecked((ulong)time.Numerator));
        return Mix(h ^ unchecked((ulong)time.Denominator * 0xD6E8FEB86659FD93UL));
    }

    /// <summary>
    /// A stable stream for a seed and a name such as <c>"drums.hat"</c>: FNV-1a over the UTF-8 name,
    /// then mixed with the seed. Never <see cref="string.GetHashCode()"/>, which changes per process.
    /// </summary>
    public static ulong StreamFor(long seed, string name)
    {
        var hash = 0xCBF29CE484222325UL;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= 0x100000001B3UL;
        }
        return Mix(hash ^ Mix(unchecked((ulong)seed)));
    }

    /// <summary>SplitMix64's finaliser: a bijection that spreads every input bit over the output.</summary>
    public static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
