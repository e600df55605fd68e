using SeqLang.Compiler.Control;

namespace SeqLang.Player.Control;

/// <summary>
/// A controller's LEDs (docs/live-control.md, <c>feedback</c>), sent by the player's clock thread: each pad of a
/// <c>steps</c> feedback lit <c>on</c> or <c>off</c> as its step is set, the pad of the step playing lit
/// <c>playhead</c> (none while the lane is muted), and each <c>mute</c> pad lit while its target is muted. The
/// whole state goes out when playback starts and after every change; the playhead moves at the step marks the
/// producer puts in the stream, so a pad lights at its step's time, right after the step's notes; on stop every
/// pad gets its <c>off</c>. What the clock thread reads is a <see cref="Plan"/> built here on other threads
/// (ports opened, lane ids and step states looked up) whenever the controls change, so it neither allocates
/// nor locks.
/// </summary>
public sealed class ControllerFeedback : IClockFeedback
{
    private readonly PiecePlayer _player;
    private readonly IMappedControls _control;
    private readonly Func<string, IMidiSink?> _portFor;
    private Plan _plan = Plan.Empty;
    private int _version;

    /// <summary>Clock thread: the last step reached per step count (-1 before one), so a new plan shows the playhead at once.</summary>
    private readonly int[] _reached = Enumerable.Repeat(-1, byte.MaxValue + 1).ToArray();

    public ControllerFeedback(PiecePlayer player, IMappedControls control, Func<string, IMidiSink?> portFor)
    {
        _player = player;
        _control = control;
        _portFor = portFor;
        control.Changed += Rebuild;
        Rebuild();
    }

    public int[] StepCounts => Volatile.Read(ref _plan).StepCounts;

    public int Version => Volatile.Read(ref _version);

    public void Prepare() => Rebuild();

    /// <summary>Any thread but the clock's: a new plan from the controls in force, then a nudge to the clock thread to send it.</summary>
    private void Rebuild()
    {
        Volatile.Write(ref _plan, Plan.Build(_control, _portFor));
        Interlocked.Increment(ref _version);
        _player.Signal.Poke();
    }

    public void Refresh()
    {
        var plan = Volatile.Read(ref _plan);
        Span<byte> bytes = stackalloc byte[3];
        foreach (var steps in plan.Steps)
        {
            steps.Current = _player.Live.AllMuted(steps.LaneIds) ? -1 : _reached[steps.StepCount & byte.MaxValue];
            for (var pad = 0; pad < steps.Pads; pad++) steps.Show(pad, bytes);
        }
        foreach (var mute in plan.Mutes) mute.Show(_player.Live, bytes);
    }

    public void OnStep(int count, int index)
    {
        var plan = Volatile.Read(ref _plan);
        Span<byte> bytes = stackalloc byte[3];
        _reached[count & byte.MaxValue] = index;
        foreach (var steps in plan.Steps)
        {
            if (steps.StepCount != count) continue;
            var step = _player.Live.AllMuted(steps.LaneIds) ? -1 : index;
            if (step == steps.Current) continue;
            var left = steps.Current;
            steps.Current = step;
            if (left >= 0 && left < steps.Pads) steps.Show(left, bytes);
            if (step >= 0 && step < steps.Pads) steps.Show(step, bytes);
        }
    }

    public void Clear()
    {
        var plan = Volatile.Read(ref _plan);
        Span<byte> bytes = stackalloc byte[3];
        foreach (var steps in plan.Steps)
        {
            for (var pad = 0; pad < steps.Pads; pad++) PadMessage.Send(steps.Sink, steps.Status, steps.FirstNote + pad, steps.Off, bytes);
        }
        foreach (var mute in plan.Mutes) PadMessage.Send(mute.Sink, mute.Status, mute.Note, mute.Off, bytes);
    }

    /// <summary>Everything the clock thread needs, looked up in advance; only <see cref="StepsPads.Current"/> changes, on the clock thread.</summary>
    internal sealed class Plan
    {
        public static readonly Plan Empty = new([], [], []);

        private Plan(StepsPads[] steps, MutePad[] mutes, int[] stepCounts)
        {
            Steps = steps;
            Mutes = mutes;
            StepCounts = stepCounts;
        }

        public StepsPads[] Steps { get; }
        public MutePad[] Mutes { get; }
        public int[] StepCounts { get; }

        public static Plan Build(IMappedControls control, Func<string, IMidiSink?> portFor)
        {
            var steps = new List<StepsPads>();
            var mutes = new List<MutePad>();
            foreach (var feedback in control.Controls.Feedback)
            {
                if (portFor(feedback.Port) is not { } sink) continue;
                var status = (byte)(0x90 | feedback.Channel);
                switch (feedback)
                {
                    case StepsFeedback s:
                        var on = new bool[s.Steps.Count];
                        for (var i = 0; i < on.Length; i++) on[i] = s.Steps.IsOn(i);
                        steps.Add(new StepsPads(sink, status, s.FirstNote, s.Count, on, (byte)s.On, (byte)s.Off, (byte)s.Playhead,
                            control.LaneIds(s.Track, s.Lane)));
                        break;
                    case MuteFeedback m:
                        mutes.Add(new MutePad(sink, status, m.Note, (byte)m.On, (byte)m.Off, control.LaneIds(m.Track, m.Lane)));
                        break;
                }
            }
            var counts = steps.Select(s => s.StepCount).Where(n => n > 0).Distinct().ToArray();
            return new Plan([.. steps], [.. mutes], counts);
        }
    }

    /// <summary>A <c>steps</c> feedback: pad i shows step i of a lane of <see cref="StepCount"/> steps.</summary>
    internal sealed class StepsPads(IMidiSink sink, byte status, int firstNote, int pads, bool[] on, byte onVelocity, byte off, byte playhead, int[] laneIds)
    {
        public IMidiSink Sink { get; } = sink;
        public byte Status { get; } = status;
        public int FirstNote { get; } = firstNote;
        public int Pads { get; } = pads;
        public int StepCount { get; } = on.Length;
        public byte Off { get; } = off;
        public int[] LaneIds { get; } = laneIds;

        /// <summary>The step showing the playhead, or -1.</summary>
        public int Current { get; set; } = -1;

        public void Show(int pad, Span<byte> bytes)
        {
            var velocity = pad == Current ? playhead : pad < on.Length && on[pad] ? onVelocity : Off;
            PadMessage.Send(Sink, Status, FirstNote + pad, velocity, bytes);
        }
    }

    /// <summary>A <c>mute</c> feedback: one pad, lit while every lane of its target is muted.</summary>
    internal sealed class MutePad(IMidiSink sink, byte status, int note, byte on, byte off, int[] laneIds)
    {
        public IMidiSink Sink { get; } = sink;
        public byte Status { get; } = status;
        public int Note { get; } = note;
        public byte Off { get; } = off;

        public void Show(LiveState live, Span<byte> bytes)
        {
            PadMessage.Send(Sink, Status, Note, live.AllMuted(laneIds) ? on : Off, bytes);
        }
    }

    private static class PadMessage
    {
        public static void Send(IMidiSink sink, byte status, int note, byte velocity, Span<byte> bytes)
        {
            bytes[0] = status;
            bytes[1] = (byte)note;
            bytes[2] = velocity;
            sink.Send(bytes);
        }
    }
}
