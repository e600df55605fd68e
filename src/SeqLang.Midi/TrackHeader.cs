using SeqLang.Compiler.Piece;

namespace SeqLang.Midi;

/// <summary>
/// What a track sends before its events, at the tick playback or the file starts (SPEC §7, §13): bank and program,
/// then the bend range (RPN 0) when the track bends. One place, so the file and the port start a track alike.
/// </summary>
public static class TrackHeader
{
    public static void Add(MessageOrderer orderer, int track, CompiledTrack compiled, long tick)
    {
        if (compiled.Program is { } program) orderer.AddProgramChange(track, compiled.Channel, tick, program, compiled.BankMsb, compiled.BankLsb);
        else if (compiled.BankMsb is { } msb)
        {
            // A bank with no program still selects the bank; the synth applies it at the next program change.
            orderer.AddControlChange(track, compiled.Channel, tick, 0, msb);
            if (compiled.BankLsb is { } lsb) orderer.AddControlChange(track, compiled.Channel, tick, 32, lsb);
        }
        if (!compiled.SendsBendRange) return;
        foreach (var channel in compiled.BendRangeChannels) orderer.AddBendRange(track, channel, tick, compiled.BendRange);
    }
}
