#!/usr/bin/env bash
# Long-run timing of `seq play` against a JACK dummy-driver server: one run of BARS bars (300 by default: 10
# minutes at 120 BPM) of benchmarks/inputs/dense-three-track.seq into jack_midi_dump's input port, with
# --timing-report; prints the report's figures. play-timing.sh measures short runs many times; this one asks
# whether lateness grows over a long run: drift (the last event's error) stays small only if every send is
# timed from the start of playback, and p99/max show whether collections or a growing log hurt late in the run.
# A benchmark, not a test: it never fails on a figure.
#
#   bash benchmarks/play-drift.sh                   300 bars, about 10 minutes
#   BARS=4 bash benchmarks/play-drift.sh            a quick check of the script
#   SEQ_DLL=/path/seq.dll bash benchmarks/play-drift.sh   time an existing build
#
# Needs jackd2, jack-tools (jack_midi_dump) and librtmidi6 (scripts/install-test-deps.sh installs them).
# The server is private (JACK_DEFAULT_SERVER=seqlang-play-drift-PID, --no-realtime, 48 kHz, 64-frame periods)
# and is stopped with SIGTERM at the end.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bars=${BARS:-300}
piece="$repo/benchmarks/inputs/dense-three-track.seq"
if ! [[ "$bars" =~ ^[0-9]+$ ]] || [ "$bars" -lt 1 ]; then echo "BARS must be a number of at least 1" >&2; exit 2; fi
script=play-drift.sh
source "$repo/benchmarks/jack-bench.sh"

# 4/4 at 120 BPM: 2 s a bar.
echo "seq play $bars bars of $(basename "$piece") at 120 BPM ($((bars * 2 / 60)) min $((bars * 2 % 60)) s) into midi-monitor:input (JACK dummy, 48 kHz, 64 frames = 1.33 ms), one run"
SECONDS=0
dotnet "$seq_dll" play "$piece" --port midi-monitor:input --bars "$bars" --timing-report "$work/drift.json" --quiet
wall=$SECONDS
python3 - "$work/drift.json" "$bars" "$wall" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
bars, wall = int(sys.argv[2]), int(sys.argv[3])
print('%7s %9s %9s %9s %9s %9s' % ('events', 'mean_us', 'p50_us', 'p99_us', 'max_us', 'drift_us'))
print('%7d %9.1f %9.1f %9.1f %9.1f %9.1f' % (r['events'], r['mean_us'], r['p50_us'], r['p99_us'], r['max_us'], r['drift_us']))
print('%d bars, %d events (%.0f a bar), whole process %d s for %d s of music' % (bars, r['events'], r['events'] / bars, wall, bars * 2))
print('for scale, DIN MIDI (31,250 baud): 320 µs a byte, 960 µs a three-byte note-on')
PY
