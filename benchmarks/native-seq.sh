# Sourced by the benchmark scripts: `native_seq WORK NAME` sets $seq to the program to time, SEQ if given, else the
# Native AOT build published into WORK/publish; NAME is the calling script, for its messages.
native_seq() {
  local work=$1 name=$2
  if [ -n "${SEQ:-}" ]; then
    seq=$SEQ
    echo "timing $seq (SEQ set: not publishing)"
  else
    # The Native AOT build, which src/SeqLang.Cli/SeqLang.Cli.csproj asks for (<PublishAot>true). Only
    # for a tree whose project file does not is -p:PublishAot=true passed: given on the command line it is
    # a global property that reaches every referenced project too, turning on the AOT analysers in the
    # libraries (SeqLang.Player's JIT warm-up then fails the build with IL2070/IL2075 as errors).
    local publish_args=()
    grep -q '<PublishAot>true</PublishAot>' "$repo/src/SeqLang.Cli/SeqLang.Cli.csproj" || publish_args=(-p:PublishAot=true)
    echo "publishing src/SeqLang.Cli (Release, linux-x64${publish_args[*]:+, ${publish_args[*]}}) ..."
    if ! dotnet publish "$repo/src/SeqLang.Cli" -c Release -r linux-x64 ${publish_args[@]+"${publish_args[@]}"} \
          -o "$work/publish" -nologo -v q > "$work/publish.log" 2>&1; then
      cat "$work/publish.log" >&2
      echo "$name: publish failed" >&2
      exit 1
    fi
    seq="$work/publish/seq"
  fi
  [ -x "$seq" ] || { echo "$name: no executable at $seq" >&2; exit 1; }
  seq=$(cd "$(dirname "$seq")" && pwd)/$(basename "$seq")
}
