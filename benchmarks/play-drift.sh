#!/usr/bin/env bash
# Long-run timing of `seq play` (the Native AOT program) against a private JACK dummy-driver server: one run of
# BARS bars (300 by default: 10 minutes at 120 BPM) of benchmarks/inputs/dense-three-track.seq into a JACK
# receiver. play-timing.sh measures short runs many times; this one asks whether lateness grows over a long
# run: drift (the last send's error) stays small only if every send is timed from the start of playback, and
# p99/max show whether collections or a growing log hurt late in the run. Two sets of figures, as in
# play-timing.sh: seq's own --timing-report (send lateness on the system clock) and the arrivals at the
# receiver in JACK frame time (benchmarks/jack-arrivals.c, compared by benchmarks/play-arrivals.py with
# `seq render`'s file of the same bars), with the run's xruns and how far JACK's frame clock slipped against
# the system clock (over minutes on a --no-realtime server, that slip can exceed seq's own error).
# A benchmark, not a test: it never fails on a figure; it exits 3 when the received messages are not the
# rendered ones (same bytes, same order per channel), after printing the run.
#
#   bash benchmarks/play-drift.sh                   300 bars, about 10 minutes
#   BARS=4 bash benchmarks/play-drift.sh            a quick check of the script
#   PERIOD=64 / REALTIME=1 / SEQ=/path/to/seq / SEQ_DLL=/path/to/seq.dll / KEEP_WORK=1   as in play-timing.sh
#   PROBE=0                                         without the stall probes (jack-bench.sh: vcpu-canary.c,
#                                                   stall-sidecar.py, stall-windows.py; SHOW=N latest sends)
#
# Needs the .NET SDK with the Native AOT compiler (unless SEQ or SEQ_DLL), jackd2, librtmidi6, gcc,
# libjack-jackd2-dev and python3-mido (apt-get install -y jackd2 librtmidi6 gcc libjack-jackd2-dev python3-mido).
# The server is private (JACK_DEFAULT_SERVER=seqlang-play-drift-PID, 48 kHz) and stopped with SIGTERM at the end.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bars=${BARS:-300}
piece="$repo/benchmarks/inputs/dense-three-track.seq"
if ! [[ "$bars" =~ ^[0-9]+$ ]] || [ "$bars" -lt 1 ]; then echo "BARS must be a number of at least 1" >&2; exit 2; fi
script=play-drift.sh
# The long run is where stalls show: watch for them unless PROBE=0.
PROBE=${PROBE:-1}
source "$repo/benchmarks/jack-bench.sh"

render_ideal "$bars"
# 4/4 at 120 BPM: 2 s a bar.
echo "seq play $bars bars of $(basename "$piece") at 120 BPM ($((bars * 2 / 60)) min $((bars * 2 % 60)) s) into midi-monitor:input ($server), one run"
echo "load average before: $(cat /proc/loadavg)"
timed_run 1 "$bars" --header
"$py" - "$work/result-1.json" "$bars" "$play_seconds" <<'PY'
import json, sys
r = json.load(open(sys.argv[1]))
bars, wall = int(sys.argv[2]), float(sys.argv[3])
print('%d bars, %d sends (%.0f a bar), %d received and matched; the seq process took %.1f s for %d s of music' % (
    bars, r['events'], r['events'] / bars, r['matched'], wall, bars * 2))
print('arrival error, signed: smallest %.0f µs, largest %.0f µs, trend over the run %.0f µs' % (
    r['arr_min_signed_us'], r['arr_max_signed_us'], r['arr_trend_us']))
PY
echo "load average after: $(cat /proc/loadavg)"
echo 'for scale, DIN MIDI (31,250 baud): 320 µs a byte, 960 µs a three-byte note-on'
report_differences
