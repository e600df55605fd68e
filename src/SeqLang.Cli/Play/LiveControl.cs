using SeqLang.Compiler;
using SeqLang.Compiler.Control;
using SeqLang.Compiler.Form;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Text;
using SeqLang.Core.Time;
using SeqLang.Player;
using SeqLang.Player.Control;

namespace SeqLang.Cli.Play;

/// <summary>
/// Carries out a file's live-control mappings (docs/live-control.md) on a running <see cref="PiecePlayer"/>. What
/// acts on messages not yet sent does so at once through <see cref="LiveState"/>: tempo and lane velocity;
/// mutes too, which the player applies by switching to a version ordered without the muted lanes at the next
/// sixteenth. What changes the music itself becomes a new version of the piece, switched in ahead of the clock:
/// pad step edits and section jumps at the next bar line, a knob on a lane's modifier at the next sixteenth.
/// The version playing is built from three layers: the file's text with the pad edits (the only layer
/// written back on stop), the knobs' modifier values on top, and the section jumps and queues applied to its
/// form. The MIDI input thread (under JACK, its process thread) only copies each message into a lock-free
/// <see cref="ControlInbox"/> and wakes this object's worker thread, which decodes and acts; after each batch
/// of messages it compiles at most once, so a knob swept through a hundred values costs one compile with the
/// latest. A lock serialises the worker and the terminal's keys; neither the MIDI thread nor the clock takes it.
/// It lives in the CLI, not in the player: it compiles the file and writes the edits back, and the player is a
/// back end that turns events into messages and nothing else.
/// </summary>
public sealed class LiveControl : IMappedControls, IDisposable
{
    private readonly ControlInbox _inbox = new();
    private readonly System.Collections.Concurrent.ConcurrentQueue<Action> _jobs = new();
    private readonly ManualResetEventSlim _wake = new(false, spinCount: 0);
    private volatile bool _stopping;
    private bool _knobsMoved;
    private readonly Thread _worker;
    private readonly PiecePlayer _player;
    private readonly string _path;
    private readonly Lock _gate = new();
    private readonly Dictionary<(int Track, int Lane, string Modifier), Rational> _knobs = new();
    private readonly Dictionary<string, Rational> _signalKnobs = new();
    private readonly List<Func<FormTimeline, FormTimeline>> _formChanges = new();
    private readonly int[] _lastCc = new int[16 * 128 + 16 * 128];
    private readonly Action<string>? _say;
    private ControlDecoder _decoder;
    private string _editedText;
    private CompiledPiece _piece;
    private int _padEdits;
    private readonly List<(string Lane, int Step)> _toggles = new();

    public LiveControl(PiecePlayer player, Compilation compilation, Action<string>? say = null)
    {
        _player = player;
        _path = compilation.Source.Path;
        _editedText = compilation.Source.Text;
        _piece = compilation.Piece ?? throw new ArgumentException("the compilation has errors", nameof(compilation));
        _say = say;
        _decoder = DecoderFor(_piece.Controls);
        Array.Fill(_lastCc, -1);
        // The CLI runs without tiered compilation: the first message of each kind would otherwise be compiled as
        // it arrives, 2 to 3.5 ms late (measured with the control-latency benchmark), against the 1 ms budget.
        Warmup.PrepareWithNested(typeof(LiveControl), typeof(ControlInbox), typeof(ControlDecoder), typeof(ControllerPair), typeof(LiveState), typeof(LaneRegistry));
        RehearseMappings();
        _worker = new Thread(Work) { Name = "seq live control", IsBackground = true };
        _worker.Start();
    }

    public void Dispose()
    {
        _stopping = true;
        _wake.Set();
        _worker.Join();
        _wake.Dispose();
    }

    /// <summary>Messages dropped on arrival because the worker had fallen 4,096 behind.</summary>
    public long DroppedMessages => _inbox.Dropped;

    /// <summary>How many versions live control has compiled (a knob sweep coalesces into few).</summary>
    public int Compiles { get; private set; }

    /// <summary>Waits until every message and edit posted so far has been acted on and handed to the player.</summary>
    public void Flush()
    {
        using var done = new ManualResetEventSlim();
        Post(done.Set);
        done.Wait();
    }

    /// <summary>Runs <paramref name="job"/> on the worker, under the lock, after the messages that came before it.</summary>
    public void Post(Action job)
    {
        _jobs.Enqueue(job);
        _wake.Set();
    }

    /// <summary>
    /// The worker: every message that has arrived, in order, then one compile if knobs moved; then each job posted
    /// (pad edits, flushes), with the messages that came before it handled first. Clearing the wake-up before
    /// draining loses no message: one posted after the clear sets it again, and one posted before is drained.
    /// </summary>
    private void Work()
    {
        while (true)
        {
            _wake.Wait();
            _wake.Reset();
            lock (_gate)
            {
                HandleArrived();
                while (_jobs.TryDequeue(out var job))
                {
                    HandleArrived();
                    job();
                }
            }
            if (_stopping) return;
        }
    }

    private void HandleArrived()
    {
        Span<byte> message = stackalloc byte[ControlInbox.MaxMessageLength];
        while (_inbox.TryTake(message, out var length)) Handle(message[..length]);
        if (!_knobsMoved) return;
        _knobsMoved = false;
        Rebuild(SwitchPoint.NextStep);
    }

    /// <summary>The version playing's mappings, feedback and keys.</summary>
    public ControlMap Controls
    {
        get
        {
            lock (_gate) return _piece.Controls;
        }
    }

    /// <summary>The version playing, as live control built it.</summary>
    public CompiledPiece Piece
    {
        get
        {
            lock (_gate) return _piece;
        }
    }

    /// <summary>The file's text with every pad edit so far (what a write-back saves).</summary>
    public string EditedText
    {
        get
        {
            lock (_gate) return _editedText;
        }
    }

    /// <summary>Pad edits made so far.</summary>
    public int PadEdits
    {
        get
        {
            lock (_gate) return _padEdits;
        }
    }

    /// <summary>Called after every change a controller LED shows (a step toggled, a mute): the feedback refresh.</summary>
    public event Action? Changed;

    /// <summary>The MIDI input thread: one message from the controller, handed to the worker without waiting.</summary>
    public void OnMessage(ReadOnlySpan<byte> message)
    {
        if (_inbox.TryPost(message)) _wake.Set();
    }

    /// <summary>The worker, under the lock: one message decoded and acted on.</summary>
    private void Handle(ReadOnlySpan<byte> message)
    {
        if (!_decoder.TryDecode(message, out var e)) return;
        foreach (var mapping in _piece.Controls.Mappings)
        {
            if (Matches(mapping.Source, e, out var raw)) Act(mapping, raw, e);
        }
    }

    /// <summary>A terminal key bound in the file; false when no binding has it.</summary>
    public bool OnKey(char key)
    {
        lock (_gate)
        {
            var binding = _piece.Controls.Keys.FirstOrDefault(k => k.Key == key);
            if (binding is null) return false;
            Trigger(binding.Action, pad: null);
            return true;
        }
    }

    /// <summary>
    /// On stop: writes the pad edits back, into <c>NAME.live.seq</c> next to the file, or over the file itself
    /// (<paramref name="inPlace"/>); returns where, or null when nothing was edited.
    /// </summary>
    public string? WriteBack(bool inPlace)
    {
        lock (_gate)
        {
            if (_padEdits == 0) return null;
            var target = inPlace ? _path : LiveCopyPath(_path);
            var temp = target + ".tmp";
            File.WriteAllText(temp, _editedText);
            File.Move(temp, target, overwrite: true);
            return target;
        }
    }

    /// <summary><c>song.seq</c> → <c>song.live.seq</c>.</summary>
    public static string LiveCopyPath(string path) =>
        Path.Combine(Path.GetDirectoryName(path) ?? "", Path.GetFileNameWithoutExtension(path) + ".live" + Path.GetExtension(path));

    /// <summary>
    /// Runs once, without acting, what a mapped message runs after decoding (matching, the value's scaling, the
    /// lane lookups), so the first real message does not pay for loading and compiling it (generic code over
    /// value types, the compiler's value types): about 2 ms each for a knob and a pad before this.
    /// </summary>
    private void RehearseMappings()
    {
        var idle = default(ControlEvent);
        foreach (var mapping in _piece.Controls.Mappings)
        {
            _ = Matches(mapping.Source, idle, out var raw);
            if (mapping.Action is KnobAction) _ = mapping.ValueOf(Math.Max(0, raw)).ToDouble();
            switch (mapping.Action)
            {
                case MuteAction mute:
                    _ = _player.Live.AllMuted(LaneIds(mute.Track, mute.Lane));
                    break;
                case LaneVelocityAction velocity:
                    _ = LaneId(velocity.Track, velocity.Lane);
                    break;
            }
        }
    }

    private static ControlDecoder DecoderFor(ControlMap controls) =>
        new(controls.Mappings.Select(m => m.Source).OfType<Cc14Source>().Select(s => new ControllerPair(s.Msb, s.Lsb)).Distinct());

    private static bool Matches(ControlSource source, in ControlEvent e, out int raw)
    {
        raw = e.Value;
        if (!source.Accepts(e.Channel)) return false;
        switch (source)
        {
            case CcSource cc:
                return e.Kind == ControlEventKind.ControlChange7 && e.Number == cc.Controller;
            case Cc14Source cc14:
                return e.Kind == ControlEventKind.ControlChange14 && e.Number == cc14.Msb;
            case NrpnSource nrpn:
                return e.Kind == ControlEventKind.Nrpn && e.Number == nrpn.Msb * 128 + nrpn.Lsb;
            case RpnSource rpn:
                return e.Kind == ControlEventKind.Rpn && e.Number == rpn.Msb * 128 + rpn.Lsb;
            case NoteSource note:
                return e.Kind == ControlEventKind.NoteOn && e.Number == note.Note;
            case NoteRangeSource range:
                raw = range.PadOf(e.Number) ?? -1;
                return e.Kind == ControlEventKind.NoteOn && raw >= 0;
            default:
                return false;
        }
    }

    private void Act(ControlMapping mapping, int raw, in ControlEvent e)
    {
        switch (mapping.Action)
        {
            case TempoAction:
                _player.Live.RequestBpm(mapping.ValueOf(raw).ToDouble());
                break;
            case LaneVelocityAction velocity:
                if (LaneId(velocity.Track, velocity.Lane) is var id and >= 0)
                    _player.Live.SetVelocityScale(id, (int)Math.Round(mapping.ValueOf(raw).ToDouble()));
                break;
            case LaneModifierAction modifier:
                _knobs[(modifier.Track, modifier.Lane, modifier.Modifier)] = mapping.ValueOf(raw);
                _knobsMoved = true;
                break;
            case SignalKnobAction signal:
                _signalKnobs[signal.Signal] = mapping.ValueOf(raw);
                _knobsMoved = true;
                break;
            default:
                // Switches: a note-on, or a controller crossing the middle upwards (a button sending 127/0).
                if (e.Kind == ControlEventKind.ControlChange7)
                {
                    var key = e.Channel * 128 + e.Number;
                    var before = _lastCc[key];
                    _lastCc[key] = e.Value;
                    if (!(e.Value >= 64 && before < 64)) return;
                }
                Trigger(mapping.Action, mapping.Source is NoteRangeSource ? raw : null);
                break;
        }
    }

    private void Trigger(ControlAction action, int? pad)
    {
        switch (action)
        {
            case MuteAction mute:
                var ids = LaneIds(mute.Track, mute.Lane);
                var muted = ids.Length > 0 && !_player.Live.AllMuted(ids);
                foreach (var id in ids) _player.Live.SetMuted(id, muted);
                _say?.Invoke($"{mute.Target} {(muted ? "muted" : "unmuted")}");
                Changed?.Invoke();
                break;
            case JumpSectionAction jump:
                _player.Switch(new SwitchRequest(bar => Apply(form => form.WithJump(bar, jump.Section)), SwitchPoint.NextBar,
                    bar => _say?.Invoke($"jumped to {jump.Section} at bar {bar}")));
                break;
            case NextSectionAction next:
                var playing = _player.Live.CurrentBar;
                _player.Switch(new SwitchRequest(bar => Apply(form => form.WithQueued(playing, next.Section)), SwitchPoint.NextBar,
                    _ => _say?.Invoke($"{next.Section} comes next")));
                break;
            case StepsAction steps when pad is { } step && step < steps.Steps.Count:
                Post(() =>
                {
                    // The steps as the version playing has them (an earlier toggle moved the text).
                    var current = _piece.Controls.Mappings.Select(m => m.Action).OfType<StepsAction>()
                        .FirstOrDefault(a => a.Track == steps.Track && a.Lane == steps.Lane)?.Steps ?? steps.Steps;
                    _editedText = current.Toggle(_editedText, step);
                    _toggles.Add((current.LaneName, step));
                    _padEdits++;
                    Rebuild(SwitchPoint.NextBar);
                });
                break;
        }
    }

    /// <summary>
    /// <c>--watch</c>: the file was saved. The pad edits made so far are applied again to the new text (to
    /// lanes that still have their steps), so they are neither lost nor written back over the save; then the
    /// new version plays from the next bar line. Returns false (and changes nothing) when it does not compile.
    /// </summary>
    public bool Reload(string text, Action<long>? applied = null)
    {
        lock (_gate)
        {
            var edited = text;
            foreach (var (lane, step) in _toggles)
            {
                var compiled = SeqCompiler.Compile(new SourceText(_path, edited), new CompileOptions());
                var steps = compiled.Piece?.Controls.Mappings.Select(m => m.Action).OfType<StepsAction>().FirstOrDefault(a => a.Steps.LaneName == lane)?.Steps;
                if (steps is not null && step < steps.Count) edited = steps.Toggle(edited, step);
            }
            var previous = _editedText;
            _editedText = edited;
            var piece = Build();
            if (piece is null)
            {
                _editedText = previous;
                return false;
            }
            _player.Switch(new SwitchRequest(_ => piece, SwitchPoint.NextBar, applied));
            return true;
        }
    }

    /// <summary>Adds a form change (a jump, a queue) to the layers, and builds the version with it.</summary>
    private CompiledPiece? Apply(Func<FormTimeline, FormTimeline> change)
    {
        lock (_gate)
        {
            _formChanges.Add(change);
            return Build();
        }
    }

    /// <summary>Recompiles the layers now and switches to them at <paramref name="at"/>.</summary>
    private void Rebuild(SwitchPoint at)
    {
        var piece = Build();
        if (piece is null) return;
        _player.Switch(new SwitchRequest(_ => piece, at));
    }

    /// <summary>The file text with pad edits, the knobs on top, compiled, with the form changes applied.</summary>
    private CompiledPiece? Build()
    {
        var text = _editedText;
        foreach (var ((track, lane, modifier), value) in _knobs)
        {
            var compiled = SeqCompiler.Compile(new SourceText(_path, text), new CompileOptions());
            if (compiled.Piece is not { } p || track >= p.Tracks.Count || lane >= p.Tracks[track].Lanes.Count) continue;
            try
            {
                text = ModifierEdit.Set(text, p.Tracks[track].Lanes[lane], modifier, value);
            }
            catch (ArgumentException)
            {
                // A save (--watch) moved lanes under the knob, or gave its modifier a value with no number to set (a
                // mini string, a named signal): the file's own value plays, and this worker thread lives on.
            }
        }
        foreach (var (signal, value) in _signalKnobs)
        {
            try
            {
                text = ModifierEdit.SetSignal(text, signal, value);
            }
            catch (ArgumentException)
            {
                // A save took the definition away or left it nothing to set: the file's value plays.
            }
        }
        var compilation = SeqCompiler.Compile(new SourceText(_path, text), new CompileOptions());
        Compiles++;
        if (compilation.HasErrors || compilation.Piece is not { } piece)
        {
            _say?.Invoke("a live edit did not compile; the music goes on unchanged");
            return null;
        }
        var form = piece.Form;
        foreach (var change in _formChanges) form = change(form);
        piece = _formChanges.Count > 0 ? piece.WithForm(form) : piece;
        _piece = piece;
        _decoder = DecoderFor(piece.Controls);
        Changed?.Invoke();
        return piece;
    }

    private int LaneId(int track, int lane) => _player.Lanes.Find(_piece.Tracks[track].Lanes[lane].FullName);

    /// <summary>The live ids of a mute target: one lane, or every lane of a track (lanes not played yet have none).</summary>
    public int[] LaneIds(int track, int? lane)
    {
        lock (_gate)
        {
            if (track >= _piece.Tracks.Count) return [];
            var lanes = _piece.Tracks[track].Lanes.Where(l => lane is null || l.LaneIndex == lane);
            return lanes.Select(l => _player.Lanes.Find(l.FullName)).Where(id => id >= 0).ToArray();
        }
    }
}
