namespace SeqLang.Midi.Tests;

public sealed class AtomicFileWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("seqlang-midi-atomic-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    private string Target => Path.Combine(_folder, "out.mid");

    [Fact]
    public void WritesTheWholeFileAndNothingElse()
    {
        AtomicFileWriter.Write(Target, s => s.Write(new byte[] { 1, 2, 3 }));
        Assert.Equal(new byte[] { 1, 2, 3 }, File.ReadAllBytes(Target));
        Assert.Equal(new[] { Target }, Directory.GetFiles(_folder));
    }

    [Fact]
    public void ReplacesAnExistingFile()
    {
        File.WriteAllBytes(Target, new byte[100]);
        AtomicFileWriter.Write(Target, s => s.WriteByte(7));
        Assert.Equal(new byte[] { 7 }, File.ReadAllBytes(Target));
    }

    [Fact]
    public void AFailureMidwayLeavesNoFileAndNoTemporaryFile()
    {
        var error = Assert.Throws<IOException>(() => AtomicFileWriter.Write(Target, s =>
        {
            s.Write(new byte[4096]);
            s.Flush();
            throw new IOException("disk full (simulated)");
        }));
        Assert.Equal("disk full (simulated)", error.Message);
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void AFailureMidwayLeavesThePreviousFileUntouched()
    {
        File.WriteAllBytes(Target, new byte[] { 9, 9 });
        Assert.Throws<InvalidOperationException>(() => AtomicFileWriter.Write(Target, s =>
        {
            s.WriteByte(1);
            throw new InvalidOperationException("render failed");
        }));
        Assert.Equal(new byte[] { 9, 9 }, File.ReadAllBytes(Target));
        Assert.Equal(new[] { Target }, Directory.GetFiles(_folder));
    }

    [Fact]
    public void ASmfWriterFailureInALaterTrackLeavesNoPartialFile()
    {
        // Track 2's first delta does not fit in 28 bits: the header, the conductor and track 1
        // have been written by the time the writer throws.
        var ok = new MidiTrackBuilder("ok").AddNote(0, 60, 100, 0, 10).Build();
        var bad = new MidiTrackBuilder("bad").AddNote(0, 60, 100, 0x10000000, 0x10000001).Build();
        var content = new MidiFileContent(480, new ConductorTrack("t", new MidiTimeSignature(4, 4), null, 120), new[] { ok, bad }, 0);

        var partial = new MemoryStream();
        Assert.Throws<InvalidOperationException>(() => SmfWriter.Write(partial, content));
        Assert.True(partial.Length > 14, "the failure comes after bytes were written");

        Assert.Throws<InvalidOperationException>(() => SmfWriter.WriteFile(Target, content));
        Assert.Empty(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void WriteFileWritesWhatToBytesGives()
    {
        var content = RoundTripTests.SampleContent();
        SmfWriter.WriteFile(Target, content);
        Assert.Equal(SmfWriter.ToBytes(content), File.ReadAllBytes(Target));
    }
}
