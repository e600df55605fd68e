# Sourced by play-timing.sh and play-drift.sh: what both need before timing `seq play`.
#   - checks for jackd2, gcc with libjack's headers, python3 with mido, and librtmidi6;
#   - makes $work; publishes the Native AOT seq into $work/native (or takes SEQ, or SEQ_DLL run by dotnet)
#     into the array $seq_cmd;
#   - compiles benchmarks/jack-arrivals.c into $work/jack-arrivals, the receiver that writes every message
#     with its JACK frame time;
#   - starts a private JACK dummy-driver server ($rate Hz, $period-frame periods, --no-realtime unless
#     REALTIME=1), its log in $work/jackd.log;
#   - defines render_ideal BARS, which writes `seq render`'s file of the same bars to $work/ideal.mid, and
#     timed_run LABEL BARS, which starts the receiver (port midi-monitor:input), plays BARS bars with
#     --timing-report (the seq process's wall time in $play_seconds), stops the receiver and prints the run's
#     row (play-arrivals.py), counting the runs whose messages differ from the render, and
#     report_differences, which says so at the end and exits 3;
#   - stops the receiver and jackd (SIGTERM) and removes $work on exit (KEEP_WORK=1 keeps it).
# Expects $repo, $piece and $script (the caller's name, for messages).
#
# PROBE=1 (play-drift.sh's default) also watches each run for stalls: vcpu-canary.c (a SCHED_FIFO 50 thread
# per CPU, below seq's clock thread, that notes every wake more than 300 µs late) and stall-sidecar.py (the clock thread's schedstat, state,
# CPU, policy and /proc/stat, every 5 ms), then stall-windows.py prints what they saw around the latest sends.
# The canaries take a few µs each millisecond from everything but seq's clock thread. TRACE=1 (root,
# with PROBE=1) also records kernel events (scheduler switches and wake-ups, timer interrupts, irqs, softirqs)
# in a tracefs instance; the canary saves its buffer after a wake 4 ms late, and stall-trace.py says for those
# stalls whether the CPU took no interrupt (the vCPU did not run) or ran another task in the kernel.
#
# Settings: PERIOD (frames, 256 by default: 5.33 ms, which a --no-realtime server on the shared 2-core machine
# keeps up with better than 64), REALTIME=1 (jackd and its clients' process threads with real-time
# scheduling), SEQ=/path/to/seq (an existing native binary), SEQ_DLL=/path/to/seq.dll (a JIT build, run
# with dotnet), KEEP_WORK=1.
rate=48000
period=${PERIOD:-256}
if ! [[ "$period" =~ ^[0-9]+$ ]] || [ "$period" -lt 16 ]; then echo "$script: PERIOD must be a number of frames (16 or more)" >&2; exit 2; fi

for tool in jackd jack_lsp gcc; do
  command -v "$tool" >/dev/null || { echo "$script: $tool is missing; apt-get install -y jackd2 gcc libjack-jackd2-dev librtmidi6 python3-mido" >&2; exit 1; }
done
[ -f /usr/include/jack/jack.h ] || { echo "$script: libjack's headers are missing; apt-get install -y libjack-jackd2-dev" >&2; exit 1; }
# The Debian mido is for the system python3; a python3 earlier on PATH (pyenv) may not have it.
py=""
for candidate in python3 /usr/bin/python3; do
  if command -v "$candidate" >/dev/null && "$candidate" -c 'import mido' 2>/dev/null; then py=$candidate; break; fi
done
[ -n "$py" ] || { echo "$script: needs python3 with mido (apt-get install -y python3-mido)" >&2; exit 1; }

work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-${script%.sh}.XXXXXX")
export JACK_DEFAULT_SERVER="seqlang-${script%.sh}-$$" JACK_NO_START_SERVER=1
jackd_pid=""; receiver_pid=""; seq_pid=""; canary_pid=""; sidecar_pid=""
probe=${PROBE:-0}
trace_instance=""; mounted_tracefs=""
cleanup() {
  for instance in ${trace_instance:+"$trace_instance-a" "$trace_instance-b"}; do
    echo 0 > "$instance/tracing_on" 2>/dev/null || true; rmdir "$instance" 2>/dev/null || true
  done
  # tracefs is left as it was found.
  if [ -n "$mounted_tracefs" ]; then umount /sys/kernel/tracing 2>/dev/null || true; fi
  for p in "$seq_pid" "$sidecar_pid" "$canary_pid"; do
    if [ -n "$p" ]; then kill -TERM "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; fi
  done
  if [ -n "$receiver_pid" ]; then kill -TERM "$receiver_pid" 2>/dev/null || true; wait "$receiver_pid" 2>/dev/null || true; fi
  if [ -n "$jackd_pid" ]; then kill -TERM "$jackd_pid" 2>/dev/null || true; wait "$jackd_pid" 2>/dev/null || true; fi
  if [ "${KEEP_WORK:-}" = 1 ]; then echo "kept $work"; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -n "${SEQ:-}" ]; then
  [ -x "$SEQ" ] || { echo "$script: SEQ=$SEQ is not an executable" >&2; exit 1; }
  seq_cmd=("$SEQ")
elif [ -n "${SEQ_DLL:-}" ]; then
  seq_cmd=(dotnet "$SEQ_DLL")
else
  # The program users get: Native AOT (<PublishAot> in the project). -r makes the project's RID-only settings
  # apply (the player's JIT warm-up left out), as in whole-process.sh.
  echo "publishing src/SeqLang.Cli (Release, linux-x64, Native AOT) ..."
  if ! dotnet publish "$repo/src/SeqLang.Cli" -c Release -r linux-x64 -o "$work/native" -nologo -v q > "$work/publish.log" 2>&1; then
    cat "$work/publish.log" >&2; echo "$script: publish failed" >&2; exit 1
  fi
  # A framework-dependent publish would also write seq.dll: then this is not the native program.
  [ -x "$work/native/seq" ] && [ ! -e "$work/native/seq.dll" ] || { echo "$script: the publish did not write a native seq" >&2; exit 1; }
  seq_cmd=("$work/native/seq")
fi
echo "timing: ${seq_cmd[*]}"

gcc -O2 -Wall -o "$work/jack-arrivals" "$repo/benchmarks/jack-arrivals.c" -ljack -lpthread
canary_trace=()
if [ "$probe" = 1 ]; then
  gcc -O2 -Wall -o "$work/vcpu-canary" "$repo/benchmarks/vcpu-canary.c" -lpthread
  if [ "${TRACE:-}" = 1 ]; then
    if [ ! -d /sys/kernel/tracing/instances ]; then mount -t tracefs nodev /sys/kernel/tracing; mounted_tracefs=1; fi
    # Two instances recording the same events: the canary copies one while the other goes on.
    trace_instance=/sys/kernel/tracing/instances/seqlang-$$
    for instance in "$trace_instance-a" "$trace_instance-b"; do
      mkdir "$instance"
      echo mono > "$instance/trace_clock"
      echo 3072 > "$instance/buffer_size_kb"
      for event in sched/sched_switch sched/sched_wakeup irq_vectors/local_timer_entry timer/hrtimer_expire_entry irq/irq_handler_entry irq/softirq_entry; do
        echo 1 > "$instance/events/$event/enable"
      done
      echo 1 > "$instance/tracing_on"
    done
    canary_trace=("$trace_instance-a:$trace_instance-b" 4000)
  fi
fi

jackd_args=(--no-realtime)
[ "${REALTIME:-}" = 1 ] && jackd_args=(--realtime)
jackd -n "$JACK_DEFAULT_SERVER" "${jackd_args[@]}" -d dummy -r "$rate" -p "$period" > "$work/jackd.log" 2>&1 &
jackd_pid=$!
for _ in $(seq 1 100); do jack_lsp >/dev/null 2>&1 && break; sleep 0.1; done
jack_lsp >/dev/null 2>&1 || { echo "$script: jackd did not start:" >&2; cat "$work/jackd.log" >&2; exit 1; }
period_ms=$(awk -v p="$period" -v r="$rate" 'BEGIN { printf "%.2f", p * 1000 / r }')
server="JACK dummy, $rate Hz, $period frames = $period_ms ms, ${jackd_args[0]#--}"

differ_xrun=0; differ_clean=0

render_ideal() {
  "${seq_cmd[@]}" render "$piece" --bars "$1" -o "$work/ideal.mid" --quiet
}

xrun_lines() { grep -ci xrun "$work/jackd.log" || true; }
load1() { cut -d' ' -f1 /proc/loadavg; }

# timed_run LABEL BARS [--header]: one playback into a fresh receiver, its row printed.
timed_run() {
  local label=$1 bars=$2 header=${3:-} before after load_before rc=0
  "$work/jack-arrivals" "$work/arrivals-$label.txt" &
  receiver_pid=$!
  for _ in $(seq 1 50); do jack_lsp | grep -q '^midi-monitor:input$' && break; sleep 0.1; done
  jack_lsp | grep -q '^midi-monitor:input$' || { echo "$script: the receiver's port did not appear" >&2; exit 1; }
  # Let the graph settle after the receiver joined, so its own start is not counted as the run's xrun.
  sleep 0.5
  before=$(xrun_lines); load_before=$(load1)
  if [ "$probe" = 1 ]; then "$work/vcpu-canary" "$work/canary-$label.txt" 1000 300 "${canary_trace[@]}" & canary_pid=$!; fi
  local started=$EPOCHREALTIME
  "${seq_cmd[@]}" play "$piece" --port midi-monitor:input --bars "$bars" --timing-report "$work/report-$label.json" --quiet &
  seq_pid=$!
  if [ "$probe" = 1 ]; then "$py" "$repo/benchmarks/stall-sidecar.py" "$seq_pid" "$work/sidecar-$label.txt" 5 & sidecar_pid=$!; fi
  wait "$seq_pid"; seq_pid=""
  play_seconds=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  if [ "$probe" = 1 ]; then
    wait "$sidecar_pid"; sidecar_pid=""
    kill -TERM "$canary_pid"; wait "$canary_pid"; canary_pid=""
  fi
  # A few periods for the last messages to pass through JACK before the receiver stops.
  sleep 0.2
  after=$(xrun_lines)
  kill -TERM "$receiver_pid"; wait "$receiver_pid"; receiver_pid=""
  "$py" "$repo/benchmarks/play-arrivals.py" run "$work/ideal.mid" "$work/arrivals-$label.txt" "$work/report-$label.json" \
    $((after - before)) "$work/result-$label.json" "$label" "$load_before" "$(load1)" $header || rc=$?
  case $rc in 0) ;; 3) differ_xrun=$((differ_xrun + 1)) ;; 4) differ_clean=$((differ_clean + 1)) ;; *) exit "$rc" ;; esac
  if [ "$probe" = 1 ]; then
    "$py" "$repo/benchmarks/stall-windows.py" "$work/report-$label.json" "$work/sidecar-$label.txt" "$work/canary-$label.txt" "${SHOW:-5}"
    if [ -n "$trace_instance" ]; then
      "$py" "$repo/benchmarks/stall-trace.py" "$work/canary-$label.txt" 2000 "${SHOW:-5}" "$work/report-$label.json"
    fi
  fi
}

# The closing word on the messages: exit 3 if any run's received messages were not the rendered ones.
report_differences() {
  [ $((differ_xrun + differ_clean)) = 0 ] && return 0
  echo "$script: THE RECEIVED MESSAGES DIFFER FROM THE RENDERED ONES in $((differ_xrun + differ_clean)) run(s) (see above):" \
    "$differ_clean without an xrun or a gap, $differ_xrun with xruns or gaps (JACK can lose the output of a client that misses its cycle;" \
    "try REALTIME=1)" >&2
  exit 3
}
