#!/usr/bin/env bash
# Timing of `seq play` (the Native AOT program) against a private JACK dummy-driver server: 8 bars of
# benchmarks/inputs/dense-three-track.seq at 120 BPM into a JACK receiver, RUNS times. Each run gives two sets
# of figures: seq's own --timing-report (the lateness of every send on the system clock: mean, p50, p99, max,
# drift) and the arrivals at the receiver (benchmarks/jack-arrivals.c writes every message with its JACK frame
# time; benchmarks/play-arrivals.py compares them with `seq render`'s file of the same bars, read with mido:
# messages matched, |arrival - ideal| p50/p99/max after the median offset, messages more than one period from
# the ideal), with the run's xruns and how JACK's own clock behaved. Prints each run, then the medians.
# A benchmark, not a test: it never fails on a figure; it exits 3 when the received messages are not the
# rendered ones (same bytes, same order per channel), after printing every run.
#
#   bash benchmarks/play-timing.sh                  RUNS=7, publishes the native seq into a temporary folder
#   RUNS=15 bash benchmarks/play-timing.sh          more runs on a noisy machine
#   PERIOD=64 bash benchmarks/play-timing.sh        smaller JACK periods (1.33 ms; 256 = 5.33 ms by default)
#   REALTIME=1 bash benchmarks/play-timing.sh       jackd with real-time scheduling (--no-realtime by default)
#   SEQ=/path/to/seq bash benchmarks/play-timing.sh          time an existing native binary
#   SEQ_DLL=/path/to/seq.dll bash benchmarks/play-timing.sh  time a JIT build (run with dotnet)
#   KEEP_WORK=1 bash benchmarks/play-timing.sh      keep the temporary folder (arrivals, reports, jackd's log)
#
# Needs the .NET SDK with the Native AOT compiler (unless SEQ or SEQ_DLL), jackd2, librtmidi6, gcc,
# libjack-jackd2-dev and python3-mido (apt-get install -y jackd2 librtmidi6 gcc libjack-jackd2-dev python3-mido).
# The server is private (JACK_DEFAULT_SERVER=seqlang-play-timing-PID, 48 kHz) and stopped with SIGTERM at the end.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
bars=${BARS:-8}
piece="$repo/benchmarks/inputs/dense-three-track.seq"
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 3 ]; then echo "RUNS must be a number of at least 3" >&2; exit 2; fi
if ! [[ "$bars" =~ ^[0-9]+$ ]] || [ "$bars" -lt 1 ]; then echo "BARS must be a number of at least 1" >&2; exit 2; fi
script=play-timing.sh
source "$repo/benchmarks/jack-bench.sh"

render_ideal "$bars"
echo "seq play $bars bars of $(basename "$piece") at 120 BPM into midi-monitor:input ($server), $runs runs"
echo "load average before: $(cat /proc/loadavg)"
for i in $(seq 1 "$runs"); do
  timed_run "$i" "$bars" $([ "$i" = 1 ] && echo --header)
done
"$py" "$repo/benchmarks/play-arrivals.py" medians $(for i in $(seq 1 "$runs"); do echo "$work/result-$i.json"; done)
echo "load average after: $(cat /proc/loadavg)"
echo 'for scale, DIN MIDI (31,250 baud): 320 µs a byte, 960 µs a three-byte note-on'
report_differences
