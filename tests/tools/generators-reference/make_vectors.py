#!/usr/bin/env python3
"""Writes tests/SeqLang.Compiler.Tests/Vectors/generators.json: test vectors for SPEC §15's deterministic
generators (bresenham, weights, cellular, life, lsystem, and turing's dice-free drifts), computed by generators.py (written from SPEC §15
alone). Each case has an `id`, its `params`, the expected output, and `seq`: a suggested SeqLang lane line
(plus, for lsystem, the top-level `decl` it needs) for the C# side to render in a kit track, e.g.

    track drums channel 10 {
      kick bresenham 5 16
    }

Run: python3 make_vectors.py            (writes the file)
     python3 make_vectors.py --stdout   (prints it instead)
"""
import json
import os
import sys
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generators as g  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.normpath(os.path.join(HERE, "..", "..", "SeqLang.Compiler.Tests", "Vectors", "generators.json"))

# (k, n): every k of 0..n for these n, which holds 3/8, 5/16, 7/12, 13/16, 1/1 and 0/4 among others.
BRESENHAM_NS = [1, 2, 3, 4, 5, 7, 8, 12, 16]

# Drum sets for `weights`, weights as SeqLang writes numbers (decimals, exact as Fractions).
WEIGHT_SETS = [
    ("above-1", [("bd", "1"), ("sd", "0.5"), ("hh", "0.25")]),
    ("above-1-large", [("bd", "2"), ("sd", "1")]),
    ("above-1-three-way-ties", [("hh", "0.5"), ("oh", "0.5"), ("cp", "0.5")]),
    ("exactly-1", [("bd", "0.5"), ("sd", "0.25"), ("hh", "0.25")]),
    ("exactly-1-ties", [("bd", "0.5"), ("sd", "0.5")]),
    ("exactly-1-tenths", [("bd", "0.3"), ("sd", "0.3"), ("hh", "0.4")]),
    # Exact ties that floating point breaks the other way (0.7 + 0.2 + 0.1 is 0.9999999999999999 in doubles,
    # and 0.7 − 1 + 0.7 = 0.4 ties sd's 0.2 + 0.2): a double-based engine fails these.
    ("exactly-1-float-trap", [("bd", "0.7"), ("sd", "0.2"), ("hh", "0.1")]),
    ("exactly-1-fifths-ties", [("bd", "0.2"), ("sd", "0.2"), ("hh", "0.2"), ("oh", "0.2"), ("cp", "0.2")]),
    ("single-1", [("bd", "1")]),
    ("below-1", [("bd", "0.25"), ("sd", "0.125")]),
    ("below-1-tie-with-silent", [("bd", "0.5")]),
    ("below-1-tenths", [("hh", "0.3"), ("sd", "0.2")]),
    ("below-1-ties", [("bd", "0.25"), ("sd", "0.25")]),
    ("below-1-float-trap", [("bd", "0.7"), ("sd", "0.1")]),
]
WEIGHT_STEPS = [16, 12]

CELLULAR_RULES = [30, 90, 110, 184]
CELLULAR_WIDTHS = [16, 32]
CELLULAR_GENERATIONS = 64
GOLDEN = 0x9E3779B97F4A7C15


def fixed_rows(width):
    """Three first rows besides the default: the two edge cells (the wrap matters at once), an asymmetric
    cluster at the left edge, and the low W bits of 0x9E3779B97F4A7C15 (bit i = cell i) for an irregular row."""
    return [
        ("edges", [i in (0, width - 1) for i in range(width)]),
        ("left-cluster", [i in (0, 1, 3) for i in range(width)]),
        ("golden-bits", [bool((GOLDEN >> i) & 1) for i in range(width)]),
    ]


# L-systems over kit atoms (drum names, so the lane plays them in a kit track).
LSYSTEMS = [
    ("fibonacci", "fib", ["bd"], {"bd": ["bd", "sd"], "sd": ["bd"]}),
    ("cantor", "cantor", ["bd"], {"bd": ["bd", "~", "bd"], "~": ["~", "~", "~"]}),
    ("thue-morse-hh-unruled", "thue", ["bd", "hh"], {"bd": ["bd", "sd"], "sd": ["sd", "bd"]}),
]
LSYSTEM_GENERATIONS = 6
LSYSTEM_BARS = 4


# life: rules, and first grids of one row per drum (GM kit names, so a kit track plays them).
LIFE_RULES = ["B3/S23", "B36/S23", "B2/S", "B3678/S34678", "B1357/S1357"]
LIFE_DRUMS = ["bd", "sd", "hh", "oh", "cp", "rim", "lt", "mt"]
LIFE_GENERATIONS = 64
# 128 fixed bits for irregular grids: cell i (counted row by row) is bit i.
GOLDEN_128 = (GOLDEN << 64) | 0xBF58476D1CE4E5B9


def life_grids():
    """First grids: a glider on an 8 by 8 torus (back where it started after 32 generations under B3/S23), an
    R-pentomino in a 5 by 16 grid, irregular grids of 3 by 16 and 4 by 32 cells, and 2 rows and 1 row (where the
    wrap makes a neighbour count twice)."""
    def cells(rows, width, alive):
        return [[alive(r, c) for c in range(width)] for r in range(rows)]
    return [
        ("glider-8x8", cells(8, 8, lambda r, c: (r, c) in {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)})),
        ("r-pentomino-5x16", cells(5, 16, lambda r, c: (r, c) in {(1, 8), (1, 9), (2, 7), (2, 8), (3, 8)})),
        ("golden-3x16", cells(3, 16, lambda r, c: bool(GOLDEN_128 >> (r * 16 + c) & 1))),
        ("golden-4x32", cells(4, 32, lambda r, c: bool(GOLDEN_128 >> (r * 32 + c) & 1))),
        ("golden-2x8", cells(2, 8, lambda r, c: bool(GOLDEN_128 >> (r * 8 + c + 40) & 1))),
        ("golden-1x16", cells(1, 16, lambda r, c: bool(GOLDEN_128 >> (c + 7) & 1))),
    ]


# turing: (loop, drift, steps a bar), each over 4 bars; only the drifts that need no dice.
TURING_CASES = [
    ("60 70 80 90 100", "0", 8),
    ("1 127", "0", 3),
    ("100 64.5 20", "0", 4),
    ("40 40 90", "1", 4),
    ("100 50 50 50 100", "1", 8),
    ("30 90 30 90 30 90 30", "1", 16),
    ("77 77 77", "1", 4),
    ("77", "0.5", 4),
]
TURING_N_CASES = [
    ("bd sd hh sd", "0", 8),
    ("bd hh hh", "1", 4),
]
TURING_BARS = 4


def fraction_text(f):
    return str(f.numerator) if f.denominator == 1 else f"{f.numerator}/{f.denominator}"


def mini(atoms):
    return " ".join(g.REST if a is None else a for a in atoms)


def bresenham_cases():
    for n in BRESENHAM_NS:
        for k in range(n + 1):
            hits = g.bresenham(k, n)
            yield {
                "id": f"bresenham-{k}-{n}", "kind": "bresenham", "params": {"k": k, "n": n},
                "seq": f"kick bresenham {k} {n}",
                "hits": hits, "steps": [i for i, h in enumerate(hits) if h],
                "mini": " ".join("x" if h else g.REST for h in hits),
            }


def weights_cases():
    for name, drums in WEIGHT_SETS:
        exact = [(d, Fraction(w)) for d, w in drums]
        total = sum((w for _, w in exact), Fraction(0))
        body = "  ".join(f"{d} {w}" for d, w in drums)
        for steps in WEIGHT_STEPS:
            out = g.weights(exact, steps)
            yield {
                "id": f"weights-{name}-{steps}", "kind": "weights",
                "params": {"drums": [[d, fraction_text(w)] for d, w in exact], "steps": steps,
                           "sum": fraction_text(total),
                           "silent": fraction_text(1 - total) if total < 1 else None},
                "seq": f"hits weights {{ {body} }} steps {steps}",
                "steps": out, "mini": mini(out),
            }
    # The default of 16 steps, written without `steps`.
    drums = WEIGHT_SETS[0][1]
    out = g.weights([(d, Fraction(w)) for d, w in drums])
    body = "  ".join(f"{d} {w}" for d, w in drums)
    yield {
        "id": "weights-default-steps", "kind": "weights",
        "params": {"drums": [[d, fraction_text(Fraction(w))] for d, w in drums], "steps": 16, "sum": "7/4", "silent": None},
        "seq": f"hits weights {{ {body} }}", "steps": out, "mini": mini(out),
    }


def cellular_cases():
    for rule in CELLULAR_RULES:
        for width in CELLULAR_WIDTHS:
            starts = [("default", None)] + fixed_rows(width)
            for start, row in starts:
                rows = g.cellular(rule, width, row, CELLULAR_GENERATIONS)
                first = rows[0]
                if row is None:
                    seq = f"hh cellular {rule} width {width}"
                else:
                    seq = f'hh cellular {rule} width {width} from "{g.format_row(first)}"'
                yield {
                    "id": f"cellular-{rule}-w{width}-{start}", "kind": "cellular",
                    "params": {"rule": rule, "width": width, "from": None if row is None else g.format_row(first),
                               "from_cells": None if row is None else first, "generations": CELLULAR_GENERATIONS},
                    "seq": seq,
                    "rows_mini": [g.format_row(r) for r in rows],
                    "rows": rows,
                    "live": [sum(r) for r in rows],
                }
    # Defaults: width 16, one live cell at 8, written without `width`.
    rows = g.cellular(30, 16, None, CELLULAR_GENERATIONS)
    yield {
        "id": "cellular-30-default-width", "kind": "cellular",
        "params": {"rule": 30, "width": 16, "from": None, "from_cells": None, "generations": CELLULAR_GENERATIONS},
        "seq": "hh cellular 30", "rows_mini": [g.format_row(r) for r in rows], "rows": rows,
        "live": [sum(r) for r in rows],
    }


def grid_text(grid):
    """A grid as one line: its rows as `x`/`~` cells, rows separated by ` | `."""
    return " | ".join(g.format_row(row) for row in grid)


def life_cases():
    for rule in LIFE_RULES:
        for label, first in life_grids():
            rows, width = len(first), len(first[0])
            drums = LIFE_DRUMS[:rows]
            grids = g.life(rule, first, LIFE_GENERATIONS)
            starts = " ".join(f'"{g.format_row(row)}"' for row in first)
            yield {
                "id": f"life-{rule.replace('/', '-')}-{label}", "kind": "life",
                "params": {"rule": rule, "width": width, "rows": drums, "generations": LIFE_GENERATIONS},
                "seq": f"beat life {rule} width {width} rows {' '.join(drums)} from {starts}",
                "grids": [grid_text(grid) for grid in grids],
                "live": [sum(map(sum, grid)) for grid in grids],
            }
    # The rule in lower case, survival first, and the width left to its default of 16.
    first = dict(life_grids())["golden-3x16"]
    grids = g.life("B3/S23", first, LIFE_GENERATIONS)
    yield {
        "id": "life-lower-case-default-width", "kind": "life",
        "params": {"rule": "s23/b3", "width": 16, "rows": LIFE_DRUMS[:3], "generations": LIFE_GENERATIONS},
        "seq": "beat life s23/b3 rows bd sd hh from " + " ".join(f'"{g.format_row(row)}"' for row in first),
        "grids": [grid_text(grid) for grid in grids],
        "live": [sum(map(sum, grid)) for grid in grids],
    }


def turing_cases():
    for target, cases in (("vel", TURING_CASES), ("n", TURING_N_CASES)):
        for loop, drift, steps in cases:
            words = loop.split()
            values = words if target == "n" else [Fraction(w) for w in words]
            out = g.turing(values, Fraction(drift), steps * TURING_BARS)
            if target == "vel":
                # Velocities as MIDI gives them: a half rounds up.
                out = [int((v + Fraction(1, 2)) // 1) for v in out]
            yield {
                "id": f"turing-{target}-{'-'.join(words)}-drift-{drift}-x{steps}", "kind": "turing",
                "params": {"loop": loop, "drift": drift, "steps": steps, "target": target, "bars": TURING_BARS},
                "seq": f'bd "x*{steps}" {target} turing "{loop}" drift {drift}',
                "values": [out[b * steps:(b + 1) * steps] for b in range(TURING_BARS)],
            }


def lsystem_decl(name, axiom, rules):
    parts = [f'axiom "{" ".join(axiom)}"']
    for atom, out in rules.items():
        lhs = f'"{atom}"' if atom == g.REST else atom
        parts.append(f'{lhs} -> "{" ".join(out)}"')
    return f"lsystem {name} {{ " + "  ".join(parts) + " }"


def lsystem_cases():
    for label, name, axiom, rules in LSYSTEMS:
        words = g.lsystem(axiom, rules, LSYSTEM_GENERATIONS)
        decl = lsystem_decl(name, axiom, rules)
        for gen, word in enumerate(words):
            for step in (Fraction(1, 16), Fraction(1, 8)):
                if step == Fraction(1, 8) and gen not in (3, 4):
                    continue
                suffix = "" if step == Fraction(1, 16) else f" step {fraction_text(step)}"
                bars = g.lsystem_bars(word, LSYSTEM_BARS, step)
                yield {
                    "id": f"lsystem-{label}-gen{gen}" + ("" if step == Fraction(1, 16) else "-step-1-8"),
                    "kind": "lsystem",
                    "params": {"axiom": axiom, "rules": rules, "gen": gen, "step": fraction_text(step)},
                    "decl": decl, "seq": f"beat lsystem {name} gen {gen}{suffix}",
                    "word": " ".join(word), "length": len(word),
                    "bars": [" ".join(b) for b in bars],
                }


def build():
    cases = (list(bresenham_cases()) + list(weights_cases()) + list(cellular_cases()) + list(life_cases())
             + list(lsystem_cases()) + list(turing_cases()))
    ids = [c["id"] for c in cases]
    assert len(ids) == len(set(ids)), "case ids are unique"
    counts = {}
    for c in cases:
        counts[c["kind"]] = counts.get(c["kind"], 0) + 1
    return {
        "source": "tests/tools/generators-reference/make_vectors.py (from SPEC §15 alone; regenerate, never edit)",
        "track": "track drums channel 10 { LANE }   (lsystem cases: DECL at top level first)",
        "counts": counts,
        "cases": cases,
    }


def dump(value, indent=0):
    """JSON with one case field per line and one automaton row per line: readable in a diff, and stable."""
    pad = " " * indent
    if isinstance(value, dict):
        if all(not isinstance(v, (list, dict)) for v in value.values()):
            return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
        if not value:
            return "{}"
        inner = ",\n".join(f"{pad}  {json.dumps(k)}: {dump(v, indent + 2)}" for k, v in value.items())
        return "{\n" + inner + "\n" + pad + "}"
    if isinstance(value, list) and any(isinstance(v, (list, dict)) or (isinstance(v, str) and " " in v) for v in value):
        inner = ",\n".join(f"{pad}  {dump(v, indent + 2)}" for v in value)
        return "[\n" + inner + "\n" + pad + "]"
    return json.dumps(value, ensure_ascii=False, separators=(", ", ": "))


def render():
    return dump(build()) + "\n"


def main():
    text = render()
    if "--stdout" in sys.argv[1:]:
        sys.stdout.write(text)
        return
    with open(OUT, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)
    print(f"wrote {os.path.relpath(OUT)}: {json.dumps(build()['counts'])}")


if __name__ == "__main__":
    main()
