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
# The server is private (JACK_DEFAULT_SERVER=seqlang-drift-PID, --no-realtime, 48 kHz, 64-frame periods)
# and is stopped with SIGTERM at the end.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
bars=${BARS:-300}
piece="$repo/benchmarks/inputs/dense-three-track.seq"
if ! [[ "$bars" =~ ^[0-9]+$ ]] || [ "$bars" -lt 1 ]; then echo "BARS must be a number of at least 1" >&2; exit 2; fi
for tool in jackd jack_midi_dump jack_lsp; do
  command -v "$tool" >/dev/null || { echo "play-drift.sh: $tool is missing; sudo apt-get install jackd2 jack-tools librtmidi6" >&2; exit 1; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -n "${SEQ_DLL:-}" ]; then
  seq_dll=$SEQ_DLL
else
  echo "building src/SeqLang.Cli (Release) ..."
  dotnet build "$repo/src/SeqLang.Cli" -c Release -nologo -v q >/dev/null
  seq_dll="$repo/src/SeqLang.Cli/bin/Release/net10.0/seq.dll"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-drift.XXXXXX")
export JACK_DEFAULT_SERVER="seqlang-drift-$$" JACK_NO_START_SERVER=1
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
jack_lsp >/dev/null 2>&1 || { echo "play-drift.sh: jackd did not start:" >&2; cat "$work/jackd.log" >&2; exit 1; }
jack_midi_dump > /dev/null 2>&1 &
dump_pid=$!
for _ in $(seq 1 50); do jack_lsp | grep -q '^midi-monitor:input$' && break; sleep 0.1; done

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
