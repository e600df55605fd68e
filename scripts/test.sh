#!/usr/bin/env bash
# Runs every test suite of SeqLang on a fresh machine: installs what the tests need, checks that the
# committed parser matches the grammar, builds, publishes the native seq, runs the .NET suites (the CLI
# and player suites a second time against the native seq), the VS Code extension's tests, and the
# fuzz run. Ends with one line "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
log=$(mktemp -d)
passed=0; failed=0; status=0

step() { echo; echo "== $*"; }

step "test dependencies"
scripts/install-test-deps.sh || exit 1

step "generated parser is up to date"
if ! grammar/regen.sh --check; then failed=$((failed + 1)); status=1; else passed=$((passed + 1)); fi

step "build"
if ! dotnet build SeqLang.sln -c Release -nologo -v q > "$log/build.txt" 2>&1; then
  cat "$log/build.txt"; echo "0 passed, 1 failed"; exit 1
fi

step "native build (Native AOT: the seq that ships)"
# Published as a user would; any trimming or AOT warning fails it, since the program that ships must be warning-free.
rid=$(dotnet --info 2>/dev/null | sed -nE 's/^ *RID: *(.*)$/\1/p' | head -1)
rm -rf artifacts/native
if ! dotnet publish src/SeqLang.Cli -c Release -r "${rid:-linux-x64}" -o artifacts/native -nologo > "$log/native.txt" 2>&1 \
   || grep -qE "warning [A-Z]+[0-9]+" "$log/native.txt"; then
  cat "$log/native.txt"; echo "0 passed, 1 failed"; exit 1
fi
export SEQ_NATIVE="$PWD/artifacts/native/seq"
echo "$SEQ_NATIVE: $(du -h "$SEQ_NATIVE" | cut -f1)"

# suite NAME PROJECT [dotnet test args]: runs one test project and adds its counts.
suite() {
  local name=$1 project=$2; shift 2
  local file="$log/${name// /-}.txt"
  dotnet test "$project" -c Release --no-build -nologo "$@" > "$file" 2>&1
  local code=$?
  local summary p f
  summary=$(grep -E "^(Passed|Failed)!" "$file" | tail -1)
  echo "$name: ${summary:-no summary (exit $code)}"
  p=$(echo "$summary" | sed -nE 's/.*Passed: *([0-9]+).*/\1/p'); f=$(echo "$summary" | sed -nE 's/.*Failed: *([0-9]+).*/\1/p')
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ $code -ne 0 ]; then
    status=1; [ -z "$f" ] || [ "$f" = 0 ] && failed=$((failed + 1))
    grep -E "Failed |Error Message|Assert|error" "$file" | head -60
  fi
}

step ".NET test suites"
for project in tests/*/*.csproj; do
  name=$(basename "$project" .csproj)
  case "$name" in *.Fuzz) continue;; esac
  suite "$name" "$project"
done

step "the CLI and the player's process tests again, against the native seq"
SEQ_TEST_RUNS=native suite "SeqLang.Cli.Tests (native)" tests/SeqLang.Cli.Tests/SeqLang.Cli.Tests.csproj
SEQ_TEST_RUNS=native suite "SeqLang.Player.Tests (native)" tests/SeqLang.Player.Tests/SeqLang.Player.Tests.csproj

step "the .NET tool (scripts/install-tool.sh: the local manifest)"
# What a user installs: the RID-specific package must give the native program on this machine's RID.
if bash scripts/install-tool.sh > "$log/tool.txt" 2>&1 \
   && [ "$(dotnet seq --version 2>&1)" = "$("$SEQ_NATIVE" --version)" ] \
   && tool=$(find "$(dotnet nuget locals global-packages --list | sed -E 's/^[^:]*: *//')/seqlang.cli.${rid:-linux-x64}" -name seq -type f | head -1) \
   && [ -n "$tool" ] && head -c 4 "$tool" | grep -q ELF; then
  echo "dotnet seq --version: $(dotnet seq --version) (native: $tool)"; passed=$((passed + 1))
else
  cat "$log/tool.txt"; echo "the tool did not install, or is not the native program"; failed=$((failed + 1)); status=1
fi

if [ -f editors/vscode/package.json ]; then
  step "VS Code extension"
  (cd editors/vscode && export CI=1 && npm ci --no-audit --no-fund --loglevel=error >/dev/null && npm test) > "$log/vscode.txt" 2>&1
  code=$?
  tail -12 "$log/vscode.txt"
  p=$(sed -nE 's/^# pass ([0-9]+)/\1/p' "$log/vscode.txt" | tail -1); f=$(sed -nE 's/^# fail ([0-9]+)/\1/p' "$log/vscode.txt" | tail -1)
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0}))
  if [ $code -ne 0 ]; then status=1; [ "${f:-0}" = 0 ] && failed=$((failed + 1)); fi
fi

if [ -x scripts/fuzz.sh ]; then
  step "fuzz (100,000 inputs)"
  if scripts/fuzz.sh 100000; then passed=$((passed + 1)); else failed=$((failed + 1)); status=1; fi
fi

echo
echo "$passed passed, $failed failed"
exit $status
