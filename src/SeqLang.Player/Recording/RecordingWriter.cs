using SeqLang.Compiler.Piece;
using SeqLang.Midi;

namespace SeqLang.Player.Recording;

/// <summary>
/// Turns a <see cref="SendRecording"/> into a Standard MIDI File laid out like the renderer's (SPEC §7), so a DAW
/// shows a recording of <c>seq play</c> as it shows <c>seq render</c>'s file: format 1, track 0 the conductor
/// (title, time and key signatures, one tempo at tick 0), then one MTrk per channel.
/// <para>
/// Times: the recording holds wall-clock send times, which already include every tempo change, live edit and
/// lateness, so they are converted at the one tempo of tick 0 (the piece's start tempo) and the file plays back
/// at the times the messages were sent. The conversion uses the tempo as FF 51 stores it (whole microseconds per
/// quarter), as the player's own clock does, and rounds to the nearest tick (half up): a message sent exactly on
/// time lands on the renderer's tick.
/// </para>
/// <para>
/// Tracks: the recording knows channels, not tracks. Channels named with <see cref="NameChannel"/> (for a piece:
/// its tracks, in file order; tracks sharing a channel share an MTrk) come first, in naming order, each written
/// even when nothing was sent on it, as the renderer writes every track; then any other channel that was used, in
/// first-use order, named "channel N" (1-based). Messages keep their send order; system messages are not written.
/// </para>
/// </summary>
public sealed class RecordingWriter
{
    private readonly ConductorTrack _conductor;
    private readonly long _frequency;
    private readonly int _ppq;
    private readonly int _microsPerQuarter;
    private readonly List<(int Channel, string Name)> _names = new();

    /// <param name="conductor">Track 0: its tempo at tick 0 (its only tempo) times the file.</param>
    /// <param name="frequency">Clock ticks per second of the recording's <see cref="RecordedSend.SentAt"/>.</param>
    /// <param name="ppq">Ticks per quarter note of the file.</param>
    public RecordingWriter(ConductorTrack conductor, long frequency, int ppq = TickConverter.DefaultPpq)
    {
        ArgumentNullException.ThrowIfNull(conductor);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(frequency);
        if (ppq is < 1 or > TickConverter.MaxPpq) throw new ArgumentOutOfRangeException(nameof(ppq), ppq, $"PPQ must be 1..{TickConverter.MaxPpq}.");
        var tempos = conductor.Tempos;
        if (tempos.Count != 1)
            throw new ArgumentException($"A recording is timed by one tempo at tick 0; the conductor has {tempos.Count}.", nameof(conductor));
        _conductor = conductor;
        _frequency = frequency;
        _ppq = ppq;
        _microsPerQuarter = tempos[0].MicrosecondsPerQuarter;
    }

    /// <summary>
    /// A writer for a recording of <paramref name="piece"/> played from bar <paramref name="fromBar"/>: the renderer's
    /// track 0 header (<see cref="PieceConductor"/>) and the piece's tracks as channel names, in file order.
    /// </summary>
    public static RecordingWriter ForPiece(CompiledPiece piece, long frequency, int ppq = TickConverter.DefaultPpq, long fromBar = 0)
    {
        ArgumentNullException.ThrowIfNull(piece);
        var writer = new RecordingWriter(PieceConductor.Start(piece, fromBar), frequency, ppq);
        foreach (var track in piece.Tracks) writer.NameChannel(track.Channel, track.Name);
        return writer;
    }

    /// <summary>Gives channel <paramref name="channel"/> (0..15) its own MTrk, named <paramref name="name"/>; a second name for the same channel is joined with "+".</summary>
    public RecordingWriter NameChannel(int channel, string name)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(channel);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(channel, 15);
        ArgumentNullException.ThrowIfNull(name);
        var i = _names.FindIndex(n => n.Channel == channel);
        if (i < 0) _names.Add((channel, name));
        else _names[i] = (channel, _names[i].Name + "+" + name);
        return this;
    }

    /// <summary>The file's tick for a send time: round half up of sentAt × 10^6 × ppq / (frequency × µs per quarter); 0 for times before the start.</summary>
    public long ToTick(long sentAt)
    {
        if (sentAt <= 0) return 0;
        var numerator = (Int128)sentAt * 1_000_000 * _ppq;
        var denominator = (Int128)_frequency * _microsPerQuarter;
        return (long)((2 * numerator + denominator) / (2 * denominator));
    }

    /// <summary>
    /// The file's content. <paramref name="endedAt"/>, the send time at which playback ended, sets the end of track
    /// (never before the last message); without it, the tracks end at their last message.
    /// </summary>
    public MidiFileContent ToContent(SendRecording recording, long? endedAt = null)
    {
        ArgumentNullException.ThrowIfNull(recording);
        var sends = recording.ToArray();
        var order = new List<int>(16);
        var perChannel = new List<MidiChannelMessage>?[16];
        foreach (var (channel, _) in _names)
        {
            perChannel[channel] = new List<MidiChannelMessage>();
            order.Add(channel);
        }
        long lastTick = 0;
        foreach (var send in sends)
        {
            // Ticks never go back within a track, even if a clock did (the writer would refuse the file).
            var channel = send.Status & 0x0F;
            var messages = perChannel[channel];
            var tick = ToTick(send.SentAt);
            if (messages is { Count: > 0 } && tick < messages[^1].Tick) tick = messages[^1].Tick;
            if (!MidiChannelMessage.TryFromBytes(tick, send.Status, send.Data1, send.Data2, out var message)) continue;
            if (messages is null)
            {
                messages = perChannel[channel] = new List<MidiChannelMessage>();
                order.Add(channel);
            }
            messages.Add(message);
            lastTick = Math.Max(lastTick, tick);
        }
        var tracks = new MidiTrack[order.Count];
        for (var i = 0; i < tracks.Length; i++)
        {
            var channel = order[i];
            var name = i < _names.Count ? _names[i].Name : $"channel {channel + 1}";
            tracks[i] = new MidiTrack(name, perChannel[channel]!.ToArray());
        }
        var endTick = endedAt is { } end ? Math.Max(ToTick(end), lastTick) : lastTick;
        return new MidiFileContent(_ppq, _conductor, tracks, endTick);
    }

    /// <summary>Writes the file atomically (a temporary file, then a rename), as <c>seq render</c> does.</summary>
    public void WriteFile(string path, SendRecording recording, long? endedAt = null) =>
        SmfWriter.WriteFile(path, ToContent(recording, endedAt));
}
