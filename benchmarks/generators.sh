#!/usr/bin/env bash
# What generators (SPEC §15) cost a whole `seq render`, with the Native AOT seq (SEQ=/path/to/seq, else published
# into a temporary folder): three-track.seq (the plain benchmark piece) against three-track-generators.seq (the same
# five lanes, each from a generator, plus an L-system lane) at BARS=10000, RUNS rounds in rotating order, medians and
# their ratio (issue 17's target: at most 2); then the first bar of --from 9000 (`--from 9000 --bars 1`) against
# `--bars 1` from bar 0, whose difference is the walk from bar 0 (target: under 50 ms on top of start-up).
#   bash benchmarks/generators.sh            RUNS=11
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
inputs="$repo/benchmarks/inputs"
runs=${RUNS:-11}
bars=${BARS:-10000}
work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-generators.XXXXXX")
trap 'rm -rf "$work"' EXIT
. "$repo/benchmarks/native-seq.sh"
native_seq "$work" generators.sh
seq_bin=$seq
ms() { local s e; s=$(date +%s%N); "$@" > /dev/null; e=$(date +%s%N); echo $(( (e - s) / 1000 )); }
median() { sort -n | awk '{a[NR]=$1} END {m=(NR%2)?a[(NR+1)/2]:(a[NR/2]+a[NR/2+1])/2; printf "%.1f", m/1000}'; }
declare -A times
names=(plain generators from0 from9000)
run() {
  case $1 in
    plain) ms "$seq_bin" render "$inputs/three-track.seq" -o "$work/p.mid" --bars "$bars" -q ;;
    generators) ms "$seq_bin" render "$inputs/three-track-generators.seq" -o "$work/g.mid" --bars "$bars" -q ;;
    from0) ms "$seq_bin" render "$inputs/three-track-generators.seq" -o "$work/f0.mid" --bars 1 -q ;;
    from9000) ms "$seq_bin" render "$inputs/three-track-generators.seq" -o "$work/f9.mid" --from 9000 --bars 1 -q ;;
  esac
}
for n in "${names[@]}"; do run "$n" > /dev/null; run "$n" > /dev/null; done
for ((r = 0; r < runs; r++)); do
  for ((i = 0; i < ${#names[@]}; i++)); do
    n=${names[$(( (i + r) % ${#names[@]} ))]}
    times[$n]+="$(run "$n") "
  done
done
echo "generators.sh: $seq_bin; $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$repo" rev-parse --short HEAD); load $(cut -d' ' -f1-3 /proc/loadavg)"
for n in "${names[@]}"; do printf '%-12s median %8s ms\n' "$n" "$(tr ' ' '\n' <<< "${times[$n]}" | grep . | median)"; done
p=$(tr ' ' '\n' <<< "${times[plain]}" | grep . | median); g=$(tr ' ' '\n' <<< "${times[generators]}" | grep . | median)
f0=$(tr ' ' '\n' <<< "${times[from0]}" | grep . | median); f9=$(tr ' ' '\n' <<< "${times[from9000]}" | grep . | median)
awk -v p="$p" -v g="$g" -v a="$f0" -v b="$f9" 'BEGIN { printf "ratio generators/plain at %s bars: %.2f (target <= 2)\n--from 9000 first bar: %.1f ms, %.1f ms over the first bar from 0 (target < 50 ms over start-up)\n", '"$bars"', g / p, b, b - a }'
