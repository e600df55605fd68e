using System.Globalization;

namespace SeqLang.Compiler.Music;

/// <summary>Note names with octave: <c>c4</c> = 60, <c>Eb3</c>, <c>f#5</c>, <c>cs4</c>, <c>c-1</c> = 0.</summary>
internal static class NoteName
{
    public enum Result
    {
        NotANoteName,
        MissingOctave,
        Ok,
    }

    public static Result TryParse(string text, out int midi)
    {
        midi = 0;
        var read = PitchClass.Read(text, out var semitone);
        if (read == 0) return Result.NotANoteName;
        if (read == text.Length) return Result.MissingOctave;
        var rest = text.AsSpan(read);
        if (!int.TryParse(rest, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var octave) || rest[0] == '+')
            return Result.NotANoteName;
        if (octave < -1 || octave > 9) { midi = int.MaxValue; return Result.Ok; }
        midi = (octave + 1) * 12 + semitone;
        return Result.Ok;
    }
}
