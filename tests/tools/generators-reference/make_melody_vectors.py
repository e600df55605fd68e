#!/usr/bin/env python3
"""Writes tests/SeqLang.Compiler.Tests/Vectors/melody.json: test vectors for SPEC §15's `melody`, computed by
melody.py (written from SPEC §15's paragraph alone). Each case gives a key, a range, nir and chord, 64 draws (32-bit
whole numbers, from Python's own seeded Mersenne Twister: fixed numbers, not the engine's dice), the chord in force at
each onset (pitch classes, or null), and the pitches the draws must give, one after another.

Run: python3 make_melody_vectors.py            (writes the file)
     python3 make_melody_vectors.py --stdout   (prints it instead)
"""
import json
import os
import random
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import melody as m  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "SeqLang.Compiler.Tests", "Vectors", "melody.json"))
ONSETS = 64

# Chord progressions as pitch classes, one chord for every 8 onsets (cycled).
PROGRESSIONS = {
    "none": None,
    "c-am-f-g": [[0, 4, 7], [9, 0, 4], [5, 9, 0], [7, 11, 2]],
    "am7-d7": [[9, 0, 4, 7], [2, 6, 9, 0]],
    "c-over-e": [[4, 0, 7]],
}

# (id, tonic, mode, low, high, nir, chord, progression)
CASES = [
    ("c-major-defaults", 0, "major", 48, 72, "0.5", "0.3", "c-am-f-g"),
    ("c-major-no-harmony", 0, "major", 48, 72, "0.5", "0.3", "none"),
    ("c-major-nir-0", 0, "major", 48, 72, "0", "0.3", "c-am-f-g"),
    ("c-major-nir-2", 0, "major", 48, 72, "2", "0.3", "c-am-f-g"),
    ("c-major-nir-10-chord-10", 0, "major", 48, 72, "10", "10", "c-am-f-g"),
    ("c-major-chord-0", 0, "major", 48, 72, "0.5", "0", "c-am-f-g"),
    ("c-major-chord-1", 0, "major", 48, 72, "0.5", "1", "c-am-f-g"),
    ("c-major-thousandths", 0, "major", 48, 72, "0.125", "0.333", "c-am-f-g"),
    ("a-minor-c4-c5", 9, "minor", 60, 72, "0.5", "0.3", "am7-d7"),
    ("f-sharp-dorian-wide", 6, "dorian", 36, 84, "1", "0.5", "am7-d7"),
    ("e-flat-lydian-narrow", 3, "lydian", 62, 66, "0.5", "0.3", "c-over-e"),
    ("d-phrygian-odd-range", 2, "phrygian", 41, 64, "0.7", "0.2", "c-am-f-g"),
    ("g-mixolydian-one-note", 7, "mixolydian", 55, 55, "0.5", "0.3", "c-am-f-g"),
    ("c-major-two-notes", 0, "major", 59, 60, "0.5", "0.3", "none"),
    ("c-major-full-midi", 0, "major", 0, 127, "0.5", "0.3", "c-am-f-g"),
]


def case(index, cid, tonic, mode, low, high, nir, chord, progression):
    rule = m.Rule(low, high, tonic, m.MODES[mode], Fraction(nir), Fraction(chord))
    rng = random.Random(1000 + index)
    draws = [rng.getrandbits(32) for _ in range(ONSETS)]
    chords_of = PROGRESSIONS[progression]
    chords = None if chords_of is None else [chords_of[(k // 8) % len(chords_of)] for k in range(ONSETS)]
    pitches = m.run(rule, draws, chords)
    return {
        "id": cid,
        "params": {"tonic": tonic, "mode": mode, "steps": m.MODES[mode], "low": low, "high": high,
                   "nir": nir, "chord": chord, "progression": progression},
        "candidates": rule.candidates,
        "draws": draws,
        "chords": chords,
        "pitches": pitches,
    }


def build():
    cases = [case(i, *c) for i, c in enumerate(CASES)]
    assert len({c["id"] for c in cases}) == len(cases)
    return {
        "source": "tests/tools/generators-reference/make_melody_vectors.py (from SPEC §15 alone; regenerate, never edit)",
        "draw": "each draw is a 32-bit whole number: the seeded value in [0, 1) times 2^32",
        "cases": cases,
    }


def render():
    data = build()
    lines = ["{"]
    lines.append(f'  "source": {json.dumps(data["source"])},')
    lines.append(f'  "draw": {json.dumps(data["draw"])},')
    lines.append('  "cases": [')
    for k, c in enumerate(data["cases"]):
        fields = [f'      "{key}": {json.dumps(value, separators=(", ", ": "))}' for key, value in c.items()]
        lines.append("    {\n" + ",\n".join(fields) + "\n    }" + ("," if k < len(data["cases"]) - 1 else ""))
    lines.append("  ]")
    lines.append("}")
    return "\n".join(lines) + "\n"


def main():
    text = render()
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT)}: {len(CASES)} cases of {ONSETS} onsets")


if __name__ == "__main__":
    main()
