#!/usr/bin/env bash
# Makes `dotnet seq ...` work in this repository (the local tool manifest in .config/ names it), and
# with --global installs `seq` for the user (~/.dotnet/tools). coreutils owns the name `seq` on PATH:
# `dotnet seq` never clashes; for the global command put ~/.dotnet/tools before /usr/bin in PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(sed -nE 's|.*<Version>(.*)</Version>.*|\1|p' src/SeqLang.Cli/SeqLang.Cli.csproj)
rm -rf artifacts/packages
dotnet pack src/SeqLang.Cli -c Release -o artifacts/packages -nologo -v q
if [ "${1:-}" = "--global" ]; then
  dotnet tool update --global SeqLang.Cli --version "$version" --add-source artifacts/packages
  echo "installed ~/.dotnet/tools/seq $version; make it win over coreutils' seq with:"
  echo '  export PATH="$HOME/.dotnet/tools:$PATH"'
else
  dotnet tool restore --add-source artifacts/packages >/dev/null
  echo "dotnet seq is ready: dotnet seq --version"
fi
