#!/usr/bin/env bash
# Fuzzes the compiler and renderer in-process: scripts/fuzz.sh [COUNT] [SEED]  (default 100000 inputs).
# The long run for the record: scripts/fuzz.sh 1000000
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build tests/SeqLang.Fuzz -c Release -nologo -v q >/dev/null
exec dotnet tests/SeqLang.Fuzz/bin/Release/net10.0/SeqLang.Fuzz.dll "${1:-100000}" "${2:-20261121}"
