#!/usr/bin/env bash
# Makes `dotnet seq ...` work in this repository (the local tool manifest in .config/ names it), and
# with --global installs `seq` for the user (~/.dotnet/tools). coreutils owns the name `seq` on PATH:
# `dotnet seq` never clashes; for the global command put ~/.dotnet/tools before /usr/bin in PATH.
#
# --native [DIR] installs the fastest-starting build instead: self-contained, every assembly and the
# .NET runtime precompiled together (ReadyToRun composite), so almost nothing is compiled at run time.
# It goes to DIR (default ~/.local/lib/seqlang) with a link ~/.local/bin/seq; it needs no installed
# .NET runtime to run, takes ~90 MB and a few minutes to build. The benchmarks time this build.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--native" ]; then
  target=${2:-$HOME/.local/lib/seqlang}
  rid=$(dotnet --info 2>/dev/null | sed -nE 's/^ *RID: *(.*)$/\1/p' | head -1)
  rid=${rid:-linux-x64}
  echo "publishing a self-contained ReadyToRun composite build for $rid into $target (a few minutes) ..."
  rm -rf "$target"
  dotnet publish src/SeqLang.Cli -c Release -r "$rid" --self-contained true \
    -p:PublishReadyToRun=true -p:PublishReadyToRunComposite=true -o "$target" -nologo -v q
  mkdir -p "$HOME/.local/bin"
  ln -sf "$target/seq" "$HOME/.local/bin/seq"
  echo "installed $HOME/.local/bin/seq -> $target/seq; make it win over coreutils' seq with:"
  echo '  export PATH="$HOME/.local/bin:$PATH"'
  exit 0
fi
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
