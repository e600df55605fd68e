namespace SeqLang.Cli.Play;

/// <summary>
/// <c>--watch</c>: notices when the file is saved. Polls its size, time and bytes ten times a second rather
/// than trusting file-system events, because editors save in many ways (write in place, write a copy and
/// rename it over, delete and create) and events arrive for each step; polling sees only the end result and
/// reports each distinct content once. Runs on its own thread; the callback runs there too.
/// </summary>
public sealed class SourceWatcher : IDisposable
{
    private readonly string _path;
    private readonly Action<byte[]> _changed;
    private readonly CancellationTokenSource _stop = new();
    private readonly Thread _thread;
    private byte[] _last;

    public SourceWatcher(string path, byte[] current, Action<byte[]> changed)
    {
        _path = path;
        _last = current;
        _changed = changed;
        _thread = new Thread(Run) { Name = "seq watch", IsBackground = true };
        _thread.Start();
    }

    /// <summary>How often the file is looked at.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(100);

    private void Run()
    {
        var lastWrite = File.GetLastWriteTimeUtc(_path);
        while (!_stop.Token.WaitHandle.WaitOne(Interval))
        {
            try
            {
                var info = new FileInfo(_path);
                if (!info.Exists) continue; // mid-save: the old file is gone and the new one not yet there
                if (info.LastWriteTimeUtc == lastWrite && info.Length == _last.Length) continue;
                var bytes = File.ReadAllBytes(_path);
                lastWrite = info.LastWriteTimeUtc;
                if (bytes.AsSpan().SequenceEqual(_last)) continue;
                _last = bytes;
                _changed(bytes);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // The editor holds the file, or it is being replaced: the next look will do.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _thread.Join();
        _stop.Dispose();
    }
}
