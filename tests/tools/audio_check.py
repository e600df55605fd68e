#!/usr/bin/python3
"""Independent checks of a WAV that `seq render -o X.wav` wrote, against the MIDI file `seq render -o X.mid`
wrote from the same input. Reads the WAV with Python's wave module and numpy and the MIDI with mido, never
with SeqLang's code, and prints one JSON object.

  audio_check.py silence WAV MID RELEASE_SECONDS
      The windows where the MIDI sounds no note, less RELEASE_SECONDS after each note-off (the release and
      reverb tail), and the loudest |sample| (full scale 1.0) inside them and outside them.
  audio_check.py peak WAV FROM_SECONDS TO_SECONDS
      The frequency of the strongest FFT bin (Hann window, mono mix) between the two times.
  audio_check.py onset WAV THRESHOLD
      The first frame at which either channel's |sample| exceeds THRESHOLD (-1 if none), and the RMS and peak
      of the whole file (a capture of `seq play --synth` under JACK).
  audio_check.py onsets WAV THRESHOLD QUIET_SECONDS
      Every frame at which either channel's |sample| exceeds THRESHOLD after at least QUIET_SECONDS in which
      none did (or at the file's start): the onsets of notes that fall silent before the next begins.
"""
import json
import sys
import wave

import mido
import numpy as np


def read_wav(path):
    with wave.open(path, "rb") as w:
        assert w.getsampwidth() == 2, "expected 16-bit PCM"
        rate, channels = w.getframerate(), w.getnchannels()
        data = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float64) / 32768.0
    return rate, data.reshape(-1, channels)


def sounding_intervals(mid_path):
    """(start, end) seconds of every note, by mido's own reading of tempo and ticks."""
    now, held, notes = 0.0, {}, []
    for msg in mido.MidiFile(mid_path):  # merged tracks, msg.time in seconds
        now += msg.time
        if msg.type == "note_on" and msg.velocity > 0:
            held.setdefault((msg.channel, msg.note), []).append(now)
        elif msg.type in ("note_off", "note_on"):
            starts = held.get((msg.channel, msg.note))
            if starts:
                notes.append((starts.pop(0), now))
    return notes, now


def silence(wav_path, mid_path, release):
    rate, audio = read_wav(wav_path)
    total = len(audio) / rate
    notes, _ = sounding_intervals(mid_path)
    busy = sorted((start, end + release) for start, end in notes)
    windows, cursor = [], 0.0
    for start, end in busy:
        if start > cursor:
            windows.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < total:
        windows.append((cursor, total))
    mask = np.zeros(len(audio), dtype=bool)
    for a, b in windows:
        mask[int(np.ceil(a * rate)):int(np.floor(b * rate))] = True
    peak = np.abs(audio).max(axis=1)
    return {
        "seconds": total,
        "notes": len(notes),
        "silentWindows": [[round(a, 4), round(b, 4)] for a, b in windows if b - a > 0],
        "silentSeconds": float(mask.sum() / rate),
        "maxInSilence": float(peak[mask].max()) if mask.any() else 0.0,
        "maxElsewhere": float(peak[~mask].max()) if (~mask).any() else 0.0,
    }


def peak_frequency(wav_path, start, end):
    rate, audio = read_wav(wav_path)
    mono = audio[int(start * rate):int(end * rate)].mean(axis=1)
    spectrum = np.abs(np.fft.rfft(mono * np.hanning(len(mono))))
    freqs = np.fft.rfftfreq(len(mono), 1.0 / rate)
    spectrum[freqs < 20] = 0
    return {"peakHz": float(freqs[int(np.argmax(spectrum))]), "rms": float(np.sqrt((mono ** 2).mean()))}


def onset(wav_path, threshold):
    rate, audio = read_wav(wav_path)
    loud = np.nonzero(np.abs(audio).max(axis=1) > threshold)[0]
    mono = audio.mean(axis=1)
    return {
        "rate": rate,
        "frames": len(audio),
        "onsetFrame": int(loud[0]) if len(loud) else -1,
        "rms": float(np.sqrt((mono ** 2).mean())) if len(mono) else 0.0,
        "peak": float(np.abs(audio).max()) if len(audio) else 0.0,
    }


def onsets(wav_path, threshold, quiet_seconds):
    rate, audio = read_wav(wav_path)
    loud = np.nonzero(np.abs(audio).max(axis=1) > threshold)[0]
    quiet = int(quiet_seconds * rate)
    found = [int(loud[0])] if len(loud) else []
    for before, frame in zip(loud[:-1], loud[1:]):
        if frame - before > quiet:
            found.append(int(frame))
    return {"rate": rate, "frames": len(audio), "onsetFrames": found}


def main(argv):
    if argv[1] == "silence":
        result = silence(argv[2], argv[3], float(argv[4]))
    elif argv[1] == "peak":
        result = peak_frequency(argv[2], float(argv[3]), float(argv[4]))
    elif argv[1] == "onset":
        result = onset(argv[2], float(argv[3]))
    elif argv[1] == "onsets":
        result = onsets(argv[2], float(argv[3]), float(argv[4]))
    else:
        raise SystemExit(f"unknown check {argv[1]}")
    print(json.dumps(result))


if __name__ == "__main__":
    main(sys.argv)
