using System.Diagnostics;
using SeqLang.Compiler.Control;

namespace SeqLang.Player.Control;

/// <summary>
/// A controller's LEDs (docs/live-control.md, <c>feedback</c>): each pad of a <c>steps</c> feedback lit
/// <c>on</c> or <c>off</c> as its step is set, the pad of the step playing lit <c>playhead</c>, and each
/// <c>mute</c> pad lit while its target is muted. The whole state is sent at start and after every change;
/// the playhead follows the clock's position (piece time through the live tempo), looked at every
/// millisecond on this object's thread, and only its two changed pads are sent when it moves.
/// </summary>
public sealed class ControllerFeedback : IDisposable
{
    private readonly Player _player;
    private readonly LiveControl _control;
    private readonly Func<string, IMidiSink?> _portFor;
    private readonly Thread _thread;
    private readonly Dictionary<StepsFeedback, int> _playhead = new();
    private volatile bool _stopped;
    private volatile bool _dirty = true;

    public ControllerFeedback(Player player, LiveControl control, Func<string, IMidiSink?> portFor)
    {
        _player = player;
        _control = control;
        _portFor = portFor;
        control.Changed += () => _dirty = true;
        _thread = new Thread(Run) { Name = "seq feedback", IsBackground = true };
        _thread.Start();
    }

    private void Run()
    {
        Span<byte> bytes = stackalloc byte[3];
        while (!_stopped)
        {
            Thread.Sleep(1);
            var feedback = _control.Controls.Feedback;
            if (feedback.Count == 0) continue;
            if (_dirty)
            {
                _dirty = false;
                _playhead.Clear();
                foreach (var f in feedback) SendAll(f, bytes);
            }
            if (_player.StartedAt is not { } start) continue;
            var due = _player.Live.PieceTimeAt(Stopwatch.GetTimestamp() - start);
            if (!_player.Live.TryPosition(due, out _, out var fraction)) continue;
            foreach (var f in feedback)
            {
                if (f is not StepsFeedback steps || steps.Steps.Count == 0) continue;
                var step = Math.Min(steps.Steps.Count - 1, (int)(fraction * steps.Steps.Count));
                var before = _playhead.TryGetValue(steps, out var b) ? b : -1;
                if (step == before) continue;
                _playhead[steps] = step;
                if (before >= 0 && before < steps.Count) Send(steps, steps.FirstNote + before, steps.Steps.IsOn(before) ? steps.On : steps.Off, bytes);
                if (step < steps.Count) Send(steps, steps.FirstNote + step, steps.Playhead, bytes);
            }
        }
    }

    private void SendAll(ControlFeedback feedback, Span<byte> bytes)
    {
        switch (feedback)
        {
            case StepsFeedback steps:
                for (var i = 0; i < steps.Count; i++)
                    Send(steps, steps.FirstNote + i, i < steps.Steps.Count && steps.Steps.IsOn(i) ? steps.On : steps.Off, bytes);
                break;
            case MuteFeedback mute:
                Send(mute, mute.Note, IsMuted(mute) ? mute.On : mute.Off, bytes);
                break;
        }
    }

    private bool IsMuted(MuteFeedback mute)
    {
        var ids = _control.LaneIds(mute.Track, mute.Lane);
        return ids.Count > 0 && ids.All(_player.Live.IsMuted);
    }

    private void Send(ControlFeedback feedback, int note, int velocity, Span<byte> bytes)
    {
        if (_portFor(feedback.Port) is not { } sink) return;
        bytes[0] = (byte)(0x90 | feedback.Channel);
        bytes[1] = (byte)note;
        bytes[2] = (byte)velocity;
        sink.Send(bytes);
    }

    public void Dispose()
    {
        _stopped = true;
        _thread.Join(200);
    }
}
