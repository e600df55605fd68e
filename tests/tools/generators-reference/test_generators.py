#!/usr/bin/env python3
"""SPEC §15's own examples and laws, checked against generators.py, and a check that the committed
vectors are what make_vectors.py writes today.

Run, in this folder: python3 -m unittest
"""
import json
import os
import sys
import unittest
from fractions import Fraction
from math import comb

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generators as g  # noqa: E402
import make_vectors  # noqa: E402


def hit_steps(hits):
    return [i for i, h in enumerate(hits) if h]


class BresenhamTests(unittest.TestCase):
    def test_spec_example_5_of_16(self):
        self.assertEqual(hit_steps(g.bresenham(5, 16)), [3, 6, 9, 12, 15])

    def test_k_hits_late_in_each_group(self):
        for n in range(1, 33):
            for k in range(n + 1):
                hits = g.bresenham(k, n)
                self.assertEqual(len(hits), n)
                self.assertEqual(sum(hits), k, (k, n))
                if k:
                    # The last step always hits: ⌊N·K/N⌋ = K > ⌊(N−1)·K/N⌋ when K ≥ 1.
                    self.assertTrue(hits[-1], (k, n))

    def test_edges(self):
        self.assertEqual(g.bresenham(0, 4), [False] * 4)
        self.assertEqual(g.bresenham(1, 1), [True])
        self.assertEqual(hit_steps(g.bresenham(3, 8)), [2, 5, 7])


class WeightsTests(unittest.TestCase):
    def test_one_drum_of_weight_1_plays_every_step(self):
        self.assertEqual(g.weights([("a", Fraction(1))], 16), ["a"] * 16)

    def test_sum_below_1_has_rests(self):
        out = g.weights([("bd", Fraction(1, 4)), ("sd", Fraction(1, 8))], 16)
        self.assertIn(None, out)
        self.assertIn("bd", out)
        self.assertIn("sd", out)

    def test_silent_voice_loses_ties_to_every_drum(self):
        # bd 0.5 and the silent voice 0.5 tie at step 0: bd, listed, wins.
        self.assertEqual(g.weights([("bd", Fraction(1, 2))], 4), ["bd", None, "bd", None])

    def test_ties_go_to_the_first_listed(self):
        self.assertEqual(g.weights([("bd", Fraction(1, 2)), ("sd", Fraction(1, 2))], 4), ["bd", "sd", "bd", "sd"])
        self.assertEqual(g.weights([("sd", Fraction(1, 2)), ("bd", Fraction(1, 2))], 4), ["sd", "bd", "sd", "bd"])

    def test_sum_at_least_1_never_rests(self):
        for drums in ([("bd", Fraction(1, 2)), ("sd", Fraction(1, 4)), ("hh", Fraction(1, 4))],
                      [("bd", Fraction(1)), ("sd", Fraction(1, 2))]):
            self.assertNotIn(None, g.weights(drums, 16))

    def test_sum_above_1_can_starve_the_lightest_drum(self):
        # SPEC §15 read literally: above a sum of 1 nothing is rescaled, accumulators drift upward by
        # (sum − 1) a step, and in { bd 1 sd 0.5 hh 0.25 } hh's 0.25 a step never catches bd's and sd's.
        out = g.weights([("bd", Fraction(1)), ("sd", Fraction(1, 2)), ("hh", Fraction(1, 4))], 16)
        self.assertEqual(" ".join(out), "bd bd sd bd bd bd sd bd bd bd sd bd bd bd sd bd")

    def test_sum_1_shares_steps_by_weight(self):
        # With the weights summing to 1 the accumulators always sum to 0 after a step, so over a bar of
        # N steps each drum plays its weight's share, N·W when that is whole.
        out = g.weights([("bd", Fraction(1, 2)), ("sd", Fraction(1, 4)), ("hh", Fraction(1, 4))], 16)
        self.assertEqual((out.count("bd"), out.count("sd"), out.count("hh")), (8, 4, 4))

    def test_exact_ties_where_doubles_break_them(self):
        # bd 0.7 sd 0.2 hh 0.1: at step 1 bd has 0.7 − 1 + 0.7 = 0.4 and sd 0.2 + 0.2 = 0.4, a tie bd wins;
        # in doubles bd has 0.39999999999999997 and sd takes the step.
        out = g.weights([(d, Fraction(w)) for d, w in (("bd", "0.7"), ("sd", "0.2"), ("hh", "0.1"))], 4)
        self.assertEqual(out, ["bd", "bd", "sd", "bd"])


class CellularTests(unittest.TestCase):
    def test_default_row_is_one_cell_at_half_width(self):
        self.assertEqual(hit_steps(g.cellular(30, 16, None, 1)[0]), [8])
        self.assertEqual(hit_steps(g.cellular(30, 7, None, 1)[0]), [3])

    def test_rule_90_from_one_cell_is_sierpinski(self):
        width = 64
        rows = g.cellular(90, width, None, width // 2)
        centre = width // 2
        for gen, row in enumerate(rows):
            for cell in range(width):
                d = cell - centre
                expected = abs(d) <= gen and (gen + d) % 2 == 0 and comb(gen, (gen + d) // 2) % 2 == 1
                self.assertEqual(row[cell], expected, (gen, cell))

    def test_rule_184_conserves_live_cells(self):
        for width in (16, 32):
            for row in [None] + [r for _, r in make_vectors.fixed_rows(width)]:
                rows = g.cellular(184, width, row, 64)
                self.assertEqual({sum(r) for r in rows}, {sum(rows[0])})

    def test_rule_30_first_steps(self):
        rows = g.cellular(30, 16, None, 3)
        self.assertEqual([g.format_row(r) for r in rows], [
            "~ ~ ~ ~ ~ ~ ~ ~ x ~ ~ ~ ~ ~ ~ ~",
            "~ ~ ~ ~ ~ ~ ~ x x x ~ ~ ~ ~ ~ ~",
            "~ ~ ~ ~ ~ ~ x x ~ ~ x ~ ~ ~ ~ ~",
        ])

    def test_edges_wrap(self):
        # Rule 90 (left XOR right) from cell 0 alone: its neighbours are cells 15 and 1.
        row = [i == 0 for i in range(16)]
        self.assertEqual(hit_steps(g.cellular(90, 16, row, 2)[1]), [1, 15])

    def test_mini_rows_round_trip(self):
        text = "x ~ ~ x ~ x ~ ~ ~ ~ ~ ~ ~ ~ ~ x"
        self.assertEqual(g.format_row(g.parse_row(text)), text)


class LsystemTests(unittest.TestCase):
    def test_fibonacci_words(self):
        words = g.lsystem(["a"], {"a": ["a", "b"], "b": ["a"]}, 6)
        self.assertEqual([" ".join(w) for w in words[:5]], ["a", "a b", "a b a", "a b a a b", "a b a a b a b a"])
        self.assertEqual([len(w) for w in words], [1, 2, 3, 5, 8, 13, 21])

    def test_atom_without_rule_stays_and_rules_apply_in_parallel(self):
        # a -> b and b -> a at once swap the atoms; a sequential rewrite would give "a a" or "b b".
        self.assertEqual(g.lsystem(["a", "b", "c"], {"a": ["b"], "b": ["a"]}, 1)[1], ["b", "a", "c"])

    def test_cantor(self):
        words = g.lsystem(["x"], {"x": ["x", "~", "x"], "~": ["~", "~", "~"]}, 2)
        self.assertEqual(" ".join(words[2]), "x ~ x ~ ~ ~ x ~ x")

    def test_word_continues_across_bars_and_loops(self):
        bars = g.lsystem_bars(["a", "b", "c"], 2, Fraction(1, 4))
        self.assertEqual(bars, [["a", "b", "c", "a"], ["b", "c", "a", "b"]])


class LifeTests(unittest.TestCase):
    def test_rule_reading(self):
        self.assertEqual(g.life_rule("B3/S23"), (frozenset({3}), frozenset({2, 3})))
        self.assertEqual(g.life_rule("s23/b3"), g.life_rule("B3/S23"))
        self.assertEqual(g.life_rule("B2/S"), (frozenset({2}), frozenset()))
        for bad in ("B9/S23", "B3", "B3/B2", "X3/S23", "B3/S2x"):
            with self.assertRaises(ValueError):
                g.life_rule(bad)

    def test_blinker_turns(self):
        first = [[c in (2, 3, 4) and r == 2 for c in range(8)] for r in range(5)]
        grids = g.life("B3/S23", first, 3)
        self.assertEqual([(r, c) for r in range(5) for c in range(8) if grids[1][r][c]], [(1, 3), (2, 3), (3, 3)])
        self.assertEqual(grids[2], grids[0])

    def test_glider_wraps_the_torus(self):
        first = [[(r, c) in {(0, 1), (1, 2), (2, 0), (2, 1), (2, 2)} for c in range(8)] for r in range(8)]
        grids = g.life("B3/S23", first, 33)
        self.assertEqual(grids[32], grids[0])
        self.assertTrue(all(sum(map(sum, grid)) == 5 for grid in grids))
        self.assertNotEqual(grids[4], grids[0])

    def test_a_lone_cell_dies(self):
        first = [[c == 3 and r == 1 for c in range(8)] for r in range(3)]
        self.assertEqual(sum(map(sum, g.life("B3/S23", first, 2)[1])), 0)


class TuringTests(unittest.TestCase):
    def test_drift_0_is_the_loop_across_bar_lines(self):
        self.assertEqual(g.turing([1, 2, 3], 0, 7), [1, 2, 3, 1, 2, 3, 1])

    def test_drift_1_over_two_values_swaps_every_position_every_pass(self):
        self.assertEqual(g.turing(["a", "a", "b"], 1, 9), ["a", "a", "b", "b", "b", "a", "a", "a", "b"])

    def test_dice_are_not_ours(self):
        with self.assertRaises(ValueError):
            g.turing([1, 2, 3], Fraction(1, 2), 4)


class VectorsTests(unittest.TestCase):
    def test_make_vectors_is_deterministic(self):
        self.assertEqual(make_vectors.render(), make_vectors.render())

    def test_committed_vectors_are_current(self):
        with open(make_vectors.OUT, encoding="utf-8") as f:
            committed = f.read()
        self.assertEqual(committed, make_vectors.render(), "regenerate with: python3 make_vectors.py")

    def test_vectors_hold_the_spec_examples(self):
        cases = {c["id"]: c for c in json.loads(make_vectors.render())["cases"]}
        self.assertEqual(cases["bresenham-5-16"]["steps"], [3, 6, 9, 12, 15])
        for case in cases.values():
            if case["kind"] == "cellular":
                self.assertEqual(len(case["rows"]), 64)
                if case["params"]["rule"] == 184:
                    self.assertEqual(len(set(case["live"])), 1, case["id"])
                if case["params"]["from"] is not None:
                    self.assertEqual(g.parse_row(case["params"]["from"]), case["params"]["from_cells"])
                    self.assertEqual(case["rows"][0], case["params"]["from_cells"])
        self.assertEqual(cases["life-B3-S23-glider-8x8"]["grids"][32], cases["life-B3-S23-glider-8x8"]["grids"][0])
        self.assertEqual(cases["life-lower-case-default-width"]["grids"], cases["life-B3-S23-golden-3x16"]["grids"])
        for pair in ((3, 8), (5, 16), (7, 12), (13, 16), (1, 1), (0, 4)):
            self.assertIn("bresenham-%d-%d" % pair, cases)


if __name__ == "__main__":
    unittest.main()
