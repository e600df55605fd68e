using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// <see cref="Expected.Render"/> for bars [<c>fromBar</c>, <c>fromBar + bars</c>): what <c>seq render --from</c>
/// writes, bar <c>fromBar</c> at tick 0 and second 0, read back with the project's SmfReader.
/// </summary>
public static class ExpectedFrom
{
    public static (IReadOnlyList<IReadOnlyList<ExpectedMessage>> Tracks, long EndTick, double EndSeconds) Render(CompiledPiece piece, long fromBar, long bars)
    {
        var content = PieceRenderer.Render(piece, fromBar, bars, TickConverter.DefaultPpq, new DiagnosticBag())
            ?? throw new InvalidOperationException("render failed");
        var file = SmfReader.Read(SmfWriter.ToBytes(content));
        var tempos = file.Tracks[0].Events.Where(e => e.IsMeta(0x51)).Select(e => (e.Tick, e.MicrosecondsPerQuarter)).ToList();
        double Seconds(long tick)
        {
            double total = 0;
            for (var i = 0; i < tempos.Count; i++)
            {
                var from = tempos[i].Tick;
                if (from >= tick) break;
                var to = i + 1 < tempos.Count ? Math.Min(tempos[i + 1].Tick, tick) : tick;
                total += (to - from) * (double)tempos[i].MicrosecondsPerQuarter / file.Ppq / 1e6;
            }
            return total;
        }
        var tracks = file.Tracks.Skip(1)
            .Select(t => (IReadOnlyList<ExpectedMessage>)t.ChannelMessages.Select(e => new ExpectedMessage(e.Tick, Seconds(e.Tick), e.ToChannelBytes())).ToList())
            .ToList();
        return (tracks, content.EndTick, Seconds(content.EndTick));
    }
}
