#!/usr/bin/env bash
# Whole-process wall time of the `seq` tool, as a user meets it: process start, precompiled (ReadyToRun)
# code, parsing, checking, rendering and writing the file. Publishes src/SeqLang.Cli in Release as
# `scripts/install-tool.sh --native` does (see BUILD below) into a temporary folder, then times each command (median of RUNS runs, after warm-up)
# with hyperfine if it is installed, else with a bash loop, and prints the medians next to the targets.
#
#   bash benchmarks/whole-process.sh            RUNS=10 by default
#   RUNS=20 bash benchmarks/whole-process.sh    more runs on a noisy machine
#   SEQ=/path/to/seq bash benchmarks/whole-process.sh   time an existing build instead of publishing
#   bash benchmarks/whole-process.sh --strict   exit 1 when a target is missed
#   NO_HYPERFINE=1 bash benchmarks/whole-process.sh   time with the bash loop even if hyperfine is there
#   BUILD=framework bash benchmarks/whole-process.sh  time the framework-dependent ReadyToRun build instead
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

if [ -n "${SEQ:-}" ]; then
  seq=$SEQ
  echo "timing $seq (SEQ set: not publishing)"
else
  # BUILD=native (default): what `scripts/install-tool.sh --native` installs, self-contained with the
  # runtime and every assembly precompiled together (ReadyToRun composite). BUILD=framework: the
  # framework-dependent ReadyToRun build, which JIT-compiles generic code over our types at run time.
  if [ "${BUILD:-native}" = framework ]; then
    publish_args=(--self-contained false -p:PublishReadyToRun=true)
  else
    publish_args=(--self-contained true -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true)
  fi
  echo "publishing src/SeqLang.Cli (Release, linux-x64, ${publish_args[*]}) ..."
  if ! dotnet publish "$repo/src/SeqLang.Cli" -c Release -r linux-x64 "${publish_args[@]}" \
        -o "$work/publish" -nologo -v q > "$work/publish.log" 2>&1; then
    cat "$work/publish.log" >&2
    echo "whole-process.sh: publish failed" >&2
    exit 1
  fi
  seq="$work/publish/seq"
fi
[ -x "$seq" ] || { echo "whole-process.sh: no executable at $seq" >&2; exit 1; }

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
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo 2>/dev/null | sed 's/.*: //' || echo unknown CPU); .NET $(dotnet --version 2>/dev/null || echo '?')"
echo "timer: $timer; median of $runs runs after 2 warm-up runs; $(date -u '+%Y-%m-%d %H:%M UTC')"
echo "commit: $(git -C "$repo" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$repo" status --porcelain --untracked-files=no 2>/dev/null | grep -q . && echo ' + uncommitted changes' || true)"
load_before=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
echo

declare -A ms low cpu
record() { # record KEY NAME COMMAND...
  local key=$1 result; shift
  result=$(measure "$@")
  read -r ms[$key] low[$key] cpu[$key] <<< "$result"
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

# verdict MEDIAN_MS TARGET_MS
verdict() { awk -v m="$1" -v t="$2" 'BEGIN { print (m <= t) ? "ok" : "MISSED" }'; }
missed=0
row() { # row KEY LABEL TARGET_MS|- NOTE
  local status=""
  if [ "$3" != "-" ]; then status=$(verdict "${ms[$1]}" "$3"); [ "$status" = MISSED ] && missed=1; status="$status (<= $3 ms)"; fi
  printf '%-42s %9s ms %9s ms %9s ms   %-18s %s\n' "$2" "${ms[$1]}" "${low[$1]}" "${cpu[$1]}" "$status" "$4"
}
notes_per_s() { awk -v b="$1" -v m="$2" 'BEGIN { printf "%.2fM notes/s", 42 * b / (m / 1000) / 1e6 }'; }

printf '%-42s %12s %12s %12s   %-18s %s\n' "command" "median" "min" "cpu (mean)" "target" "notes/s (42 x bars / median)"
for bars in "${bars_list[@]}"; do
  target=-; [ "$bars" = 10000 ] && target=400
  row "render$bars" "seq render three-track.seq --bars $bars" "$target" "$(notes_per_s "$bars" "${ms[render$bars]}")"
done
row form "seq render three-track-form.seq --bars 10000" - "$(awk -v f="${ms[form]}" -v p="${ms[render10000]}" 'BEGIN { printf "form and harmony: %+.1f%% against the same music without (<= +10%%)", (f / p - 1) * 100 }')"
row check "seq check five-thousand-lines.seq" 200 ""
row four "$four_bar_label" 150 ""
echo "load average (1, 5, 15 min): $load_before before, $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?') after; above $(nproc) the medians include waiting for the CPU"

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

if [ "$missed" = 1 ]; then
  echo
  echo "at least one target was MISSED (see benchmarks/README.md for the breakdown and likely causes)"
  [ "$strict" = 1 ] && exit 1
fi
exit 0
