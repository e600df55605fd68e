namespace SeqLang.Midi.Tests;

public class MidiChannelMessageTests
{
    [Fact]
    public void EncodesEachKindOnTheWire()
    {
        Assert.Equal(new byte[] { 0x93, 60, 100 }, MidiChannelMessage.NoteOn(0, 3, 60, 100).ToBytes());
        Assert.Equal(new byte[] { 0x83, 60, 0 }, MidiChannelMessage.NoteOff(0, 3, 60).ToBytes());   // 0x80, release velocity 0
        Assert.Equal(new byte[] { 0xBF, 7, 127 }, MidiChannelMessage.ControlChange(0, 15, 7, 127).ToBytes());
        Assert.Equal(new byte[] { 0xC0, 38 }, MidiChannelMessage.ProgramChange(0, 0, 38).ToBytes());
    }

    [Theory]
    [InlineData(0, 0x00, 0x40)]        // centre: 8192 = 0x2000
    [InlineData(-8192, 0x00, 0x00)]    // full down
    [InlineData(8191, 0x7F, 0x7F)]     // full up: 16383
    [InlineData(1, 0x01, 0x40)]
    [InlineData(-1, 0x7F, 0x3F)]       // 8191 = 0x1FFF
    public void EncodesPitchBendAsLsbThenMsb(int value, byte lsb, byte msb) =>
        Assert.Equal(new byte[] { 0xE2, lsb, msb }, MidiChannelMessage.PitchBend(0, 2, value).ToBytes());

    [Fact]
    public void RejectsWhatCannotGoOnTheWire()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.NoteOn(0, 16, 60, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.NoteOn(0, -1, 60, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.NoteOn(0, 0, 128, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.NoteOn(0, 0, 60, 0));   // would be a note-off
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.NoteOn(0, 0, 60, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.NoteOn(-1, 0, 60, 100));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.ControlChange(0, 0, 128, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.ControlChange(0, 0, 0, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.ProgramChange(0, 0, 128));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.PitchBend(0, 0, 8192));
        Assert.Throws<ArgumentOutOfRangeException>(() => MidiChannelMessage.PitchBend(0, 0, -8193));
    }

    [Fact]
    public void FromBytesKeepsWhatWasSentAndRefusesWhatIsNotAChannelMessage()
    {
        Assert.True(MidiChannelMessage.TryFromBytes(7, 0x93, 60, 0, out var off));        // note-on velocity 0, as sent
        Assert.Equal((7L, MidiMessageKind.NoteOn), (off.Tick, off.Kind));
        Assert.Equal(new byte[] { 0x93, 60, 0 }, off.ToBytes());
        Assert.True(MidiChannelMessage.TryFromBytes(0, 0xC1, 5, 99, out var program));  // a stray second data byte is dropped
        Assert.Equal(new byte[] { 0xC1, 5 }, program.ToBytes());
        Assert.Equal(0, program.Data2);
        Assert.True(MidiChannelMessage.TryFromBytes(0, 0xA2, 60, 30, out var pressure)); // poly pressure: no factory of its own
        Assert.Equal(new byte[] { 0xA2, 60, 30 }, pressure.ToBytes());
        Assert.False(MidiChannelMessage.TryFromBytes(0, 0xF8, 0, 0, out _));            // clock: not a channel message
        Assert.False(MidiChannelMessage.TryFromBytes(0, 0x40, 0, 0, out _));            // a data byte as status
        Assert.False(MidiChannelMessage.TryFromBytes(0, 0x90, 0x80, 1, out _));
        Assert.False(MidiChannelMessage.TryFromBytes(0, 0xB0, 1, 0x80, out _));
        Assert.False(MidiChannelMessage.TryFromBytes(-1, 0x90, 60, 1, out _));
    }
}
