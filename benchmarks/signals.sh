#!/usr/bin/env bash
# What values, signals and control lanes (SPEC §12-13) cost a whole `seq render`, and whether a stepped lane
# sends only changes. Two parts, with the Native AOT `seq` (SEQ=/path/to/seq, else published into a temporary
# folder as whole-process.sh does); whole-process.sh runs this script at its end with its own binary.
#
#   bash benchmarks/signals.sh              RUNS=10 rounds, BARS=10000
#   SEQ=/tmp/aot/seq RUNS=15 bash benchmarks/signals.sh
#   bash benchmarks/signals.sh --strict     exit 1 when the ratio misses 1.5
#
# (a) Signals on every lane. `seq render three-track.seq --bars 10000` (the benchmark piece, 42 notes a bar)
#     against `three-track-signals.seq`: the same five lanes, each with a signal (kick `vel sine 60..120 over 4
#     bars`, snare `prob saw 0.5..1`, hat `vel "90 60 75 60" * tri 0.8..1.2 over 2 bars`, bass `legato tri
#     0.5..1 over 4 bars`, arpeggio `vel rand 40..110`), and `three-track-signals-lanes.seq`: that plus three
#     stepped control lanes (`cc 74 saw 0..127 over 64 bars step 1/64`, `bend tri -0.5..0.5 step 1/16`, `touch
#     sine 0..127 over 8 bars`, the default step 1/32), each read at every step of 10,000 bars; and, as a control,
#     `three-track-random.seq`: randomness and no signal (`prob 0.75` on the snare, `prob 0.99999` on the
#     arpeggio), which like the signal piece leaves those two lanes without a period, so that the event stream
#     computes them bar by bar instead of once a period. RUNS rounds, each
#     timing the four once (hyperfine --runs 1, or the bash loop's clock) in an order that rotates every round,
#     so that load which comes and goes falls on all alike; 2 untimed runs of each first. Reported: medians,
#     minimums, the median CPU time (user + system), the ratio of the medians to plain (target for
#     three-track-signals.seq: <= 1.5), the median of the per-round ratios and the ratio of the CPU medians; and each file's note-ons and other channel messages (program, controllers, bends,
#     pressure: "controls"), counted by midicsv (prob drops
#     about a quarter of the snares, so the signal piece has fewer notes to write).
# (b) A stepped sweep alone. `seq render cc-sweep.seq --bars 10000`, whose one lane is `cc 74 saw 0..127 over 64
#     bars step 1/64`: 640,000 reads. count-steps.py reads the file with mido and stops the run unless its CC 74
#     messages are exactly the value changes it computes itself in exact fractions (128 per 64-bar period),
#     one message per changed value and none for a held one. Then the render's median of RUNS runs.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
inputs="$repo/benchmarks/inputs"
runs=${RUNS:-10}
bars=${BARS:-10000}
strict=0
[ "${1:-}" = "--strict" ] && strict=1
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 5 ]; then echo "RUNS must be a number of at least 5 (medians of fewer are noise)" >&2; exit 2; fi
if ! [[ "$bars" =~ ^[0-9]+$ ]] || [ "$bars" -lt 1 ]; then echo "BARS must be a positive number" >&2; exit 2; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-signals.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

. "$repo/benchmarks/native-seq.sh"
native_seq "$work" signals.sh

py=""
for candidate in /usr/bin/python3 python3; do
  if command -v "$candidate" > /dev/null && "$candidate" -c 'import mido' 2> /dev/null; then py=$candidate; break; fi
done
[ -n "$py" ] || { echo "signals.sh: needs python3 with mido (apt-get install -y python3-mido)" >&2; exit 1; }
command -v midicsv > /dev/null || { echo "signals.sh: needs midicsv (apt-get install -y midicsv)" >&2; exit 1; }

cp "$inputs/three-track.seq" "$inputs/three-track-signals.seq" "$inputs/three-track-signals-lanes.seq" "$inputs/three-track-random.seq" \
  "$inputs/cc-sweep.seq" "$work/"
cd "$work"

must_succeed() {
  local code=0
  "$@" > "$work/verify.out" 2> "$work/verify.err" || code=$?
  if [ "$code" != 0 ]; then
    echo "signals.sh: '$*' failed (exit $code):" >&2
    head -20 "$work/verify.err" >&2
    exit 1
  fi
}
have_hyperfine() { [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine > /dev/null; }
timer=$(have_hyperfine && echo "hyperfine $(hyperfine --version | awk '{print $2}')" || echo "bash loop (date +%s%N)")
# once CMD...: one run's wall time and CPU time (user + system) in microseconds; the CPU time is 0 without hyperfine.
# On the shared machine the CPU time moves much less with other load than the wall time does.
once() {
  if have_hyperfine; then
    hyperfine --runs 1 -N --style none --export-json "$work/once.json" -- "$*" > /dev/null 2>&1 || {
      echo "signals.sh: hyperfine failed on '$*'" >&2; exit 1; }
    field() { grep -o "\"$1\": *[0-9.eE+-]*" "$work/once.json" | head -1 | sed 's/.*: *//'; }
    awk -v m="$(field median)" -v u="$(field user)" -v s="$(field system)" 'BEGIN { printf "%d %d\n", m * 1e6, (u + s) * 1e6 }'
  else
    local start end
    start=$(date +%s%N); "$@" > /dev/null 2>&1; end=$(date +%s%N)
    echo "$(((end - start) / 1000)) 0"
  fi
}
median_of() { sort -n | awk '{ a[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
# counts FILE.mid: "NOTE_ONS CONTROLS", channel messages read by midicsv: note-ons, and every channel message that is
# not a note's (program, controllers, pitch bend, pressure).
counts() {
  midicsv "$1" | awk -F', *' '
    $3 == "Note_on_c" || $3 == "Note_off_c" { if ($3 == "Note_on_c" && $6 > 0) on++; next }
    $3 ~ /_c$/ { other++ }
    END { printf "%d %d\n", on, other }'
}

echo "signals.sh: $seq; $(date -u '+%Y-%m-%d %H:%M UTC'); commit $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?'); timer: $timer"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# ---- (a) the benchmark piece plain, with a signal on every lane, and with stepped control lanes too ----
files=(three-track.seq three-track-signals.seq three-track-signals-lanes.seq three-track-random.seq)
n=${#files[@]}
declare -A on other
for ((i = 0; i < n; i++)); do
  must_succeed "$seq" render "${files[$i]}" --bars "$bars"
  read -r on[$i] other[$i] <<< "$(counts "${files[$i]%.seq}.mid")"
done
for ((i = 0; i < n; i++)); do for _ in 1 2; do "$seq" render "${files[$i]}" --bars "$bars" > /dev/null 2>&1; done; done
: > "$work/rounds"
for ((r = 0; r < runs; r++)); do
  declare -a t=()
  for ((j = 0; j < n; j++)); do
    i=$(((r + j) % n))
    t[$i]=$(once "$seq" render "${files[$i]}" --bars "$bars")
  done
  # A round's line: wall and CPU time of each file, in the order of files.
  echo "${t[*]}" >> "$work/rounds"
done
load_mid=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo
echo "(a) seq render FILE --bars $bars: $runs rounds, each timing the $n once in rotating order"
printf '%-34s %10s %10s %10s %9s %9s   %s\n' "file" "median" "min" "cpu (med)" "note-ons" "controls" "ratio to plain: of medians, median per round; of CPU medians"
missed=0
for ((i = 0; i < n; i++)); do
  col=$((2 * i + 1))
  med[$i]=$(awk -v c=$col '{ print $c / 1000 }' "$work/rounds" | median_of)
  low=$(awk -v c=$col '{ print $c / 1000 }' "$work/rounds" | sort -n | head -1)
  cpu[$i]=$(awk -v c=$((col + 1)) '{ print $c / 1000 }' "$work/rounds" | median_of)
  ratio_note=""
  if [ "$i" != 0 ]; then
    ratio=$(awk -v s="${med[$i]}" -v p="${med[0]}" 'BEGIN { printf "%.2f", s / p }')
    per_round=$(awk -v c=$col '{ print $c / $1 }' "$work/rounds" | median_of)
    cpu_ratio=$(awk -v s="${cpu[$i]}" -v p="${cpu[0]}" 'BEGIN { printf (p > 0) ? "%.2f" : "-", s / (p > 0 ? p : 1) }')
    ratio_note=$(printf '%s, %.2f; cpu %s' "$ratio" "$per_round" "$cpu_ratio")
    if [ "$i" = 1 ]; then
      status=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.5) ? "ok" : "MISSED" }')
      [ "$status" = MISSED ] && missed=1
      ratio_note="$ratio_note   $status (<= 1.5, of medians)"
    fi
  fi
  printf '%-34s %7.1f ms %7.1f ms %7.1f ms %9d %9d   %s\n' "${files[$i]}" "${med[$i]}" "$low" "${cpu[$i]}" "${on[$i]}" "${other[$i]}" "$ratio_note"
done
echo "load average (1, 5, 15 min): $load_before before, $load_mid after"

# ---- (b) a stepped sweep: one message per changed value ----
echo
echo "(b) seq render cc-sweep.seq --bars $bars (cc 74 saw 0..127 over 64 bars step 1/64)"
must_succeed "$seq" render cc-sweep.seq --bars "$bars"
if ! "$py" "$repo/benchmarks/count-steps.py" cc-sweep.mid "$bars"; then
  echo "signals.sh: the sweep does not send exactly one message per changed value; not timed" >&2
  exit 3
fi
for _ in 1 2; do "$seq" render cc-sweep.seq --bars "$bars" > /dev/null 2>&1; done
: > "$work/sweep"
for ((r = 0; r < runs; r++)); do once "$seq" render cc-sweep.seq --bars "$bars" >> "$work/sweep"; done
sweep_med=$(awk '{ print $1 / 1000 }' "$work/sweep" | median_of)
sweep_min=$(awk '{ print $1 / 1000 }' "$work/sweep" | sort -n | head -1)
sweep_cpu=$(awk '{ print $2 / 1000 }' "$work/sweep" | median_of)
printf 'render time: median %.1f ms, min %.1f ms, cpu (median) %.1f ms (%d runs); file %d bytes\n' "$sweep_med" "$sweep_min" "$sweep_cpu" "$runs" "$(stat -c %s cc-sweep.mid)"
echo "load average (1, 5, 15 min): $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') after"

if [ "$missed" = 1 ]; then
  echo
  echo "the signals target (three-track-signals.seq within 1.5x of three-track.seq) was MISSED"
  [ "$strict" = 1 ] && exit 1
fi
exit 0
