namespace SeqLang.Cli.Play;

/// <summary>
/// Reads single keys from the terminal while playing (no Enter needed, nothing echoed) and hands each to a
/// callback on this reader's thread. Only when standard input is a terminal: piped input is never read.
/// </summary>
public sealed class HotkeyReader : IDisposable
{
    private readonly Action<char> _pressed;
    private readonly Thread? _thread;
    private volatile bool _stopped;

    public HotkeyReader(Action<char> pressed)
    {
        _pressed = pressed;
        if (Console.IsInputRedirected) return;
        _thread = new Thread(Run) { Name = "seq keys", IsBackground = true };
        _thread.Start();
    }

    /// <summary>Whether keys are read at all (standard input is a terminal).</summary>
    public bool Active => _thread is not null;

    private void Run()
    {
        while (!_stopped)
        {
            try
            {
                if (!Console.KeyAvailable)
                {
                    Thread.Sleep(20);
                    continue;
                }
                var key = Console.ReadKey(intercept: true);
                if (key.KeyChar != '\0') _pressed(key.KeyChar);
            }
            catch (InvalidOperationException)
            {
                return; // no console after all
            }
        }
    }

    public void Dispose()
    {
        _stopped = true;
        _thread?.Join(200);
    }
}
