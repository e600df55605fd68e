using System.Runtime.InteropServices;
using SeqLang.Audio.FluidSynth;
using SeqLang.Audio.SndFile;

namespace SeqLang.Audio;

/// <summary>FLAC (16-bit, lossless) or Ogg Vorbis through libsndfile, written to a path.</summary>
internal sealed unsafe class SndFileWriter : AudioSink, IDisposable
{
    private nint _file;

    public SndFileWriter(string path, AudioFormat format, int sampleRate)
    {
        FluidSynthLibrary.EnsureLoaded();
        if (FluidSynthLibrary.SndFileHandle() == 0)
            throw new AudioSetupException("libsndfile is not installed, which FLAC and Ogg output need; install it with: sudo apt-get install libsndfile1, or write .wav");
        var info = new SndFileNative.Info
        {
            SampleRate = sampleRate,
            Channels = 2,
            Format = format == AudioFormat.Flac ? SndFileNative.FormatFlac | SndFileNative.SubtypePcm16 : SndFileNative.FormatOgg | SndFileNative.SubtypeVorbis,
        };
        _file = SndFileNative.Open(path, SndFileNative.ModeWrite, &info);
        if (_file == 0) throw new IOException(LastError(0));
        if (format == AudioFormat.Ogg)
        {
            var quality = 0.6; // libsndfile's 0..1 scale: Vorbis quality 6, about 192 kbit/s for stereo
            SndFileNative.Command(_file, SndFileNative.CommandSetVbrQuality, &quality, sizeof(double));
        }
    }

    protected override void WritePcm(ReadOnlySpan<short> interleaved)
    {
        fixed (short* p = interleaved)
        {
            var frames = interleaved.Length / 2;
            if (SndFileNative.WriteFramesShort(_file, p, frames) != frames) throw new IOException(LastError(_file));
        }
    }

    public override void Finish()
    {
        var file = _file;
        _file = 0;
        if (file != 0 && SndFileNative.Close(file) != 0) throw new IOException("libsndfile could not finish the file");
    }

    public void Dispose()
    {
        if (_file != 0) SndFileNative.Close(_file);
        _file = 0;
    }

    private static string LastError(nint file) => Marshal.PtrToStringUTF8(SndFileNative.Error(file)) ?? "libsndfile failed";
}
