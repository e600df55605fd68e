#!/usr/bin/env python3
"""An independent implementation of `harmony STYLE [every N bars] [gravity G]` as docs/harmony.md states it,
written from the document rather than the C#. The style graphs and chord qualities are read from the page's own
tables (which HarmonyDocsTests keeps equal to the code), the key spelling and the seeded walk are the page's
prose ("Spelling", "Choosing the next chord"), and the random numbers are those of form_choice_reference.py.
tests/SeqLang.Cli.Tests/HarmonyGoldenTests.cs compares what `seq events` prints with this, so a change in the
code, or in the page, shows up as a failing test.

Reads cases from stdin, one a line:  STYLE TONIC MODE SEED GRAVITY EVERY BARS   (e.g. `turnaround Bb major 7 0 1 32`)
and prints, for each, the chord names of bars 0..BARS-1 separated by spaces, one line per case.

    /usr/bin/python3 tests/tools/harmony_reference.py < cases.txt
"""
import os
import re
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from form_choice_reference import stream_for, unit_k  # noqa: E402  (the same SplitMix64 dice)

PAGE = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "docs", "harmony.md")

# Scales as music theory has them (SPEC §2 names), semitones above the tonic.
MODES = {
    "major": [0, 2, 4, 5, 7, 9, 11], "ionian": [0, 2, 4, 5, 7, 9, 11],
    "minor": [0, 2, 3, 5, 7, 8, 10], "aeolian": [0, 2, 3, 5, 7, 8, 10],
    "dorian": [0, 2, 3, 5, 7, 9, 10], "phrygian": [0, 1, 3, 5, 7, 8, 10],
    "lydian": [0, 2, 4, 6, 7, 9, 11], "mixolydian": [0, 2, 4, 5, 7, 9, 10],
    "locrian": [0, 1, 3, 5, 6, 8, 10], "whole_tone": [0, 2, 4, 6, 8, 10],
    "harmonic_minor": [0, 2, 3, 5, 7, 8, 11], "melodic_minor": [0, 2, 3, 5, 7, 9, 11],
}
LETTERS = {"C": 0, "D": 2, "E": 4, "F": 5, "G": 7, "A": 9, "B": 11}
SHARPS = "C C# D D# E F F# G G# A A# B".split()
FLATS = "C Db D Eb E F Gb G Ab A Bb B".split()
PULL = {"tonic": 1.0, "dominant": 0.5, "subdominant": 0.25, "colour": 0.0}
STRENGTH, D1, D2 = 3.0, 0.25, 0.5


def pitch_class(name):
    pc = LETTERS[name[0].upper()]
    for accidental in name[1:]:
        pc += 1 if accidental == "#" else -1
    return pc % 12


def read_page():
    """The quality table ({quality: intervals}) and the style tables ({style: (mode or None, [rows])})."""
    text = open(PAGE, encoding="utf-8").read()
    qualities = {}
    symbols = text[text.index("## Chord symbols"):text.index("## Spelling")]
    for quality, intervals in re.findall(r"^\| (\w+) \| [^|]+ \| ([\d ]+) \|$", symbols, re.M):
        qualities[quality] = [int(i) for i in intervals.split()]
    styles = {}
    for match in re.finditer(r"^### `(\w+)` \((?:mode: (\w+)|no mode)\)\n(.*?)(?=^#)", text, re.M | re.S):
        rows = []
        for line in match.group(3).splitlines():
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            if len(cells) != 4 or cells[0] in ("chord", "---"):
                continue
            numeral, in_c, function, moves = cells
            root = re.match(r"[A-G][#b]?", in_c).group(0)
            quality = in_c[len(root):] or "maj"
            assert quality in qualities, (in_c, quality)
            edges = [(m.rsplit(" ", 1)[0], int(m.rsplit(" ", 1)[1])) for m in moves.split(", ")]
            rows.append({"numeral": numeral, "offset": pitch_class(root), "quality": quality, "function": function, "moves": edges})
        styles[match.group(1)] = (match.group(2), rows)
    styles["diatonic_major"] = styles["functional_major"]
    return qualities, styles


def spelling(tonic_text, tonic, steps):
    """'Spelling' in docs/harmony.md: the written accidental, else the relative major's side of the circle of fifths."""
    if "#" in tonic_text[1:]:
        return SHARPS
    if "b" in tonic_text[1:]:
        return FLATS
    relative = None
    if len(steps) == 7:
        for r in range(12):
            if {(r + s) % 12 for s in MODES["major"]} == {(tonic + s) % 12 for s in steps}:
                relative = r
    if relative is None:
        relative = (tonic + 3) % 12 if 3 in steps and 4 not in steps else tonic
    if relative == 6:
        # Gb/F# as a relative major (B lydian, F locrian) follows the tonic itself.
        relative = tonic
    return FLATS if relative in (5, 10, 3, 8, 1) else SHARPS


def progression(style_name, tonic_text, key_mode, seed, gravity, every, bars):
    qualities, styles = read_page()
    mode, rows = styles[style_name]
    tonic = pitch_class(tonic_text)
    spelled_by = MODES[mode] if mode is not None and len(MODES[mode]) == 7 else MODES[key_mode]
    names = spelling(tonic_text, tonic, spelled_by)
    index = {row["numeral"]: i for i, row in enumerate(rows)}

    def name(i):
        row = rows[i]
        chosen = names
        if mode is None or len(MODES[mode]) != 7:
            # Chromatic, whole-tone and diminished styles name a flat or sharp numeral by its accidental.
            if row["numeral"].startswith("b"):
                chosen = FLATS
            elif row["numeral"].startswith("#"):
                chosen = SHARPS
        return chosen[(tonic + row["offset"]) % 12] + ("" if row["quality"] == "maj" else row["quality"])

    stream = stream_for(seed, "harmony")
    steps = [0]
    last_step = (bars - 1) // every
    for i in range(1, last_step + 1):
        current = steps[i - 1]
        # Step 1 has no step i-2: the page's "steps before 0 have the tonic chord" is about queries, not damping.
        previous = steps[i - 2] if i >= 2 else None
        weights = []
        for numeral, w in rows[current]["moves"]:
            target = rows[index[numeral]]
            weight = w * (1 + STRENGTH * gravity * PULL[target["function"]])
            if target["offset"] == rows[current]["offset"]:
                weight *= D1
            if previous is not None and target["offset"] == rows[previous]["offset"]:
                weight *= D2
            weights.append(weight)
        total = 0.0
        for weight in weights:
            total += weight
        u = unit_k(stream, 0, i, 1) / float(1 << 53)
        chosen, running = len(weights) - 1, 0.0
        for k, weight in enumerate(weights):
            running += weight
            if running > u * total:
                chosen = k
                break
        steps.append(index[rows[current]["moves"][chosen][0]])
    return [name(steps[bar // every]) for bar in range(bars)]


def main():
    for line in sys.stdin:
        if not line.strip():
            continue
        style, tonic, mode, seed, gravity, every, bars = line.split()
        print(" ".join(progression(style, tonic, mode, int(seed), float(Fraction(gravity)), int(every), int(bars))))


if __name__ == "__main__":
    main()
