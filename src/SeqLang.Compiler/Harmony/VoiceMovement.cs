namespace SeqLang.Compiler.Harmony;

/// <summary>
/// How far the voices move from one voicing to the next, in semitones. With as many notes in both, the notes
/// are paired in pitch order (lowest to lowest) and the distances summed. With different counts no such
/// pairing exists, so each note of either voicing is charged its distance to the nearest note of the other,
/// and both sums added (a note that stays costs 0 both ways).
/// </summary>
internal static class VoiceMovement
{
    public static int Between(IReadOnlyList<int> from, IReadOnlyList<int> to)
    {
        var a = from.Order().ToArray();
        var b = to.Order().ToArray();
        if (a.Length == b.Length)
        {
            var paired = 0;
            for (var i = 0; i < a.Length; i++) paired += Math.Abs(a[i] - b[i]);
            return paired;
        }
        return NearestSum(a, b) + NearestSum(b, a);
    }

    private static int NearestSum(int[] notes, int[] others)
    {
        if (others.Length == 0) return 0;
        var sum = 0;
        foreach (var n in notes) sum += others.Min(o => Math.Abs(o - n));
        return sum;
    }
}
