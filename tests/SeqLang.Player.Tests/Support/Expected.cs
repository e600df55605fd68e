using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Diagnostics;
using SeqLang.Midi;

namespace SeqLang.Player.Tests.Support;

/// <summary>A channel message as the renderer wrote it, with its time in seconds from the file's tempo map.</summary>
public sealed record ExpectedMessage(long Tick, double Seconds, byte[] Bytes)
{
    public int Channel => Bytes[0] & 0x0F;
    public override string ToString() => $"{Tick} {Convert.ToHexString(Bytes)}";
}

/// <summary>What the renderer writes for the first bars of a file, read back with the project's SmfReader.</summary>
public static class Expected
{
    public static CompiledPiece Compile(string path)
    {
        var compilation = SeqCompiler.Compile(path, File.ReadAllBytes(path), new CompileOptions());
        return compilation.Piece ?? throw new InvalidOperationException($"{path} does not compile: {string.Join("; ", compilation.Diagnostics)}");
    }

    /// <summary>Renders bars [0, bars), writes the SMF, reads it back: every channel message with its time, in file order per track.</summary>
    public static (IReadOnlyList<IReadOnlyList<ExpectedMessage>> Tracks, long EndTick, double EndSeconds) Render(CompiledPiece piece, long bars) =>
        Render(piece, 0, bars);

    /// <summary>
    /// The same for bars [<paramref name="fromBar"/>, <paramref name="fromBar"/> + <paramref name="bars"/>): what
    /// <c>seq render --from</c> writes, bar <paramref name="fromBar"/> at tick 0 and second 0.
    /// </summary>
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
        var endTick = content.EndTick;
        return (tracks, endTick, Seconds(endTick));
    }
}
