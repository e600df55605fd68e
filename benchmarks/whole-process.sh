#!/usr/bin/env bash
# Whole-process wall time of the `seq` tool, as a user meets it: process start, parsing, checking,
# rendering and writing the file, in the Native AOT build that `dotnet publish src/SeqLang.Cli -c Release
# -r linux-x64 -o DIR` writes. Publishes that build into a temporary folder, then times each command
# (median of RUNS runs, after warm-up) with hyperfine if it is installed, else with a bash loop, and
# prints the medians next to the targets, the binary's size, and a side-by-side run against abc2midi; then runs
# signals.sh (values, signals and control lanes, issue 16) with the same binary and RUNS.
# Beside each median: the fastest run, the mean CPU time (user + system) and the minor page faults of one
# run (GNU /usr/bin/time), which on a virtual machine can cost more than the work itself.
#
#   bash benchmarks/whole-process.sh            RUNS=10 by default
#   RUNS=20 bash benchmarks/whole-process.sh    more runs on a noisy machine
#   SEQ=/path/to/seq bash benchmarks/whole-process.sh   time an existing build instead of publishing
#   bash benchmarks/whole-process.sh --strict   exit 1 when a target is missed or abc2midi is missing
#   NO_HYPERFINE=1 bash benchmarks/whole-process.sh   time with the bash loop even if hyperfine is there
#   NO_ABC2MIDI=1 bash benchmarks/whole-process.sh    leave out the abc2midi comparison
#   NO_SIGNALS=1 bash benchmarks/whole-process.sh     leave out signals.sh (values, signals and control lanes), run last
#
# The abc2midi comparison (needs `apt-get install -y abcmidi` and python3-mido):
#   What: `seq render three-track.seq --bars 2048` against `abc2midi three-track-2048.abc -o OUT.mid`,
#   the ABC tune written by inputs/three-track-abc.sh: the same music (drums on channel 10: kick on
#   every beat, snare on 2 and 4, 16 hats at 90/60/75/60 a beat; bass c2 e2 g2 c3 at 0.9 on channel 2,
#   program 38; the arpeggio [c4 e4 g4 b4]*4 at 0.5 on channel 1), 2,048 bars, 86,016 notes, every bar
#   written out (no repeat signs). abc2midi (Debian's abcmidi) is a C program that reads ABC text and
#   writes a Standard MIDI File, the nearest thing to `seq render` with a compiled language's start-up.
#   Before timing, both files are read with mido (compare-notes.py, not SeqLang's own reader) and the
#   run stops unless every channel has the same number of note-ons with the same pitches and velocities.
#   Timing: RUNS rounds; each round times each command once (hyperfine --runs 1, or the bash loop's
#   clock), seq first in even rounds and abc2midi first in odd ones, so that load which comes and goes
#   falls on both alike; 2 untimed runs of each first. Reported: both medians and minimums, the ratio of the
#   medians seq / abc2midi (target <= 1.0), and the median of the per-round ratios.
#   Fair: same notes, channels, programs, velocities, 480 ticks a beat, onsets (abc2midi's one tick later)
#   and lengths (abc2midi's one tick shorter); both write one file of ~0.7 MB and their messages go to
#   /dev/null. Not the same: abc2midi parses ~300 KB of written-out notes, seq 484 bytes whose patterns
#   it evaluates bar by bar (a lane with a known period is computed for one period and the rest moved
#   by whole cycles, see README.md: the period cache); seq writes 4 tracks (its three drum lanes share
#   one), abc2midi 6 (a tempo track and one a voice: ABC cannot give the notes of one chord different
#   velocities, so the drums are three voices); abc2midi is a small dynamically linked C program, seq
#   carries the .NET runtime (its GC, a helper thread) inside it. Neither does its work on more than
#   one core.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
inputs="$repo/benchmarks/inputs"
runs=${RUNS:-10}
strict=0
[ "${1:-}" = "--strict" ] && strict=1
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 5 ]; then echo "RUNS must be a number of at least 5 (medians of fewer are noise)" >&2; exit 2; fi

work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-bench.XXXXXX")
cleanup() { rm -rf "$work"; }
trap cleanup EXIT
trap 'exit 130' INT TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

. "$repo/benchmarks/native-seq.sh"
native_seq "$work" whole-process.sh

# The inputs are copied so that `seq render FILE` writes FILE.mid into the temporary folder.
cp "$inputs/three-track.seq" "$inputs/three-track-form.seq" "$inputs/four-bar.seq" "$inputs/five-thousand-lines.seq" "$work/"
cd "$work"

# Each command must succeed before it is timed: a failing command is fast and means nothing.
must_succeed() {
  local code=0
  "$@" > "$work/verify.out" 2> "$work/verify.err" || code=$?
  if [ "$code" != 0 ]; then
    echo "whole-process.sh: '$*' failed (exit $code):" >&2
    head -20 "$work/verify.err" >&2
    exit 1
  fi
}

# measure NAME COMMAND...: prints "MEDIAN MIN CPU" in milliseconds over RUNS runs: the median and the
# fastest wall time, and the mean user+system CPU time ("-" without hyperfine). On a shared machine
# the minimum and the CPU time move much less with other load than the median does.
have_hyperfine() { [ -z "${NO_HYPERFINE:-}" ] && command -v hyperfine > /dev/null; }
measure() {
  local name=$1; shift
  if have_hyperfine; then
    hyperfine --runs "$runs" --warmup 2 -N --style none --export-json "$work/$name.json" -- "$*" > /dev/null 2>&1 || {
      echo "whole-process.sh: hyperfine failed on '$*'" >&2; exit 1; }
    # hyperfine reports seconds; the JSON holds one result, so the first of each field is ours.
    field() { grep -o "\"$1\": *[0-9.eE+-]*" "$work/$name.json" | head -1 | sed 's/.*: *//'; }
    awk -v m="$(field median)" -v n="$(field min)" -v u="$(field user)" -v s="$(field system)" \
      'BEGIN { printf "%.1f %.1f %.1f\n", m * 1000, n * 1000, (u + s) * 1000 }'
  else
    local i start end
    for i in 1 2; do "$@" > /dev/null 2>&1; done
    : > "$work/$name.times"
    for ((i = 0; i < runs; i++)); do
      start=$(date +%s%N); "$@" > /dev/null 2>&1; end=$(date +%s%N)
      echo $(((end - start) / 1000)) >> "$work/$name.times"
    done
    sort -n "$work/$name.times" | awk '{ a[NR] = $1 } END { m = (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2; printf "%.1f %.1f -\n", m / 1000, a[1] / 1000 }'
  fi
}

timer=$(have_hyperfine && echo "hyperfine $(hyperfine --version | awk '{print $2}')" || echo "bash loop (date +%s%N)")
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown CPU); .NET SDK $(dotnet --version 2>/dev/null || echo '?')"
echo "timer: $timer; median of $runs runs after 2 warm-up runs; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' + uncommitted changes' || true)"
size=$(stat -c %s "$seq")
kind="Native AOT"
[ -e "$(dirname "$seq")/seq.dll" ] && kind="NOT Native AOT: seq.dll beside it"
echo "binary: $seq, $(awk -v b="$size" 'BEGIN { printf "%.1f MB (%d bytes; MB = 2^20 bytes)", b / 1048576, b }') ($kind; target < 15 MB)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo

# faults COMMAND...: the minor page faults of one run (GNU time's %R), "-" without /usr/bin/time. Each is a
# fresh page the process touched (its heap, the file it writes); on a virtual machine they can cost more
# than the work, so they are printed beside the times.
faults() {
  if [ -x /usr/bin/time ]; then
    /usr/bin/time -f %R -o "$work/faults" "$@" > /dev/null 2>&1 && tail -1 "$work/faults" || echo -
  else
    echo -
  fi
}

# once CMD...: one wall time in microseconds.
once() {
  if have_hyperfine; then
    hyperfine --runs 1 -N --style none --export-json "$work/once.json" -- "$*" > /dev/null 2>&1 || {
      echo "whole-process.sh: hyperfine failed on '$*'" >&2; exit 1; }
    grep -o '"median": *[0-9.eE+-]*' "$work/once.json" | head -1 | sed 's/.*: *//' | awk '{ printf "%d\n", $1 * 1e6 }'
  else
    local start end
    start=$(date +%s%N); "$@" > /dev/null 2>&1; end=$(date +%s%N)
    echo $(((end - start) / 1000))
  fi
}

declare -A ms low cpu flt
record() { # record KEY NAME COMMAND...
  local key=$1 result; shift
  result=$(measure "$@")
  read -r ms[$key] low[$key] cpu[$key] <<< "$result"
  shift
  flt[$key]=$(faults "$@")
}
bars_list=(2500 5000 10000 20000)
for bars in "${bars_list[@]}"; do
  must_succeed "$seq" render three-track.seq --bars "$bars"
  record "render$bars" "render$bars" "$seq" render three-track.seq --bars "$bars"
done

# The same music over a looping form and generated harmony, its bass and arpeggio following the chords:
# what form and harmony cost (the issue allows them 10 % on the 10,000-bar render).
must_succeed "$seq" render three-track-form.seq --bars 10000
record form form "$seq" render three-track-form.seq --bars 10000

must_succeed "$seq" check five-thousand-lines.seq
record check check "$seq" check five-thousand-lines.seq

# four-bar.seq ends after 4 bars by its form. Should the form be ignored (the piece would then be
# capped at 60 minutes), time the 4-bar render with --bars 4 instead, and say so.
four_bar_command=("$seq" render four-bar.seq)
four_bar_label="seq render four-bar.seq"
must_succeed "$seq" render four-bar.seq -o by-form.mid
must_succeed "$seq" render four-bar.seq --bars 4 -o by-bars.mid
if ! cmp -s by-form.mid by-bars.mid; then
  echo "note: 'seq render four-bar.seq' did not stop after the form's 4 bars; timing it with --bars 4"
  four_bar_command=("$seq" render four-bar.seq --bars 4)
  four_bar_label="seq render four-bar.seq --bars 4"
fi
record four four "${four_bar_command[@]}"

# Start-up alone: the process starts, prints its version and exits.
must_succeed "$seq" --version
record version version "$seq" --version

# What form and harmony cost, judged on rounds that time the plain and the form render one after the other (the
# issue allows them 10 %): the two medians above come from runs seconds apart, and a moment of load on this
# shared machine moves one and not the other. The verdict is on the median of the per-round ratios.
: > "$work/form-pairs"
for ((i = 0; i < runs; i++)); do
  plain_us=$(once "$seq" render three-track.seq --bars 10000)
  form_us=$(once "$seq" render three-track-form.seq --bars 10000)
  echo "$plain_us $form_us" >> "$work/form-pairs"
done
form_ratio=$(awk '{ print $2 / $1 }' "$work/form-pairs" | sort -g | awk '{ r[NR] = $1 } END { print (NR % 2) ? r[(NR + 1) / 2] : (r[NR / 2] + r[NR / 2 + 1]) / 2 }')
load_mid=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')

# verdict MEDIAN_MS TARGET_MS
verdict() { awk -v m="$1" -v t="$2" 'BEGIN { print (m <= t) ? "ok" : "MISSED" }'; }
missed=0
row() { # row KEY LABEL TARGET_MS|- NOTE
  local status=""
  if [ "$3" != "-" ]; then status=$(verdict "${ms[$1]}" "$3"); [ "$status" = MISSED ] && missed=1; status="$status (<= $3 ms)"; fi
  printf '%-46s %9s ms %9s ms %9s ms %7s   %-18s %s\n' "$2" "${ms[$1]}" "${low[$1]}" "${cpu[$1]}" "${flt[$1]}" "$status" "$4"
}
notes_per_s() { awk -v b="$1" -v m="$2" 'BEGIN { printf "%.2fM notes/s", 42 * b / (m / 1000) / 1e6 }'; }

printf '%-46s %12s %12s %12s %7s   %-18s %s\n' "command" "median" "min" "cpu (mean)" "faults" "target" "notes/s (42 x bars / median)"
for bars in "${bars_list[@]}"; do
  target=-; [ "$bars" = 10000 ] && target=100
  row "render$bars" "seq render three-track.seq --bars $bars" "$target" "$(notes_per_s "$bars" "${ms[render$bars]}")"
done
row form "seq render three-track-form.seq --bars 10000" - "$(awk -v f="${ms[form]}" -v p="${ms[render10000]}" 'BEGIN { printf "form and harmony: %+.1f%% against the same music without", (f / p - 1) * 100 }')"
form_status=$(awk -v r="$form_ratio" 'BEGIN { print (r <= 1.10) ? "ok" : "MISSED" }'); [ "$form_status" = MISSED ] && missed=1
printf '%-46s %s\n' "  form against plain, alternating rounds" "$(awk -v r="$form_ratio" -v n="$runs" -v s="$form_status" 'BEGIN { printf "%+.1f%%, median of %d per-round ratios   %s (<= +10%%)", (r - 1) * 100, n, s }')"
row check "seq check five-thousand-lines.seq" 60 ""
row four "$four_bar_label" 15 ""
row version "seq --version" 10 ""
echo "load average (1, 5, 15 min): $load_before before, $load_mid after; above $(nproc) the medians include waiting for the CPU"
echo "faults: minor page faults of one run (GNU time); cpu: user + system time, which waiting for the CPU does not add to"

echo
# Linear scaling: a least-squares line through the four renders. The slope is the cost of 1,000 more
# bars; the intercept is what every run pays once (process start, compile, writing the file's head).
for bars in "${bars_list[@]}"; do echo "$bars ${ms[render$bars]}"; done | awk '
  { x[NR] = $1 / 1000; y[NR] = $2; sx += x[NR]; sy += y[NR] }
  END {
    n = NR; mx = sx / n; my = sy / n
    for (i = 1; i <= n; i++) { sxy += (x[i] - mx) * (y[i] - my); sxx += (x[i] - mx) ^ 2 }
    slope = sxy / sxx; icpt = my - slope * mx
    for (i = 1; i <= n; i++) { fit = icpt + slope * x[i]; if (y[i] > 0) { r = (y[i] - fit) / y[i]; if (r < 0) r = -r; if (r > worst) worst = r } }
    printf "scaling: %.1f ms per 1,000 bars (least-squares slope), %.1f ms fixed cost per run; worst deviation from the line %.1f%%\n", slope, icpt, worst * 100
    printf "marginal rate: %.2fM notes/s (42,000 notes per %.1f ms)\n", 42 / slope, slope
    for (i = 1; i <= n; i++) printf "  %6d bars: %.1f ms per 1,000 bars including start-up\n", x[i] * 1000, y[i] / x[i]
  }'

# ---- Side by side with abc2midi at 2,048 bars (see the header for what is compared and how) ----
abc_bars=2048
echo
if [ -n "${NO_ABC2MIDI:-}" ]; then
  echo "abc2midi comparison: left out (NO_ABC2MIDI set)"
elif ! command -v abc2midi > /dev/null; then
  echo "abc2midi comparison: SKIPPED, abc2midi is not installed (apt-get install -y abcmidi)"
  missed=1
else
  py=""
  for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" > /dev/null && "$candidate" -c 'import mido' 2> /dev/null; then py=$candidate; break; fi
  done
  [ -n "$py" ] || { echo "whole-process.sh: the abc2midi comparison needs python3 with mido (apt-get install -y python3-mido)" >&2; exit 1; }
  bash "$inputs/three-track-abc.sh" "$abc_bars" > three-track-$abc_bars.abc
  seq_command=("$seq" render three-track.seq --bars "$abc_bars")
  abc_command=(abc2midi "three-track-$abc_bars.abc" -o "three-track-$abc_bars-abc.mid")
  must_succeed "${seq_command[@]}"
  must_succeed "${abc_command[@]}"  # abc2midi exits 0 on bad input too: the comparison below is the check
  echo "abc2midi comparison, $abc_bars bars: '${seq_command[*]##*/}' against '${abc_command[*]}'"
  echo "input: three-track.seq, $(stat -c %s three-track.seq) bytes; three-track-$abc_bars.abc, $(stat -c %s "three-track-$abc_bars.abc") bytes ($(abc2midi -ver 2>&1 | head -1))"
  echo "output: three-track.mid $(stat -c %s three-track.mid) bytes; three-track-$abc_bars-abc.mid $(stat -c %s "three-track-$abc_bars-abc.mid") bytes"
  if ! "$py" "$repo/benchmarks/compare-notes.py" three-track.mid "three-track-$abc_bars-abc.mid"; then
    echo "whole-process.sh: seq and abc2midi did NOT write the same music; no times compared" >&2
    exit 1
  fi

  for i in 1 2; do "${seq_command[@]}" > /dev/null 2>&1; "${abc_command[@]}" > /dev/null 2>&1; done
  load_abc=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
  : > "$work/pairs"
  for ((i = 0; i < runs; i++)); do
    if ((i % 2 == 0)); then s=$(once "${seq_command[@]}"); a=$(once "${abc_command[@]}")
    else a=$(once "${abc_command[@]}"); s=$(once "${seq_command[@]}"); fi
    echo "$s $a" >> "$work/pairs"
  done
  median_of() { sort -n | awk '{ a[NR] = $1 } END { printf "%.3f\n", (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
  seq_med=$(awk '{ print $1 / 1000 }' "$work/pairs" | median_of)
  abc_med=$(awk '{ print $2 / 1000 }' "$work/pairs" | median_of)
  seq_min=$(awk '{ print $1 / 1000 }' "$work/pairs" | sort -n | head -1)
  abc_min=$(awk '{ print $2 / 1000 }' "$work/pairs" | sort -n | head -1)
  pair_ratio=$(awk '{ print $1 / $2 }' "$work/pairs" | median_of)
  ratio=$(awk -v s="$seq_med" -v a="$abc_med" 'BEGIN { printf "%.2f", s / a }')
  status=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.0) ? "ok" : "MISSED" }')
  [ "$status" = MISSED ] && missed=1
  printf '%-46s %12s %12s %7s\n' "" "median" "min" "faults"
  printf '%-46s %9.1f ms %9.1f ms %7s   (%d alternating rounds, timer: %s)\n' "seq render three-track.seq --bars $abc_bars" "$seq_med" "$seq_min" "$(faults "${seq_command[@]}")" "$runs" "$timer"
  printf '%-46s %9.1f ms %9.1f ms %7s\n' "abc2midi three-track-$abc_bars.abc" "$abc_med" "$abc_min" "$(faults "${abc_command[@]}")"
  printf 'ratio seq / abc2midi (medians): %s   %s (<= 1.0); median of the per-round ratios %.2f\n' "$ratio" "$status" "$pair_ratio"
  echo "load average (1, 5, 15 min): $load_abc before the comparison, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') after"
fi

# ---- Values, signals and control lanes (SPEC §12-13): signals.sh with this binary and RUNS ----
echo
if [ -n "${NO_SIGNALS:-}" ]; then
  echo "signals: left out (NO_SIGNALS set)"
else
  # signals.sh --strict exits 1 when its ratio target is missed, 3 when the sweep sends more than its changes.
  signals_code=0
  SEQ="$seq" RUNS="$runs" bash "$repo/benchmarks/signals.sh" --strict || signals_code=$?
  case "$signals_code" in
    0) ;;
    1) missed=1 ;;
    *) echo "whole-process.sh: signals.sh failed (exit $signals_code)" >&2; exit 1 ;;
  esac
fi

if [ "$missed" = 1 ]; then
  echo
  echo "at least one target was MISSED (see benchmarks/README.md for the breakdown and likely causes)"
  [ "$strict" = 1 ] && exit 1
fi
exit 0
