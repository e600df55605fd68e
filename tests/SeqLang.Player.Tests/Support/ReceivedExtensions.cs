using System.Diagnostics;

namespace SeqLang.Player.Tests.Support;

/// <summary>Helpers for received messages that may include system messages.</summary>
public static class ReceivedExtensions
{
    /// <summary>A system message (status F0..FF): clock, Start/Continue/Stop, Song Position Pointer.</summary>
    public static bool IsSystem(this Received m) => m.Bytes[0] >= 0xF0;

    /// <summary>CC 123 (all notes off).</summary>
    public static bool IsAllNotesOff(this Received m) => m.Status == 0xB0 && m.Bytes.Length == 3 && m.Bytes[1] == 123;

    /// <summary>Seconds between two Stopwatch timestamps.</summary>
    public static double Seconds(long from, long to) => (double)(to - from) / Stopwatch.Frequency;
}
