#!/usr/bin/env python3
"""An independent implementation of the form's choice procedure as docs/form.md states it, written from the
document rather than the C#: the golden lists in tests/SeqLang.Compiler.Tests/Form/FormChoiceTests.cs come
from here, so a change in either the code or the document shows up as a failing test.

Run: python3 tests/tools/form_choice_reference.py
"""
from fractions import Fraction
from functools import reduce
from math import gcd, lcm

MASK = (1 << 64) - 1


def mix(z):
    """SplitMix64's finaliser."""
    z = (z + 0x9E3779B97F4A7C15) & MASK
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK
    return z ^ (z >> 31)


def stream_for(seed, name):
    """FNV-1a over the UTF-8 name, mixed with the seed."""
    h = 0xCBF29CE484222325
    for b in name.encode("utf-8"):
        h = ((h ^ b) * 0x100000001B3) & MASK
    return mix(h ^ mix(seed & MASK))


def unit_k(stream, salt, numerator, denominator):
    """SeededRandom.At(stream, salt, numerator/denominator) times 2^53: a whole number below 2^53."""
    h = mix(stream ^ 0x9E3779B97F4A7C15)
    h = mix(h ^ salt)
    h = mix(h ^ (numerator & MASK))
    h = mix(h ^ ((denominator * 0xD6E8FEB86659FD93) & MASK))
    return h >> 11


def choose(targets, k):
    """Whole weights over a common denominator, divided by their gcd; r = floor(k W / 2^53); first cumulative > r."""
    weights = [Fraction(w) for _, w in targets]
    common = reduce(lcm, [w.denominator for w in weights])
    whole = [w.numerator * (common // w.denominator) for w in weights]
    g = reduce(gcd, whole)
    whole = [w // g for w in whole]
    r = (k * sum(whole)) >> 53
    cumulative = 0
    for (name, _), w in zip(targets, whole):
        cumulative += w
        if cumulative > r:
            return name
    raise AssertionError("r is below the total weight")


def walk(sections, seed, max_entries):
    """sections: [(name, bars, next)], next None (repeat itself), 'end', or [(target, weight)]. Returns (name, start, bars) entries."""
    by_name = {s[0]: s for s in sections}
    stream = stream_for(seed, "form")
    entries, section, start = [], sections[0], 0
    for ordinal in range(max_entries):
        name, bars, after = section
        entries.append((name, start, bars))
        start += bars
        if after == "end":
            break
        if after is None:
            continue
        target = after[0][0] if len(after) == 1 else choose(after, unit_k(stream, 0, ordinal, 1))
        section = by_name[target]
    return entries


SONG = [
    ("intro", 2, [("verse", 1)]),
    ("verse", 4, [("verse", 2), ("chorus", 1)]),
    ("chorus", 3, [("verse", 3), ("bridge", "0.5"), ("outro", "0.5")]),
    ("bridge", 2, [("chorus", 1)]),
    ("outro", 2, "end"),
]

if __name__ == "__main__":
    for seed in (42, 7):
        entries = walk(SONG, seed, 1000)
        print(f"seed {seed}: ends at bar {entries[-1][1] + entries[-1][2]}, {len(entries)} entries")
        for ordinal, entry in enumerate(entries):
            print(f"  {ordinal:3} {entry}")
