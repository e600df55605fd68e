using SeqLang.Cli.Output;
using SeqLang.Compiler;
using SeqLang.Compiler.Piece;
using SeqLang.Core.Time;
using SeqLang.Player;
using SeqLang.Player.Status;

namespace SeqLang.Cli.Play;

/// <summary>
/// What runs around a playback on ordinary threads: reloads on save (<c>--watch</c>), the hotkeys, the
/// status line, and the messages they print. The clock never waits on any of it: a reload compiles here and
/// hands the producer a finished piece; keys only post requests.
/// </summary>
public sealed class PlaySession : IDisposable
{
    private readonly Player.PiecePlayer _player;
    private readonly CliConsole _console;
    private readonly string _path;
    private readonly bool _quiet;
    private readonly Lock _write = new();
    private readonly StatusLine _line = new();
    private readonly bool _showStatus;
    private Thread? _statusThread;
    private volatile bool _stopped;
    private volatile CompiledPiece _current;
    private bool _statusShown;

    public PlaySession(Compilation compilation, Player.PiecePlayer player, CliConsole console, bool quiet)
    {
        _player = player;
        _console = console;
        _path = compilation.Source.Path;
        _quiet = quiet;
        _current = compilation.Piece!;
        _showStatus = !quiet && !Console.IsOutputRedirected && ReferenceEquals(console.Out, Console.Out);
    }

    /// <summary>The file's mappings at work; keys not built in go to it.</summary>
    public LiveControl? Control { get; set; }

    /// <summary>The version playing (the last reload that compiled).</summary>
    public CompiledPiece Current => _current;

    /// <summary>Built-in keys, then the file's: what <c>?</c> lists.</summary>
    public static readonly IReadOnlyList<(string Key, string Action)> BuiltInKeys =
    [
        ("+", "tempo +1 BPM"),
        ("-", "tempo -1 BPM"),
        ("?", "list the keys"),
        ("q", "stop (as Ctrl-C)"),
    ];

    public void StartStatus()
    {
        if (!_showStatus) return;
        _statusThread = new Thread(StatusLoop) { Name = "seq status", IsBackground = true };
        _statusThread.Start();
    }

    /// <summary><c>--watch</c>: the file was saved with these bytes.</summary>
    public void Reload(byte[] bytes)
    {
        var compilation = SeqCompiler.Compile(_path, bytes, new CompileOptions());
        if (compilation.HasErrors || compilation.Piece is not { } piece)
        {
            Say(error =>
            {
                error.WriteLine($"seq play: {_path} has errors; still playing the last version that compiled");
                DiagnosticPrinter.PrintText(error, compilation.Source, compilation.Diagnostics);
            });
            return;
        }
        if (piece.Settings.Meter.BarQuarters != _current.Settings.Meter.BarQuarters)
        {
            Say(error => error.WriteLine($"seq play: {_path} changed its meter; bars would no longer line up, so restart seq play to hear it"));
            return;
        }
        var warnings = compilation.Diagnostics.Where(d => !d.IsError).ToList();
        void Applied(long bar)
        {
            _current = piece;
            Say(error =>
            {
                error.WriteLine($"seq play: reloaded {_path}; the new version plays from bar {bar}");
                DiagnosticPrinter.PrintText(error, compilation.Source, warnings);
            });
        }
        // With live control, the reload keeps the pad edits, knob values and section changes made so far.
        if (Control is { } control) control.Reload(compilation.Source.Text, Applied);
        else _player.Switch(new SwitchRequest(_ => piece, SwitchPoint.NextBar, Applied));
    }

    /// <summary>One key from the terminal.</summary>
    public void Key(char key)
    {
        switch (key)
        {
            case '+' or '=':
                _player.Live.RequestBpm(Math.Round(_player.Live.Bpm) + 1);
                break;
            case '-' or '_':
                _player.Live.RequestBpm(Math.Round(_player.Live.Bpm) - 1);
                break;
            case '?':
                Say(error =>
                {
                    error.WriteLine("seq play: keys");
                    foreach (var (k, action) in BuiltInKeys) error.WriteLine($"  {k}  {action}");
                    foreach (var binding in Control?.Controls.Keys ?? []) error.WriteLine($"  {binding.Key}  {binding.Text}");
                });
                break;
            case 'q' or 'Q':
                _player.RequestStop();
                break;
            default:
                Control?.OnKey(key);
                break;
        }
    }

    /// <summary>Prints a message (to stderr) without tearing the status line.</summary>
    public void Say(Action<TextWriter> write)
    {
        if (_quiet) return;
        lock (_write)
        {
            if (_statusShown) _console.Out.Write("\r\u001b[K");
            write(_console.Error);
            _console.Error.Flush();
        }
    }

    private void StatusLoop()
    {
        while (!_stopped)
        {
            Thread.Sleep(100);
            if (_stopped || _player.StartedAt is not { } start) continue;
            var now = System.Diagnostics.Stopwatch.GetTimestamp();
            if (now < start) continue;
            var text = _line.Format(Snapshot(now), Math.Max(20, SafeWidth() - 1));
            lock (_write)
            {
                _console.Out.Write("\r" + text + "\u001b[K");
                _console.Out.Flush();
                _statusShown = true;
            }
        }
    }

    private StatusSnapshot Snapshot(long now)
    {
        var piece = _current;
        var bar = _player.Live.CurrentBar;
        var info = _player.Live.Bar(bar);
        var chords = info is null || info.Chords.Length == 0 ? [] : info.Chords.Split(' ');
        var bpm = _player.Live.Bpm;
        var activity = _player.TrackActivity;
        var tracks = piece.Tracks.Select((t, i) =>
        {
            var at = activity is not null && i < activity.Length ? activity[i] : 0;
            TimeSpan? since = at == 0 ? null : TimeSpan.FromSeconds((double)(now - at) / System.Diagnostics.Stopwatch.Frequency);
            return new TrackActivity(t.Name, since);
        }).ToList();
        return new StatusSnapshot(bar, piece.Form.SectionAt(bar), chords, new Rational((long)Math.Round(bpm * 10), 10), tracks);
    }

    private static int SafeWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _statusThread?.Join(500);
        if (_statusShown)
        {
            lock (_write)
            {
                _console.Out.Write("\r\u001b[K");
                _console.Out.Flush();
            }
        }
    }
}
