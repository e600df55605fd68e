using System.Runtime.InteropServices;

namespace SeqLang.Player;

/// <summary>
/// Asks Linux to schedule the calling thread first (SCHED_FIFO), as JACK does for its own threads. The
/// kernel then wakes it on time and nothing else on its core preempts it while it spins to a send. Needs
/// root or an rtprio limit (the "audio" group on most distributions); refused otherwise, and playback
/// simply runs at normal priority.
/// </summary>
internal static partial class RealtimePriority
{
    private const int SchedFifo = 1;

    /// <summary>
    /// Where jackd is started with a higher priority (<c>-P 70</c>, say), the audio engine goes first; with jackd2's
    /// default (10, its clients' process threads 5, as measured here) the clock goes first, and a send waits for no one.
    /// </summary>
    public const int ClockPriority = 60;

    public static bool TryEnter(int priority = ClockPriority)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try
        {
            var param = new SchedParam { Priority = priority };
            return SchedSetScheduler(0, SchedFifo, ref param) == 0;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false;
        }
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct SchedParam
    {
        public int Priority;
    }

    [LibraryImport("libc", EntryPoint = "sched_setscheduler", SetLastError = true)]
    private static partial int SchedSetScheduler(int pid, int policy, ref SchedParam param);
}
