#!/usr/bin/env python3
"""SPEC §15's `melody` (Narmour's implication-realization model), written from the spec's paragraph alone, with the
readings of docs/generators.md where the text leaves a choice. Exact arithmetic (fractions.Fraction), no floating
point anywhere.

The engine's dice are not reimplemented: a step takes its draw as an argument, a whole number 0 <= draw < 2**32 (the
engine's seeded random value in [0, 1) as 32 fractional bits). The vectors give a list of draws and the pitches they
must give, so the weights and the choice are checked without a second copy of the engine's hash.

    scale_candidates(low, high, tonic, steps)          the key's pitches within low..high, rising
    weight(candidate, recent, rule, chord)             a candidate's weight, a Fraction
    choose(recent, rule, chord, draw)                  the pitch a draw lands on
    run(rule, draws, chords)                           one pitch per draw, the history carried on
"""
from fractions import Fraction

MEMORY = 4  # "the last 4 pitches"
DRAW_ONE = 1 << 32
DEFAULT_RANGE = (48, 72)  # c3..c5
DEFAULT_NIR = Fraction(1, 2)
DEFAULT_CHORD = Fraction(3, 10)

# Keys: semitone steps of a mode above its tonic.
MODES = {
    "major": [0, 2, 4, 5, 7, 9, 11],
    "minor": [0, 2, 3, 5, 7, 8, 10],
    "dorian": [0, 2, 3, 5, 7, 9, 10],
    "phrygian": [0, 1, 3, 5, 7, 8, 10],
    "lydian": [0, 2, 4, 6, 7, 9, 11],
    "mixolydian": [0, 2, 4, 5, 7, 9, 10],
}


def sign(x):
    return (x > 0) - (x < 0)


def scale_candidates(low, high, tonic, steps):
    """Every pitch of the key's scale within low..high (MIDI notes, both ends included), rising."""
    return [p for p in range(low, high + 1) if (p - tonic) % 12 in steps]


class Rule:
    def __init__(self, low=DEFAULT_RANGE[0], high=DEFAULT_RANGE[1], tonic=0, steps=MODES["major"],
                 nir=DEFAULT_NIR, chord=DEFAULT_CHORD):
        if low > high:
            raise ValueError("an empty range")
        self.low, self.high, self.tonic = low, high, tonic
        self.nir, self.chord = Fraction(nir), Fraction(chord)
        self.candidates = scale_candidates(low, high, tonic, steps)
        if not self.candidates:
            raise ValueError("no scale tone in the range")


def nir_bonus(candidate, recent, rule):
    """The implication-realization terms of SPEC §15, summed (before `1 + nir ×`).

    i = candidate − last pitch, j = last − the one before. After a leap (|j| > 4): reversal (i's direction against
    j's; a repeat has no direction) +1/2, and an answer smaller than 4 semitones (|i| < 4) +3/10. After a step
    (|j| is 1 or 2): continuation (i in j's direction) +2/5, and a similar size (| |i| − |j| | <= 1) +1/5. The tonic
    (its pitch class) +1/5, and within 3 semitones (0 < |i| <= 3) +3/10. The first note answers nothing: 0."""
    if not recent:
        return Fraction(0)
    last = recent[-1]
    i = candidate - last
    bonus = Fraction(0)
    if (candidate - rule.tonic) % 12 == 0:
        bonus += Fraction(1, 5)
    if 0 < abs(i) <= 3:
        bonus += Fraction(3, 10)
    if len(recent) >= 2:
        j = last - recent[-2]
        if abs(j) > 4:
            if i != 0 and sign(i) != sign(j):
                bonus += Fraction(1, 2)
            if abs(i) < 4:
                bonus += Fraction(3, 10)
        elif abs(j) in (1, 2):
            if sign(i) == sign(j):
                bonus += Fraction(2, 5)
            if abs(abs(i) - abs(j)) <= 1:
                bonus += Fraction(1, 5)
    return bonus


def weight(candidate, recent, rule, chord=None):
    """(1 + nir × bonus) × (1 + chord for a chord tone) × (1 − 3/10·d²) × (1/2)^repeats, where d = |c − middle| / half
    the range's width (0 for a range of one note) and repeats counts the candidate among the last 4 pitches."""
    w = 1 + rule.nir * nir_bonus(candidate, recent, rule)
    if chord is not None and candidate % 12 in chord:
        w *= 1 + rule.chord
    if rule.high > rule.low:
        d = Fraction(abs(2 * candidate - rule.low - rule.high), rule.high - rule.low)
        w *= 1 - Fraction(3, 10) * d * d
    repeats = sum(1 for p in recent[-MEMORY:] if p == candidate)
    return w * Fraction(1, 2) ** repeats


def choose(recent, rule, chord, draw):
    """The candidate whose share of [0, 1) holds draw / 2**32: candidates rising, shares proportional to weights,
    the first whose running sum exceeds draw/2**32 × total."""
    if not 0 <= draw < DRAW_ONE:
        raise ValueError("a draw is 32 bits")
    weights = [weight(c, recent, rule, chord) for c in rule.candidates]
    point = Fraction(draw, DRAW_ONE) * sum(weights)
    running = Fraction(0)
    for c, w in zip(rule.candidates, weights):
        running += w
        if point < running:
            return c
    return rule.candidates[-1]


def run(rule, draws, chords=None):
    """One pitch per draw; `chords` (optional) gives each onset's chord pitch classes (None: no chord in force)."""
    recent, out = [], []
    for k, draw in enumerate(draws):
        chord = chords[k] if chords is not None else None
        pitch = choose(recent, rule, chord, draw)
        out.append(pitch)
        recent = (recent + [pitch])[-MEMORY:]
    return out


def statistics(pitches):
    """Intervals between successive pitches: steps (1-2 semitones), leaps (> 4), and after each leap whether the
    next interval turns back (a repeat does not)."""
    intervals = [b - a for a, b in zip(pitches, pitches[1:])]
    steps = sum(1 for i in intervals if abs(i) in (1, 2))
    leaps = sum(1 for i in intervals if abs(i) > 4)
    after = [(j, i) for j, i in zip(intervals, intervals[1:]) if abs(j) > 4]
    reversed_ = sum(1 for j, i in after if i != 0 and sign(i) != sign(j))
    return {"intervals": len(intervals), "steps": steps, "leaps": leaps,
            "after_leap": len(after), "reversed_after_leap": reversed_}
