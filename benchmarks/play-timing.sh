#!/usr/bin/env bash
# Timing of `seq play` against a JACK dummy-driver server: 8 bars of benchmarks/inputs/dense-three-track.seq
# at 120 BPM into jack_midi_dump's input port, with --timing-report, RUNS times; prints each run and the
# medians of mean/p50/p99/max/drift. A benchmark, not a test: it never fails on a figure.
#
#   bash benchmarks/play-timing.sh               RUNS=7 by default
#   RUNS=15 bash benchmarks/play-timing.sh       more runs on a noisy machine
#   SEQ_DLL=/path/seq.dll bash benchmarks/play-timing.sh   time an existing build
#
# Needs jackd2, jack-tools (jack_midi_dump) and librtmidi6 (scripts/install-test-deps.sh installs them).
# The server is private (JACK_DEFAULT_SERVER=seqlang-play-timing-PID, --no-realtime, 48 kHz, 64-frame periods)
# and is stopped with SIGTERM at the end.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
bars=${BARS:-8}
piece="$repo/benchmarks/inputs/dense-three-track.seq"
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 3 ]; then echo "RUNS must be a number of at least 3" >&2; exit 2; fi
script=play-timing.sh
source "$repo/benchmarks/jack-bench.sh"

echo "seq play $bars bars of $(basename "$piece") at 120 BPM into midi-monitor:input (JACK dummy, 48 kHz, 64 frames = 1.33 ms), $runs runs"
printf '%4s %7s %9s %9s %9s %9s %9s\n' run events mean_us p50_us p99_us max_us drift_us
for i in $(seq 1 "$runs"); do
  dotnet "$seq_dll" play "$piece" --port midi-monitor:input --bars "$bars" --timing-report "$work/run$i.json" --quiet
  python3 - "$work/run$i.json" "$i" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
print('%4s %7d %9.1f %9.1f %9.1f %9.1f %9.1f' % (sys.argv[2], r['events'], r['mean_us'], r['p50_us'], r['p99_us'], r['max_us'], r['drift_us']))
PY
done
python3 - "$work" "$runs" <<'PY'
import json, statistics, sys
runs = [json.load(open(f"{sys.argv[1]}/run{i}.json")) for i in range(1, int(sys.argv[2]) + 1)]
m = {k: statistics.median(r[k] for r in runs) for k in ('mean_us', 'p50_us', 'p99_us', 'max_us', 'drift_us')}
print('median: mean %.1f µs, p50 %.1f µs, p99 %.1f µs, max %.1f µs, drift %.1f µs' % (m['mean_us'], m['p50_us'], m['p99_us'], m['max_us'], m['drift_us']))
print('for scale, DIN MIDI (31,250 baud): 320 µs a byte, 960 µs a three-byte note-on')
PY
