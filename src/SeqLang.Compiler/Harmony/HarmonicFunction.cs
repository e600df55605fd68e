namespace SeqLang.Compiler.Harmony;

/// <summary>
/// What a chord does in its style, which sets how strongly <c>gravity</c> pulls toward it
/// (<see cref="TransitionWeights.Pull"/>): home, the chords that lead home, the chords that lead away,
/// and colour.
/// </summary>
public enum HarmonicFunction
{
    /// <summary>Home: a chord on the tonic.</summary>
    Tonic,
    /// <summary>Leads home: V and vii° in major, bII in phrygian, bVII in mixolydian ...</summary>
    Dominant,
    /// <summary>Leads away from home and on to the dominant: IV and ii in major, iv in minor ...</summary>
    Subdominant,
    /// <summary>No pull of its own: iii and vi in major, the mediants, ...</summary>
    Colour,
}
