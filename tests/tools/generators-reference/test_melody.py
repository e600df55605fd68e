#!/usr/bin/env python3
"""SPEC §15's melody paragraph, checked against melody.py: its weights term by term, the statistics the model is
meant to give over 10,000 onsets, and that the committed vectors are what make_melody_vectors.py writes today.

Run, in this folder: python3 -m unittest
"""
import os
import random
import sys
import unittest
from fractions import Fraction

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import make_melody_vectors  # noqa: E402
import melody as m  # noqa: E402

ONSETS = 10_000


def line(nir, seed=1, chord=None):
    rule = m.Rule(nir=Fraction(nir))
    rng = random.Random(seed)
    draws = [rng.getrandbits(32) for _ in range(ONSETS)]
    return m.statistics(m.run(rule, draws, None if chord is None else [chord] * ONSETS))


class WeightTests(unittest.TestCase):
    rule = m.Rule()  # c3..c5 in C major, nir 1/2, chord 3/10

    def test_first_note_has_no_expectation(self):
        # Middle c4 (60): no interval, no repeat, d = 0, not a chord tone.
        self.assertEqual(m.weight(60, [], self.rule), 1)
        # The edges: 1 − 0.3.
        self.assertEqual(m.weight(48, [], self.rule), Fraction(7, 10))
        self.assertEqual(m.weight(72, [], self.rule), Fraction(7, 10))

    def test_reversal_after_a_leap(self):
        # 60 → 67 leaps up 7; 65 turns back (+0.5), answers with 2 (< 4: +0.3) and is within 3 (+0.3).
        bonus = m.nir_bonus(65, [60, 67], self.rule)
        self.assertEqual(bonus, Fraction(11, 10))
        # 69 goes on up by 2: no reversal, still a small answer and near.
        self.assertEqual(m.nir_bonus(69, [60, 67], self.rule), Fraction(6, 10))
        # A repeat turns nowhere: only the small answer.
        self.assertEqual(m.nir_bonus(67, [60, 67], self.rule), Fraction(3, 10))

    def test_continuation_after_a_step(self):
        # 60 → 62 steps up 2; 64 goes on (+0.4), a similar size (+0.2), near (+0.3).
        self.assertEqual(m.nir_bonus(64, [60, 62], self.rule), Fraction(9, 10))
        # 60 turns back by 2: similar size and near only; the tonic +0.2.
        self.assertEqual(m.nir_bonus(60, [60, 62], self.rule), Fraction(7, 10))

    def test_chord_range_and_repeats(self):
        w = m.weight(67, [67, 67], self.rule, chord=[0, 4, 7])
        # Repeat after a unison: no leap or step rule, no proximity; chord tone ×1.3; d = 14/24; two repeats ×1/4.
        d = Fraction(14, 24)
        self.assertEqual(w, Fraction(13, 10) * (1 - Fraction(3, 10) * d * d) / 4)

    def test_a_range_without_scale_tones_is_refused(self):
        with self.assertRaises(ValueError):
            m.Rule(61, 61)  # c#4 is not in C major
        with self.assertRaises(ValueError):
            m.Rule(72, 48)


class StatisticsTests(unittest.TestCase):
    """What Narmour's model should do to a line, measured over 10,000 onsets of c3..c5 in C major."""

    def test_after_a_leap_the_line_turns_back_more_often_than_not(self):
        for nir in ("0.5", "2"):
            s = line(nir)
            self.assertGreater(2 * s["reversed_after_leap"], s["after_leap"], (nir, s))

    def test_nir_makes_steps_commoner_and_leaps_rarer(self):
        none, default, strong = line("0"), line("0.5"), line("2")
        self.assertLess(none["steps"], default["steps"])
        self.assertLess(default["steps"], strong["steps"])
        self.assertGreater(none["leaps"], default["leaps"])
        self.assertGreater(default["leaps"], strong["leaps"])
        # And turns back after leaps more often than a line without it.
        self.assertLess(none["reversed_after_leap"] / none["after_leap"], strong["reversed_after_leap"] / strong["after_leap"])

    def test_steps_do_not_outnumber_leaps_with_the_spec_weights(self):
        # The issue hoped steps of 1-2 semitones would outnumber leaps (> 4). With SPEC §15's weights they do not:
        # the bonuses are added to 1 and scaled by nir, so the 10 or so far candidates of a two-octave range still
        # outweigh the 2-4 near ones (steps/leaps is about 0.23 at nir 0.5 and 0.43 at nir 10). This pins the
        # spec's behaviour so that a change to the weights is seen; docs/generators.md says so.
        for nir in ("0.5", "10"):
            s = line(nir)
            self.assertLess(s["steps"], s["leaps"], (nir, s))


class VectorTests(unittest.TestCase):
    def test_make_melody_vectors_is_deterministic(self):
        self.assertEqual(make_melody_vectors.render(), make_melody_vectors.render())

    def test_committed_vectors_are_current(self):
        with open(make_melody_vectors.OUT, encoding="utf-8") as f:
            self.assertEqual(f.read(), make_melody_vectors.render(),
                             "Vectors/melody.json is stale: run python3 make_melody_vectors.py")


if __name__ == "__main__":
    unittest.main()
