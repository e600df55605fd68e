using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace SeqLang.Player.Tests.Support;

/// <summary>
/// A JACK client of the tests' own with two audio inputs (<c>CLIENT:in_left</c>, <c>CLIENT:in_right</c>) that records
/// every period it is given, each at its JACK frame time: sample i of the recording is frame <see cref="FirstFrame"/> + i
/// (a period the server skipped stays silence, in its place), and notes the Stopwatch time each period ran
/// (<see cref="Cycles"/>), which places a Stopwatch time among JACK's frames. Bound to libjack directly (not through
/// the player's code): what it hears is what any JACK client would.
/// </summary>
public sealed unsafe partial class JackAudioCapture : IDisposable
{
    private const string Library = "libjack.so.0";
    private const int JackNoStartServer = 0x01;
    private const nuint JackPortIsInput = 0x1;
    private const string AudioType = "32 bit float mono audio";

    private static int _count;

    private readonly nint _client;
    private readonly nint _left;
    private readonly nint _right;
    private readonly float* _leftSamples;
    private readonly float* _rightSamples;
    private readonly long _capacity;
    private GCHandle _self;
    private readonly long[] _cycleFrames;
    private readonly long[] _cycleTimes;
    private long _first = -1;
    private long _end;
    private int _periods;

    /// <param name="seconds">How much audio it holds; what comes later is not recorded.</param>
    public JackAudioCapture(double seconds = 30)
    {
        ClientName = $"seq-capture-{Environment.ProcessId}-{Interlocked.Increment(ref _count)}";
        _client = ClientOpen(ClientName, JackNoStartServer, out var status);
        if (_client == 0) throw new InvalidOperationException($"jack_client_open failed (status 0x{status:x}): is the test JACK server running?");
        SampleRate = (int)GetSampleRate(_client);
        _capacity = (long)(seconds * SampleRate);
        _leftSamples = (float*)NativeMemory.AllocZeroed((nuint)_capacity, sizeof(float));
        _rightSamples = (float*)NativeMemory.AllocZeroed((nuint)_capacity, sizeof(float));
        _cycleFrames = new long[_capacity / 16 + 1];
        _cycleTimes = new long[_cycleFrames.Length];
        _left = PortRegister(_client, "in_left", AudioType, JackPortIsInput, 0);
        _right = PortRegister(_client, "in_right", AudioType, JackPortIsInput, 0);
        if (_left == 0 || _right == 0) throw new InvalidOperationException("jack_port_register failed");
        _self = GCHandle.Alloc(this);
        if (SetProcessCallback(_client, &Process, GCHandle.ToIntPtr(_self)) != 0) throw new InvalidOperationException("jack_set_process_callback failed");
        if (Activate(_client) != 0) throw new InvalidOperationException("jack_activate failed");
    }

    public string ClientName { get; }

    public int SampleRate { get; }

    public string LeftPort => ClientName + ":in_left";

    public string RightPort => ClientName + ":in_right";

    /// <summary>The JACK frame time of the recording's first sample; -1 before the first period.</summary>
    public long FirstFrame => Interlocked.Read(ref _first);

    /// <summary>Samples recorded so far (per channel).</summary>
    public long Frames => Interlocked.Read(ref _end);

    /// <summary>Periods the process callback has been given.</summary>
    public int Periods => Volatile.Read(ref _periods);

    /// <summary>The full names of the ports matching a regular expression (<c>jack_get_ports</c>).</summary>
    public IReadOnlyList<string> Ports(string pattern)
    {
        var list = GetPorts(_client, pattern, null, 0);
        if (list == null) return [];
        var names = new List<string>();
        for (var p = list; *p != 0; p++) names.Add(Marshal.PtrToStringUTF8(*p)!);
        Free(list);
        return names;
    }

    /// <summary>
    /// Connects an output port of any client to one of ours; false when JACK refuses, as it does while the port's
    /// client has registered it but not yet activated (a client's ports are listed from the moment they exist).
    /// </summary>
    public bool TryConnect(string source, string destination)
    {
        var result = JackConnect(_client, source, destination);
        return result is 0 or 17; // 17: EEXIST, connected already
    }

    /// <summary>
    /// The JACK frame now, relative to <see cref="FirstFrame"/>: <c>jack_frame_time</c>, the server's estimate from its
    /// latest periods, good enough to wait for (on a loaded server it was seen 17 ms off: to measure, use <see cref="Cycles"/>).
    /// </summary>
    public long FrameNow() => unchecked((int)(FrameTime(_client) - (uint)FirstFrame));

    /// <summary>Each period the process callback was given: its first frame (relative to <see cref="FirstFrame"/>) and the Stopwatch time it ran.</summary>
    public IReadOnlyList<(long Frame, long Time)> Cycles()
    {
        var count = Math.Min(Periods, _cycleFrames.Length);
        return [.. Enumerable.Range(0, count).Select(i => (_cycleFrames[i], _cycleTimes[i]))];
    }

    /// <summary>The loudest sample of either channel recorded from <paramref name="frame"/> on (to wait for sound; the verdicts are audio_check.py's).</summary>
    public float PeakSince(long frame)
    {
        var end = Frames;
        var peak = 0f;
        for (var i = Math.Max(0, frame); i < end; i++) peak = Math.Max(peak, Math.Max(Math.Abs(_leftSamples[i]), Math.Abs(_rightSamples[i])));
        return peak;
    }

    /// <summary>Writes what was recorded as a 16-bit stereo WAV (for tests/tools/audio_check.py).</summary>
    public void WriteWav(string path)
    {
        var frames = (int)Frames;
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream);
        writer.Write("RIFF"u8);
        writer.Write(36 + frames * 4);
        writer.Write("WAVEfmt "u8);
        writer.Write(16);
        writer.Write((short)1);
        writer.Write((short)2);
        writer.Write(SampleRate);
        writer.Write(SampleRate * 4);
        writer.Write((short)4);
        writer.Write((short)16);
        writer.Write("data"u8);
        writer.Write(frames * 4);
        for (var i = 0; i < frames; i++)
        {
            writer.Write(Pcm(_leftSamples[i]));
            writer.Write(Pcm(_rightSamples[i]));
        }
    }

    private static short Pcm(float sample) => (short)Math.Clamp(MathF.Round(sample * 32768f), short.MinValue, short.MaxValue);

    public void Dispose()
    {
        Deactivate(_client);
        ClientClose(_client);
        if (_self.IsAllocated) _self.Free();
        NativeMemory.Free(_leftSamples);
        NativeMemory.Free(_rightSamples);
    }

    /// <summary>JACK's process thread: copies the period's input at its frame time. Allocates nothing.</summary>
    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static int Process(uint frames, nint arg)
    {
        if (GCHandle.FromIntPtr(arg).Target is not JackAudioCapture self) return 0;
        var now = LastFrameTime(self._client);
        if (self._first < 0) Interlocked.Exchange(ref self._first, now);
        var offset = unchecked((long)(uint)(now - (uint)self._first));
        var cycle = self._periods;
        if (cycle < self._cycleFrames.Length)
        {
            self._cycleFrames[cycle] = offset;
            self._cycleTimes[cycle] = Stopwatch.GetTimestamp();
        }
        Interlocked.Increment(ref self._periods);
        if (offset + frames > self._capacity) return 0;
        var left = (float*)PortGetBuffer(self._left, frames);
        var right = (float*)PortGetBuffer(self._right, frames);
        Buffer.MemoryCopy(left, self._leftSamples + offset, frames * sizeof(float), frames * sizeof(float));
        Buffer.MemoryCopy(right, self._rightSamples + offset, frames * sizeof(float), frames * sizeof(float));
        if (offset + frames > self._end) Interlocked.Exchange(ref self._end, offset + frames);
        return 0;
    }

    [LibraryImport(Library, EntryPoint = "jack_client_open", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint ClientOpen(string name, int options, out int status);

    [LibraryImport(Library, EntryPoint = "jack_client_close")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int ClientClose(nint client);

    [LibraryImport(Library, EntryPoint = "jack_activate")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int Activate(nint client);

    [LibraryImport(Library, EntryPoint = "jack_deactivate")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int Deactivate(nint client);

    [LibraryImport(Library, EntryPoint = "jack_get_sample_rate")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial uint GetSampleRate(nint client);

    [LibraryImport(Library, EntryPoint = "jack_port_register", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint PortRegister(nint client, string name, string type, nuint flags, nuint bufferSize);

    [LibraryImport(Library, EntryPoint = "jack_set_process_callback")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int SetProcessCallback(nint client, delegate* unmanaged[Cdecl]<uint, nint, int> callback, nint arg);

    [LibraryImport(Library, EntryPoint = "jack_port_get_buffer")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint PortGetBuffer(nint port, uint frames);

    [LibraryImport(Library, EntryPoint = "jack_last_frame_time")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial uint LastFrameTime(nint client);

    [LibraryImport(Library, EntryPoint = "jack_frame_time")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial uint FrameTime(nint client);

    [LibraryImport(Library, EntryPoint = "jack_connect", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial int JackConnect(nint client, string source, string destination);

    [LibraryImport(Library, EntryPoint = "jack_get_ports", StringMarshalling = StringMarshalling.Utf8)]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial nint* GetPorts(nint client, string? namePattern, string? typePattern, nuint flags);

    [LibraryImport(Library, EntryPoint = "jack_free")]
    [UnmanagedCallConv(CallConvs = [typeof(CallConvCdecl)])]
    private static partial void Free(void* pointer);
}
