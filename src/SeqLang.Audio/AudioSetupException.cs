namespace SeqLang.Audio;

/// <summary>
/// Audio cannot be made on this machine as it stands: no FluidSynth library, no SoundFont, or a SoundFont
/// FluidSynth cannot read. The message says what to install or pass; the CLI prints it and exits 3.
/// </summary>
public sealed class AudioSetupException(string message) : Exception(message);
