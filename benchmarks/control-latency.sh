#!/usr/bin/env bash
# Control latency of live control (issue 6), under the `seq` tool's own runtime settings: RUNS runs of
# `SeqLang.Benchmarks --control-latency N` (N controller messages into a playing player, from each message's
# arrival to its effect), each run's line, then the medians of the runs' median, p99 and max.
#
#   bash benchmarks/control-latency.sh                 RUNS=5, N=300
#   RUNS=9 N=500 bash benchmarks/control-latency.sh
#
# The tool runs without tiered compilation (src/SeqLang.Cli/SeqLang.Cli.csproj), so the benchmark does too:
# under tiered compilation a method's promotion to optimised code pauses the process now and then (1-2 ms,
# measured), which `seq` never does. A benchmark, not a test: no figure fails it.
set -euo pipefail

repo=$(cd "$(dirname "$0")/.." && pwd)
runs=${RUNS:-5}
count=${N:-300}
if ! [[ "$runs" =~ ^[0-9]+$ ]] || [ "$runs" -lt 3 ]; then echo "RUNS must be a number of at least 3" >&2; exit 2; fi
if ! [[ "$count" =~ ^[0-9]+$ ]] || [ "$count" -lt 100 ]; then echo "N must be a number of at least 100" >&2; exit 2; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
echo "building benchmarks/SeqLang.Benchmarks (Release) ..."
dotnet build "$repo/benchmarks/SeqLang.Benchmarks" -c Release -nologo -v q >/dev/null
dll="$repo/benchmarks/SeqLang.Benchmarks/bin/Release/net10.0/SeqLang.Benchmarks.dll"

work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-control-latency.XXXXXX")
trap 'rm -rf "$work"' EXIT

echo "live control: $count messages a run (CC velocity scale and note mute), $runs runs, tiered compilation off as in seq"
for i in $(seq 1 "$runs"); do
  DOTNET_TieredCompilation=0 DOTNET_TieredPGO=0 dotnet "$dll" --control-latency "$count" > "$work/run$i.txt"
  echo "run $i: $(grep 'arrival to effect' "$work/run$i.txt" | sed 's/^ *//')"
  grep -E 'slowest|old velocity' "$work/run$i.txt" | sed 's/^ */       /'
done
python3 - "$work" "$runs" <<'PY'
import re, statistics, sys
figures = []
for i in range(1, int(sys.argv[2]) + 1):
    text = open(f"{sys.argv[1]}/run{i}.txt").read()
    m = re.search(r"median ([\d.]+) µs, p99 ([\d.]+) µs, max ([\d.]+) µs", text)
    figures.append(tuple(float(x) for x in m.groups()))
med = [statistics.median(f[k] for f in figures) for k in range(3)]
print("median of runs: median %.1f µs, p99 %.1f µs, max %.1f µs (largest max %.1f µs)" % (med[0], med[1], med[2], max(f[2] for f in figures)))
PY
