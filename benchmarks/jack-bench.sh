# Sourced by play-timing.sh and play-drift.sh: what both need before timing `seq play`.
#   - checks for jackd2, jack-tools and librtmidi6;
#   - builds src/SeqLang.Cli (or takes SEQ_DLL) into $seq_dll;
#   - makes $work, starts a private JACK dummy-driver server (48 kHz, 64-frame periods, --no-realtime)
#     and jack_midi_dump, whose input port midi-monitor:input receives what seq plays;
#   - stops both (SIGTERM) and removes $work on exit.
# Expects $repo and $script (the caller's name, for messages).
for tool in jackd jack_midi_dump jack_lsp; do
  command -v "$tool" >/dev/null || { echo "$script: $tool is missing; sudo apt-get install jackd2 jack-tools librtmidi6" >&2; exit 1; }
done

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
if [ -n "${SEQ_DLL:-}" ]; then
  seq_dll=$SEQ_DLL
else
  echo "building src/SeqLang.Cli (Release) ..."
  dotnet build "$repo/src/SeqLang.Cli" -c Release -nologo -v q >/dev/null
  seq_dll="$repo/src/SeqLang.Cli/bin/Release/net10.0/seq.dll"
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/seqlang-${script%.sh}.XXXXXX")
export JACK_DEFAULT_SERVER="seqlang-${script%.sh}-$$" JACK_NO_START_SERVER=1
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
jack_lsp >/dev/null 2>&1 || { echo "$script: jackd did not start:" >&2; cat "$work/jackd.log" >&2; exit 1; }
jack_midi_dump > /dev/null 2>&1 &
dump_pid=$!
for _ in $(seq 1 50); do jack_lsp | grep -q '^midi-monitor:input$' && break; sleep 0.1; done
