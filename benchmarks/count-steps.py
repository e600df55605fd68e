#!/usr/bin/env python3
"""count-steps.py FILE.mid BARS: is a stepped cc sweep sent once per changed value, and only then?

Used by signals.sh on `seq render sweep.seq --bars BARS`, where sweep.seq's one lane is
`cc 74 saw 0..127 over 64 bars step 1/64` (SPEC §13: a value read every step, sent only when its rounded
value differs from the last one sent). Reads the file with mido (not SeqLang's own reader) and computes,
independently and in exact fractions, what the lane must send: at step k (tick 30·k at 480 ticks a beat,
4/4), x = (k/64 bars ÷ 64 bars) mod 1, value = floor(127·x + 1/2), a message wherever that differs from
the step before (and at step 0). Prints the counts and exits 1 unless the file's CC 74 messages are exactly
those (same ticks, same values, in order), i.e. one message per changed value and none for a held one.
"""
import sys
from fractions import Fraction

try:
    import mido
except ImportError:
    sys.exit("count-steps.py: needs mido (apt-get install -y python3-mido)")

STEPS_PER_BAR = 64
PERIOD_BARS = 64
RANGE = 127


def expected(bars, ticks_per_step):
    """(tick, value) of every change of the rounded saw, from step 0 up to (not including) bar BARS."""
    changes = []
    previous = None
    period_steps = STEPS_PER_BAR * PERIOD_BARS
    for k in range(bars * STEPS_PER_BAR):
        x = Fraction(k % period_steps, period_steps)
        value = (RANGE * x + Fraction(1, 2)).__floor__()
        if value != previous:
            changes.append((k * ticks_per_step, value))
        previous = value
    return changes


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: count-steps.py FILE.mid BARS")
    path, bars = sys.argv[1], int(sys.argv[2])
    midi = mido.MidiFile(path)
    bar_ticks = midi.ticks_per_beat * 4
    if bar_ticks % STEPS_PER_BAR:
        sys.exit("count-steps.py: %d ticks a bar is not a whole number of ticks a step" % bar_ticks)
    ticks_per_step = bar_ticks // STEPS_PER_BAR
    sent = []
    others = 0
    for track in midi.tracks:
        tick = 0
        for message in track:
            tick += message.time
            if message.type == "control_change" and message.control == 74:
                sent.append((tick, message.value))
            elif not message.is_meta:
                others += 1
    want = expected(bars, ticks_per_step)
    repeats = sum(1 for a, b in zip(sent, sent[1:]) if a[1] == b[1])
    distinct_values = len({v for _, v in sent})
    full_periods = bars // PERIOD_BARS
    print("steps read: %d (%d bars x %d); CC 74 messages in the file (mido): %d; other channel messages: %d"
          % (bars * STEPS_PER_BAR, bars, STEPS_PER_BAR, len(sent), others))
    print("value changes computed independently (exact fractions): %d = %d full 64-bar periods x 128 + %d in the last %d bars"
          % (len(want), full_periods, len(want) - full_periods * 128, bars - full_periods * PERIOD_BARS))
    print("messages repeating the value before: %d; distinct values sent: %d; messages per changed value: %.3f"
          % (repeats, distinct_values, len(sent) / len(want) if want else 0))
    if full_periods and sum(1 for t, _ in sent if t < PERIOD_BARS * bar_ticks) != 128:
        print("count-steps.py: the first 64-bar period does not hold 128 messages", file=sys.stderr)
        return 1
    if sent != want:
        first = next((i for i, (a, b) in enumerate(zip(sent, want)) if a != b), min(len(sent), len(want)))
        print("count-steps.py: the file's CC 74 messages differ from the changes; first difference at message %d: file %s, expected %s"
              % (first, sent[first] if first < len(sent) else None, want[first] if first < len(want) else None), file=sys.stderr)
        return 1
    if others:
        print("count-steps.py: the file has %d channel messages besides CC 74" % others, file=sys.stderr)
        return 1
    print("ok: one message per changed value, at the step where it changes, none for a held value")
    return 0


if __name__ == "__main__":
    sys.exit(main())
