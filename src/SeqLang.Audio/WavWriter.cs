using System.Buffers.Binary;
using System.Text;

namespace SeqLang.Audio;

/// <summary>
/// A RIFF WAVE file, 16-bit PCM stereo, written as a stream: the length is known before the first sample, so
/// the header is written first and the output need not be seekable.
/// </summary>
internal sealed class WavWriter : AudioSink
{
    private const int Channels = 2;
    private const int BytesPerSample = 2;

    /// <summary>A RIFF size is 32 bits: about 6.7 hours of 44.1 kHz stereo.</summary>
    public static long MaxFrames => (uint.MaxValue - 36L) / (Channels * BytesPerSample);

    private readonly Stream _output;
    private readonly byte[] _bytes = new byte[BlockFrames * Channels * BytesPerSample];
    private readonly long _frames;
    private long _written;

    public WavWriter(Stream output, int sampleRate, long frames)
    {
        if (frames > MaxFrames) throw new AudioSetupException($"the audio would be {frames / sampleRate / 60} minutes long, more than a WAV file holds (6.7 hours at 44.1 kHz); render fewer bars");
        _output = output;
        _frames = frames;
        var dataBytes = (uint)(frames * Channels * BytesPerSample);
        Span<byte> header = stackalloc byte[44];
        Encoding.ASCII.GetBytes("RIFF", header);
        BinaryPrimitives.WriteUInt32LittleEndian(header[4..], 36 + dataBytes);
        Encoding.ASCII.GetBytes("WAVEfmt ", header[8..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[16..], 16);                 // fmt chunk size
        BinaryPrimitives.WriteUInt16LittleEndian(header[20..], 1);                  // PCM
        BinaryPrimitives.WriteUInt16LittleEndian(header[22..], Channels);
        BinaryPrimitives.WriteUInt32LittleEndian(header[24..], (uint)sampleRate);
        BinaryPrimitives.WriteUInt32LittleEndian(header[28..], (uint)(sampleRate * Channels * BytesPerSample)); // byte rate
        BinaryPrimitives.WriteUInt16LittleEndian(header[32..], Channels * BytesPerSample); // block align
        BinaryPrimitives.WriteUInt16LittleEndian(header[34..], BytesPerSample * 8);
        Encoding.ASCII.GetBytes("data", header[36..]);
        BinaryPrimitives.WriteUInt32LittleEndian(header[40..], dataBytes);
        output.Write(header);
    }

    protected override void WritePcm(ReadOnlySpan<short> interleaved)
    {
        var bytes = _bytes.AsSpan(0, interleaved.Length * BytesPerSample);
        for (var i = 0; i < interleaved.Length; i++) BinaryPrimitives.WriteInt16LittleEndian(bytes[(i * 2)..], interleaved[i]);
        _output.Write(bytes);
        _written += interleaved.Length / Channels;
    }

    public override void Finish()
    {
        if (_written != _frames) throw new InvalidOperationException($"wrote {_written} frames of {_frames} (this might be a bug)");
    }
}
