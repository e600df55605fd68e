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
# The server is private (JACK_DEFAULT_SERVER=seqlang-bench-PID, --no-realtime, 48 kHz, 64-frame periods)
# and is stopped with SIGTERM at the end.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-7}
bars=${BARS:-8}
piece="$repo/benchmarks/inputs/dense-three-track.seq"
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 3 ]; then echo "RUNS must be a number of at least 3" >&2; exit 2; fi
for tool in jackd jack_midi_dump jack_lsp; do
  command -v "$tool" >/dev/null || { echo "play-timing.sh: $tool is missing; sudo apt-get install jackd2 jack-tools librtmidi6" >&2; exit 1; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -n "${SEQ_DLL:-}" ]; then
  seq_dll=$SEQ_DLL
else
  echo "building src/SeqLang.Cli (Release) ..."
  dotnet build "$repo/src/SeqLang.Cli" -c Release -nologo -v q >/dev/null
  seq_dll="$repo/src/SeqLang.Cli/bin/Release/net10.0/seq.dll"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-play.XXXXXX")
export JACK_DEFAULT_SERVER="seqlang-bench-$$" JACK_NO_START_SERVER=1
jackd_pid=""; dump_pid=""
cleanup() {
  [ -n "$dump_pid" ] && kill "$dump_pid" 2>/dev/null || true
  if [ -n "$jackd_pid" ]; then kill -TERM "$jackd_pid" 2>/dev/null || true; wait "$jackd_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

jackd -n "$JACK_DEFAULT_SERVER" --no-realtime -d dummy -r 48000 -p 64 > "$work/jackd.log" 2>&1 &
jackd_pid=$!
for _ in $(seq 1 100); do jack_lsp >/dev/null 2>&1 && break; sleep 0.1; done
jack_lsp >/dev/null 2>&1 || { echo "play-timing.sh: jackd did not start:" >&2; cat "$work/jackd.log" >&2; exit 1; }
jack_midi_dump > /dev/null 2>&1 &
dump_pid=$!
for _ in $(seq 1 50); do jack_lsp | grep -q '^midi-monitor:input$' && break; sleep 0.1; done

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
