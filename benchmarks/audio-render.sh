#!/usr/bin/env bash
# Wall time of `seq render examples/demo.seq -o OUT.wav --bars 15` (SPEC §16, issue 18): 15 bars of the demo
# at 120 BPM in 4/4 are 30 s of music, plus the 2 s release tail, through FluidSynth with the default GM
# SoundFont (FluidR3_GM). Target: under 3 s (ten times real time). Also times the same render to .mid, so
# that what FluidSynth costs stands apart from start-up and the MIDI render, and checks that every run
# wrote the same bytes.
#
#   bash benchmarks/audio-render.sh               RUNS=7 by default, publishes the native seq first
#   SEQ=/path/to/seq bash benchmarks/audio-render.sh   time an existing build instead
#   BARS=60 bash benchmarks/audio-render.sh       a longer piece (2 s a bar)
#
# Needs libfluidsynth3 and fluid-soundfont-gm (apt-get install libfluidsynth3 fluid-soundfont-gm).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-7}
bars=${BARS:-15}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
if [ -z "${SEQ:-}" ]; then
  rid=$(dotnet --info 2>/dev/null | sed -nE 's/^ *RID: *(.*)$/\1/p' | head -1)
  dotnet publish src/SeqLang.Cli -c Release -r "${rid:-linux-x64}" -o "$work/native" -nologo >/dev/null
  SEQ="$work/native/seq"
fi

# time_runs NAME OUTPUT: RUNS timed runs after one untimed; prints the median and the minimum in seconds.
time_runs() {
  local name=$1 out=$2 times=()
  "$SEQ" render examples/demo.seq -o "$work/$out" --bars "$bars" -q
  local first; first=$(sha256sum < "$work/$out")
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s.%N)
    "$SEQ" render examples/demo.seq -o "$work/$out" --bars "$bars" -q
    end=$(date +%s.%N)
    times+=("$(echo "$end - $start" | bc -l)")
    [ "$(sha256sum < "$work/$out")" = "$first" ] || { echo "$name: a run wrote different bytes" >&2; exit 1; }
  done
  printf '%s\n' "${times[@]}" | sort -g | awk -v name="$name" -v n="$runs" '
    { t[NR] = $1 } END { m = (n % 2) ? t[(n + 1) / 2] : (t[n / 2] + t[n / 2 + 1]) / 2;
      printf "%-34s median %.3f s   min %.3f s   (%d runs, same bytes each run)\n", name, m, t[1], n }'
}

music=$(echo "$bars * 2" | bc)
echo "seq render examples/demo.seq --bars $bars: ${music} s of music + 2 s tail; $(nproc) cores; $(date -u +%F)"
time_runs "to .wav (FluidSynth, FluidR3_GM)" demo.wav
time_runs "to .mid (for comparison)" demo.mid
echo "wav: $(stat -c %s "$work/demo.wav") bytes; target: under 3 s for 30 s of music"
