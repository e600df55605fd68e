using SeqLang.Patterns.Tests.Support;
using SeqLang.Player.Tests.Support;
using SeqLang.Player.Recording;

namespace SeqLang.Player.Tests.Recording;

public sealed class SendRecordingTests
{
    [Fact]
    public void Nothing_is_kept_before_the_producer_makes_room_and_the_loss_is_counted()
    {
        var recording = new SendRecording();
        recording.Add(5, [0x90, 60, 100]);
        Assert.Equal(0, recording.Count);
        Assert.Equal(1, recording.Dropped);
        Assert.Empty(recording.ToArray());
    }

    [Fact]
    public void Room_for_the_published_messages_always_includes_the_stop()
    {
        var recording = new SendRecording();
        recording.EnsureCapacity(0);
        Assert.True(recording.Capacity >= SendRecording.StopReserve);
        recording.EnsureCapacity(SendRecording.ChunkSize - SendRecording.StopReserve + 1);
        Assert.Equal(2L * SendRecording.ChunkSize, recording.Capacity);
    }

    [Fact]
    public void Entries_keep_send_order_across_chunks()
    {
        var recording = new SendRecording();
        var n = SendRecording.ChunkSize + 100;
        recording.EnsureCapacity(n);
        for (var i = 0; i < n; i++) recording.Add(i * 10L, (byte)(0x90 | (i % 16)), (byte)(i % 128), 100, 3);
        Assert.Equal(n, recording.Count);
        var all = recording.ToArray();
        Assert.Equal(n, all.Length);
        for (var i = 0; i < n; i++) Assert.Equal(new RecordedSend(i * 10L, (byte)(0x90 | (i % 16)), (byte)(i % 128), 100, 3), all[i]);
        Assert.Equal(all[SendRecording.ChunkSize], recording[SendRecording.ChunkSize]);
        Assert.Throws<ArgumentOutOfRangeException>(() => recording[n]);
    }

    [Fact]
    public void Short_messages_are_padded_and_system_messages_are_not_kept()
    {
        var recording = new SendRecording();
        recording.EnsureCapacity(10);
        recording.Add(1, [0xF8]);             // clock
        recording.Add(2, [0xC3, 5]);          // program change: two bytes
        recording.Add(3, [0xFA]);             // start
        recording.Add(4, [0xFC]);             // stop
        recording.Add(5, [0xF2, 0, 0]);       // song position
        recording.Add(6, []);
        Assert.Equal([new RecordedSend(2, 0xC3, 5, 0, 2)], recording.ToArray());
    }

    [Fact]
    public void Adding_allocates_nothing()
    {
        var recording = new SendRecording();
        recording.EnsureCapacity(200_000);
        ReadOnlySpan<byte> message = [0x90, 60, 100];
        recording.Add(0, message);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 1; i < 150_000; i++) recording.Add(i, message);
        Allocations.AssertNone(GC.GetAllocatedBytesForCurrentThread() - before, 150_000, "adding to the recording");
        Assert.Equal(150_000, recording.Count);
    }
}
