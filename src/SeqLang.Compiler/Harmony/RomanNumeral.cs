namespace SeqLang.Compiler.Harmony;

/// <summary>
/// Roman numerals for chords relative to the tonic, as the docs and tables show them: the degree by its
/// semitone offset (<c>b</c> and <c>#</c> for the chromatic ones, the tritone always <c>#IV</c>), lower case
/// when the chord has a minor third and no major one, then a short quality mark (<c>°</c> diminished,
/// <c>ø7</c> half-diminished, <c>+</c> augmented, <c>7</c> for m7 on a lower-case numeral).
/// </summary>
internal static class RomanNumeral
{
    private static readonly string[] Degrees = { "I", "bII", "II", "bIII", "III", "IV", "#IV", "V", "bVI", "VI", "bVII", "VII" };

    /// <summary>The numeral of <paramref name="quality"/> on the degree <paramref name="offset"/> semitones above the tonic.</summary>
    public static string Of(int offset, string quality)
    {
        var degree = Degrees[((offset % 12) + 12) % 12];
        var minor = quality is "m" or "m7" or "m6" or "m9" or "dim" or "dim7" or "m7b5";
        var suffix = quality switch
        {
            "" or "maj" or "m" => "",
            "m7" => "7",
            "m6" => "6",
            "m9" => "9",
            "dim" => "°",
            "dim7" => "°7",
            "m7b5" => "ø7",
            "aug" => "+",
            _ => quality,
        };
        // The accidental stays lower case ("bvi"), only the numeral's letters change.
        return (minor ? degree.ToLowerInvariant() : degree) + suffix;
    }
}
