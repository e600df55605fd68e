namespace SeqLang.Audio;

/// <summary>Where rendered audio goes: interleaved stereo float frames in, a file out.</summary>
internal abstract class AudioSink
{
    public const int BlockFrames = 4096;
    private readonly short[] _pcm = new short[BlockFrames * 2];

    /// <summary>Interleaved float samples, full scale ±1, rounded to the nearest 16-bit value and clipped.</summary>
    public void Write(ReadOnlySpan<float> samples)
    {
        var pcm = _pcm.AsSpan(0, samples.Length);
        for (var i = 0; i < samples.Length; i++)
            pcm[i] = (short)Math.Clamp(MathF.Round(samples[i] * 32768f), short.MinValue, short.MaxValue);
        WritePcm(pcm);
    }

    protected abstract void WritePcm(ReadOnlySpan<short> interleaved);

    public abstract void Finish();
}
