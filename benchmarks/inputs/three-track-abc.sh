#!/usr/bin/env bash
# three-track-abc.sh BARS: writes to stdout benchmarks/inputs/three-track.seq's music as an ABC tune of
# BARS bars for abc2midi, every bar written out (no repeat signs, so abc2midi reads and converts each bar
# as seq renders each bar). What `seq render three-track.seq --bars BARS` writes, note for note:
#   drums, channel 10: kick (36) on every beat, velocity 100; snare (38) on beats 2 and 4, velocity 100;
#     16 closed hats (42) a bar, velocity 90, 60, 75, 60 for the four beats ("x*16" vel "90 60 75 60":
#     the velocity pattern has one value a beat). seq puts the three lanes on one track; ABC cannot give
#     notes of one chord different velocities, so here they are three voices on channel 10.
#   bass, channel 2, program 38: c2 e2 g2 c3 (36 40 43 48), a beat each, legato 0.9, velocity 100.
#   arp, channel 1: [c4 e4 g4 b4]*4 (60 64 67 71), sixteenths, legato 0.5, velocity 90.
# Pitches: abc2midi's C is MIDI 60 (seq's c4). Velocities: `%%MIDI beat a b c 1` with a
# `%%MIDI beatstring` (one letter a sixteenth: f = a, m = b, p = c). Note lengths: `%%MIDI trim x/y`
# shortens each note by x/y of the unit length (L:1/16 = 120 ticks): 2/5 = 48 ticks off a beat (0.9),
# 1/2 = 60 ticks off a sixteenth (0.5). abc2midi also writes 480 ticks a beat.
set -euo pipefail
bars=${1:?usage: three-track-abc.sh BARS}
[[ "$bars" =~ ^[1-9][0-9]*$ ]] || { echo "three-track-abc.sh: BARS must be a positive number" >&2; exit 2; }
awk -v bars="$bars" '
function voice(id, name, header, bar,   i, line) {
  printf "V:%s name=\"%s\"\n%s", id, name, header
  line = ""
  for (i = 1; i <= bars; i++) {
    line = line bar "|"
    if (i % 4 == 0 || i == bars) { print line; line = "" }
  }
}
BEGIN {
  print "X:1"
  print "T:Three Tracks"
  print "M:4/4"
  print "L:1/16"
  print "Q:1/4=120"
  print "K:C"
  voice(1, "kick", "%%MIDI channel 10\n%%MIDI beat 100 100 100 1\n%%MIDI nobeataccents\n", "C,,4 C,,4 C,,4 C,,4")
  voice(2, "snare", "%%MIDI channel 10\n%%MIDI beat 100 100 100 1\n%%MIDI nobeataccents\n", "z4 D,,4 z4 D,,4")
  voice(3, "hat", "%%MIDI channel 10\n%%MIDI beat 90 75 60 1\n%%MIDI beatstring ffffppppmmmmpppp\n",
        "^F,,^F,,^F,,^F,, ^F,,^F,,^F,,^F,, ^F,,^F,,^F,,^F,, ^F,,^F,,^F,,^F,,")
  voice(4, "bass", "%%MIDI channel 2\n%%MIDI program 38\n%%MIDI beat 100 100 100 1\n%%MIDI nobeataccents\n%%MIDI trim 2/5\n",
        "C,,4 E,,4 G,,4 C,4")
  voice(5, "arp", "%%MIDI channel 1\n%%MIDI beat 90 90 90 1\n%%MIDI nobeataccents\n%%MIDI trim 1/2\n",
        "CEGB CEGB CEGB CEGB")
}'
