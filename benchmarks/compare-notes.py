#!/usr/bin/env python3
"""compare-notes.py SEQ.mid ABC.mid: do two Standard MIDI Files hold the same notes?

Used by whole-process.sh to check that `seq render three-track.seq --bars 2048` and abc2midi on the
ABC tune written by inputs/three-track-abc.sh made the same music before their times are compared.
Read with mido, not with SeqLang's own reader. Exit 1, saying why, when the number of note-ons on a
channel or a channel's pitches and velocities differ; where the notes start and how long they last is
reported but not required to match (abc2midi starts every note one tick late and ends it on time).
"""
import collections
import sys

try:
    import mido
except ImportError:
    sys.exit("compare-notes.py: needs mido (apt-get install -y python3-mido)")


def read(path):
    """Channel (1-16) -> note-ons [(tick, pitch, velocity, length or None)], and the file's ticks a beat."""
    midi = mido.MidiFile(path)
    notes = collections.defaultdict(list)
    for track in midi.tracks:
        tick = 0
        sounding = collections.defaultdict(collections.deque)  # (channel, pitch) -> indexes into notes
        for message in track:
            tick += message.time
            if message.type == 'note_on' and message.velocity > 0:
                channel = message.channel + 1
                notes[channel].append([tick, message.note, message.velocity, None])
                sounding[channel, message.note].append(len(notes[channel]) - 1)
            elif message.type in ('note_off', 'note_on'):
                channel = message.channel + 1
                if sounding[channel, message.note]:
                    note = notes[channel][sounding[channel, message.note].popleft()]
                    note[3] = tick - note[0]
    return notes, midi.ticks_per_beat


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: compare-notes.py SEQ.mid ABC.mid")
    (a, a_tpb), (b, b_tpb) = read(sys.argv[1]), read(sys.argv[2])
    names = ('seq', 'abc2midi')
    failures = []
    if a_tpb != b_tpb:
        failures.append(f"ticks a beat: {a_tpb} against {b_tpb}")
    channels = sorted(set(a) | set(b))
    counts = []
    for channel in channels:
        x, y = a.get(channel, []), b.get(channel, [])
        counts.append(f"channel {channel}: {len(x):,}" + ("" if len(x) == len(y) else f" against {len(y):,}"))
        if len(x) != len(y):
            failures.append(f"channel {channel}: {names[0]} has {len(x):,} note-ons, {names[1]} {len(y):,}")
        px = collections.Counter((n[1], n[2]) for n in x)
        py = collections.Counter((n[1], n[2]) for n in y)
        if px != py:
            diff = sorted(set(px) ^ set(py) | {k for k in px if px[k] != py.get(k)})[:4]
            failures.append(f"channel {channel}: pitches and velocities differ, e.g. (pitch, velocity) "
                            + ", ".join(f"{k}: {px.get(k, 0)} against {py.get(k, 0)}" for k in diff))
    total = sum(len(v) for v in a.values())
    print(f"note-ons per channel (seq, abc2midi): {'; '.join(counts)}; {total:,} in all")
    if failures:
        for failure in failures:
            print(f"compare-notes.py: NOT THE SAME MUSIC: {failure}", file=sys.stderr)
        return 1
    print("pitches and velocities: the same on every channel")

    # Timing, reported only: the onsets after the smallest shift that lines them up, and the lengths.
    shifts = collections.Counter()
    length_deltas = collections.Counter()
    for channel in channels:
        x = sorted((n[0], n[1], n[2], n[3]) for n in a[channel])
        y = sorted((n[0], n[1], n[2], n[3]) for n in b[channel])
        for p, q in zip(x, y):
            shifts[q[0] - p[0]] += 1
            if p[3] is not None and q[3] is not None:
                length_deltas[q[3] - p[3]] += 1
    def describe(counter, what):
        return ", ".join(f"{n:,} notes {what} {d:+d} tick{'s' if abs(d) != 1 else ''}" for d, n in counter.most_common(3))
    print(f"onsets (abc2midi against seq): {describe(shifts, 'at')}; lengths: {describe(length_deltas, 'by')}")
    return 0


if __name__ == '__main__':
    sys.exit(main())
