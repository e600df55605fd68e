#!/usr/bin/env python3
"""An independent implementation of SPEC §15's deterministic rhythm generators, written from the spec's text
alone (not from the C#), so that the vectors make_vectors.py writes can catch a slip in either.

Pure functions, standard library only, exact arithmetic (fractions.Fraction; no floating point anywhere):

    bresenham(k, n)                                  one bar: n booleans
    weights(drums, steps)                            one bar: `steps` drum names, None for a rest
    cellular(rule, width, first_row, generations)    rows of generations 0..generations-1
    lsystem(axiom, rules, generations)               the word of each generation 0..generations
    lsystem_bars(word, bars, step)                   the word laid out one atom per step, bar after bar
    life_rule(text)                                  "B3/S23" as (births, survivals), sets of neighbour counts
    life(rule, first_grid, generations)              the grids of generations 0..generations-1
    turing(loop, drift, onsets)                      the values of the first `onsets` onsets, for the dice-free drifts

The seeded parts of §15 (`from random D`, weighted L-system alternatives, markov, walk, turing's dice, melody)
are not here: their dice are the engine's, and a second implementation of them would test nothing but itself.
"""
from fractions import Fraction

REST = "~"


def bresenham(k, n):
    """`NAME bresenham K N`: step i of N hits when ⌊(i+1)·K/N⌋ > ⌊i·K/N⌋, the same every bar.

    Integer floor division keeps this exact; 5 of 16 gives steps 3, 6, 9, 12, 15 (the hits come late in
    each group, which is what separates this from the Euclidean rhythm's early hits)."""
    if n <= 0:
        raise ValueError("bresenham needs N > 0")
    if k < 0:
        raise ValueError("bresenham needs K >= 0")
    return [(i + 1) * k // n > i * k // n for i in range(n)]


def weights(drums, steps=16):
    """`NAME weights { DRUM W ... } [steps N]`: the drum (or None, a rest) of each of `steps` steps of a bar.

    `drums` is an ordered list of (name, Fraction). Every bar starts afresh, so one bar is the whole answer.
    At each step every voice's accumulator first grows by its weight; then the largest accumulator wins the
    step (ties: the first listed, the silent voice last) and loses 1. When the weights sum to less than 1 a
    silent voice with weight 1 − sum takes part, and the steps it wins are rests."""
    if steps <= 0:
        raise ValueError("weights needs steps > 0")
    voices = [(name, Fraction(w)) for name, w in drums]
    if not voices:
        raise ValueError("weights needs at least one drum")
    if any(w < 0 for _, w in voices):
        raise ValueError("weights are not negative")
    total = sum((w for _, w in voices), Fraction(0))
    if total < 1:
        voices.append((None, 1 - total))
    accumulators = [Fraction(0)] * len(voices)
    out = []
    for _ in range(steps):
        accumulators = [a + w for a, (_, w) in zip(accumulators, voices)]
        best = 0
        for j in range(1, len(voices)):
            if accumulators[j] > accumulators[best]:  # strictly greater: an equal later voice loses the tie
                best = j
        accumulators[best] -= 1
        out.append(voices[best][0])
    return out


def default_row(width):
    """The default first row of `cellular`: one live cell, cell ⌊W/2⌋ (cells counted from 0)."""
    return [i == width // 2 for i in range(width)]


def cellular_step(rule, row):
    """One generation of Wolfram's elementary automaton: a cell's next state is bit (4·left + 2·self + right)
    of RULE, the row wrapping at its edges."""
    w = len(row)
    return [bool((rule >> (4 * row[(i - 1) % w] + 2 * row[i] + row[(i + 1) % w])) & 1) for i in range(w)]


def cellular(rule, width=16, first_row=None, generations=64):
    """`NAME cellular RULE [width W] [from "MINI"]`: the rows of generations 0..generations-1 (bar b plays
    generation b, live cells as hits). Generation 0 is the first row."""
    if not 0 <= rule <= 255:
        raise ValueError("RULE is 0..255")
    row = default_row(width) if first_row is None else [bool(c) for c in first_row]
    if len(row) != width:
        raise ValueError(f"the first row has {len(row)} cells, not W = {width}")
    rows = []
    for _ in range(generations):
        rows.append(row)
        row = cellular_step(rule, row)
    return rows


def lsystem(axiom, rules, generations):
    """Deterministic L-system words: [word of generation 0 (the axiom), ..., word of generation `generations`].

    `axiom` is a list of atoms; `rules` maps an atom to the list of atoms it becomes. All rules rewrite in
    parallel once per generation; an atom without a rule stays itself (so `~` stays a rest unless a rule
    names it)."""
    words = [list(axiom)]
    for _ in range(generations):
        word = []
        for atom in words[-1]:
            word.extend(rules.get(atom, [atom]))
        words.append(word)
    return words


def lsystem_bars(word, bars, step=Fraction(1, 16)):
    """`NAME lsystem LSYS gen G [step S]`: the word played one atom per step (default 1/16 of a bar),
    continuing across bar lines and from its start again when it ends. Returns, for each bar, its atoms in
    order (`~` atoms are rest steps). A step must divide the bar: the vectors only use such steps."""
    step = Fraction(step)
    per_bar = 1 / step
    if per_bar.denominator != 1:
        raise ValueError("the reference lays out only steps that divide the bar")
    per_bar = per_bar.numerator
    return [[word[(b * per_bar + j) % len(word)] for j in range(per_bar)] for b in range(bars)]


def parse_row(text):
    """A first row written as mini-notation of one-character atoms: `x` (any atom) live, `~` or `-` dead."""
    return [atom not in ("~", "-") for atom in text.split()]


def format_row(row):
    """Cells as the mini-notation `from "..."` takes: `x` live, `~` dead, space-separated."""
    return " ".join("x" if cell else REST for cell in row)


# --- life and turing -------------------------------------------------------------------------------------


def life_rule(text):
    """`B3/S23`: B, then the counts of live neighbours (0-8) at which a dead cell is born; S, those at which a live
    cell survives. Letters in either case, either part first. Returns (births, survivals) as frozensets."""
    parts = {}
    for part in text.split("/"):
        letter = part[:1].upper()
        if letter not in ("B", "S") or letter in parts:
            raise ValueError(f"rule {text}: write it B3/S23")
        if any(c not in "012345678" for c in part[1:]):
            raise ValueError(f"rule {text}: counts are 0 to 8")
        parts[letter] = frozenset(int(c) for c in part[1:])
    if set(parts) != {"B", "S"}:
        raise ValueError(f"rule {text}: give both parts")
    return parts["B"], parts["S"]


def life_step(rule, grid):
    """One generation of an outer-totalistic automaton ("the same [as cellular] for outer-totalistic 2-D rules"):
    Moore's 8 neighbours, the grid wrapping at every edge as cellular's row does (a torus). Neighbours are counted
    by position, (r + dr) mod R and (c + dc) mod W for the 8 (dr, dc) other than (0, 0): on a grid of 1 or 2 rows
    or columns one cell fills two positions and counts twice."""
    births, survivals = rule
    rows, width = len(grid), len(grid[0])
    out = []
    for r in range(rows):
        row = []
        for c in range(width):
            n = sum(grid[(r + dr) % rows][(c + dc) % width]
                    for dr in (-1, 0, 1) for dc in (-1, 0, 1) if (dr, dc) != (0, 0))
            row.append(n in survivals if grid[r][c] else n in births)
        out.append(row)
    return out


def life(rule, first_grid, generations=64):
    """`NAME life B3/S23 width W rows DRUM... from "ROW" ...`: the grids of generations 0..generations-1, one row
    of W cells per drum listed (bar b plays generation b; a live cell of row r is a hit of drum r)."""
    if isinstance(rule, str):
        rule = life_rule(rule)
    grid = [[bool(c) for c in row] for row in first_grid]
    if not grid or len({len(row) for row in grid}) != 1:
        raise ValueError("a grid has rows of one width")
    grids = []
    for _ in range(generations):
        grids.append(grid)
        grid = life_step(rule, grid)
    return grids


def turing(loop, drift, onsets):
    """`turing "MINI" drift P`: "a loop of the string's values in which each position is replaced, with probability
    P per pass, by another value of the loop". One value per onset, the loop running on across bar lines; the first
    pass plays it as written. Only the two drifts that need no dice are computed here: P = 0 (the loop as written,
    forever) and P = 1 over a loop of exactly two distinct values (each pass, every position takes the other one)."""
    loop = list(loop)
    distinct = list(dict.fromkeys(loop))
    if drift == 0 or len(distinct) == 1:
        return [loop[i % len(loop)] for i in range(onsets)]
    if drift == 1 and len(distinct) == 2:
        out = []
        for i in range(onsets):
            p = i % len(loop)
            if i >= len(loop):
                loop[p] = distinct[1] if loop[p] == distinct[0] else distinct[0]
            out.append(loop[p])
        return out
    raise ValueError("drifts other than 0, or 1 over two values, draw the engine's dice")
