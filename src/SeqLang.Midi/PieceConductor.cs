using SeqLang.Compiler.Music;
using SeqLang.Compiler.Piece;

namespace SeqLang.Midi;

/// <summary>
/// The head of a piece's track 0 as the renderer writes it (SPEC §7): title, time signature, key signature
/// when the mode is major- or minor-like, and the tempo in force at the first bar. One place for it, so that a
/// recording of <c>seq play</c> opens exactly as the rendered file does.
/// </summary>
public static class PieceConductor
{
    /// <summary>Track 0 for a file whose tick 0 is bar <paramref name="fromBar"/>, with no tempo change after tick 0 yet.</summary>
    public static ConductorTrack Start(CompiledPiece piece, long fromBar = 0)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var s = piece.Settings;
        MidiKeySignature? key = null;
        if (Scales.IsMinorLike(s.Key.Mode) is { } minor && MidiKeySignature.TryFromTonic(s.Key.TonicText, minor, out var signature)) key = signature;
        return new ConductorTrack(s.Title, new MidiTimeSignature(s.Meter.Numerator, s.Meter.Denominator), key, piece.Tempo.TempoAt(fromBar));
    }
}
