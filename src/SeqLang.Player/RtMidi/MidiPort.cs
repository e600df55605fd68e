namespace SeqLang.Player.RtMidi;

/// <summary>A port as the MIDI system lists it: its number in this listing and its name (JACK: <c>client:port</c>).</summary>
public sealed record MidiPort(int Index, string Name);
