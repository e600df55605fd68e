namespace SeqLang.Audio;

/// <summary>The audio files <c>seq render</c> writes, chosen by the output's extension.</summary>
public enum AudioFormat
{
    /// <summary>RIFF WAVE, 16-bit PCM: written here, streamed.</summary>
    Wav,
    /// <summary>FLAC, 16-bit, lossless, through libsndfile.</summary>
    Flac,
    /// <summary>Ogg Vorbis through libsndfile, its random stream serial number replaced by a fixed one (<see cref="OggSerial"/>).</summary>
    Ogg,
}
