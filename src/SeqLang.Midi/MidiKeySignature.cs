namespace SeqLang.Midi;

/// <summary>
/// The key signature meta event FF 59 02 sf mi: sf sharps (positive) or flats (negative),
/// -7..7, and mi 0 for major, 1 for minor.
/// </summary>
public sealed record MidiKeySignature
{
    public MidiKeySignature(int sharpsOrFlats, bool isMinor)
    {
        if (sharpsOrFlats is < -7 or > 7)
            throw new ArgumentOutOfRangeException(nameof(sharpsOrFlats), sharpsOrFlats, "A key signature has at most 7 sharps or flats.");
        SharpsOrFlats = sharpsOrFlats;
        IsMinor = isMinor;
    }

    /// <summary>sf: sharps when positive, flats when negative.</summary>
    public int SharpsOrFlats { get; }

    public bool IsMinor { get; }

    /// <summary>
    /// The signature of a key written as a tonic (<c>"E"</c>, <c>"F#"</c>, <c>"Bb"</c>: a letter
    /// A..G, either case, then <c>#</c> or <c>b</c> at most once) and major or minor. The tonic's own
    /// spelling is kept when it has a signature (F# major: 6 sharps; Gb major: 6 flats); a spelling
    /// that would need more than 7 (D# major, 9 sharps; Db minor, 8 flats) becomes its
    /// conventional enharmonic (Eb major, 3 flats; C# minor, 4 sharps), since sf cannot hold it.
    /// </summary>
    public static MidiKeySignature FromTonic(string tonic, bool isMinor) =>
        TryFromTonic(tonic, isMinor, out var signature)
            ? signature
            : throw new ArgumentException($"'{tonic}' is not a tonic: expected A..G with an optional # or b.", nameof(tonic));

    /// <inheritdoc cref="FromTonic"/>
    public static bool TryFromTonic(string tonic, bool isMinor, out MidiKeySignature signature)
    {
        signature = null!;
        if (string.IsNullOrEmpty(tonic) || tonic.Length > 2) return false;
        // Position of each natural on the circle of fifths, counted from C.
        int? fifths = char.ToUpperInvariant(tonic[0]) switch
        {
            'F' => -1, 'C' => 0, 'G' => 1, 'D' => 2, 'A' => 3, 'E' => 4, 'B' => 5,
            _ => null,
        };
        if (fifths is not { } sf) return false;
        if (tonic.Length == 2)
        {
            // A sharp moves seven fifths up (C → C#: 0 → 7), a flat seven down.
            if (tonic[1] == '#') sf += 7;
            else if (tonic[1] == 'b') sf -= 7;
            else return false;
        }
        if (isMinor) sf -= 3; // a minor key shares the signature of its relative major, three fifths below.
        // Twelve fifths make a full circle, the same pitches respelled.
        if (sf > 7) sf -= 12;
        else if (sf < -7) sf += 12;
        signature = new MidiKeySignature(sf, isMinor);
        return true;
    }

    public override string ToString() =>
        $"{(SharpsOrFlats >= 0 ? SharpsOrFlats + " sharps" : -SharpsOrFlats + " flats")} {(IsMinor ? "minor" : "major")}";
}
