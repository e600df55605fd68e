using SeqLang.Patterns;

namespace SeqLang.Compiler.Lanes;

/// <summary>
/// How <c>arp</c> reads a chord whose notes are known only with the harmony (SPEC §14): the chord's notes, lowest
/// first, stacked <see cref="Octaves"/> octaves and put in <see cref="Mode"/>'s order; then either note
/// <see cref="Index"/> (mod their count) or, with <see cref="Split"/>, all of them one after another within the event.
/// </summary>
public sealed record ArpPick(ArpeggioMode Mode, int Octaves, int Index, bool Split)
{
    /// <summary>The notes of <paramref name="chord"/> (any order) as this pick orders them.</summary>
    public int[] Order(int[] chord)
    {
        var sorted = (int[])chord.Clone();
        Array.Sort(sorted);
        return Arpeggio.Order(Mode, Arpeggio.Stack(sorted, Octaves));
    }
}
