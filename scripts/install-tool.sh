#!/usr/bin/env bash
# Installs `seq` as a .NET tool: with no argument for this repository (the local tool manifest in .config/,
# run as `dotnet seq ...`), with --global for the user (~/.dotnet/tools/seq).
#
# The tool is RID-specific (ToolPackageRuntimeIdentifiers in src/SeqLang.Cli/SeqLang.Cli.csproj): on linux-x64
# it is the native program (Native AOT, one file, nothing compiled at run time); elsewhere the framework-
# dependent build (`any`), which needs the .NET 10 runtime. This script packs the pointer package, the `any`
# package and, when this machine's RID is one the project lists, the native package, then installs from them.
#
# coreutils owns the name `seq` on PATH: `dotnet seq` never clashes; for the global command put
# ~/.dotnet/tools before /usr/bin in PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
case "${1:-}" in
  ""|--global) ;;
  *) echo "usage: scripts/install-tool.sh [--global]" >&2; exit 2 ;;
esac
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
csproj=src/SeqLang.Cli/SeqLang.Cli.csproj
version=$(sed -nE 's|.*<Version>(.*)</Version>.*|\1|p' "$csproj")
rids=$(sed -nE 's|.*<ToolPackageRuntimeIdentifiers>(.*)</ToolPackageRuntimeIdentifiers>.*|\1|p' "$csproj")
rid=$(dotnet --info 2>/dev/null | sed -nE 's/^ *RID: *(.*)$/\1/p' | head -1)

rm -rf artifacts/packages
echo "packing SeqLang.Cli $version: the pointer package and the framework-dependent fallback (any) ..."
dotnet pack "$csproj" -c Release -o artifacts/packages -nologo -v q
dotnet pack "$csproj" -c Release -r any -o artifacts/packages -nologo -v q
if [[ ";$rids;" == *";$rid;"* ]]; then
  echo "packing the native program for $rid (Native AOT, about a minute) ..."
  dotnet pack "$csproj" -c Release -r "$rid" -o artifacts/packages -nologo -v q
else
  echo "no native package for $rid (the project lists $rids): the tool is the framework-dependent build"
fi

# The version does not change from one build to the next: drop NuGet's cached copies so the new packages are used.
packages=$(dotnet nuget locals global-packages --list | sed -E 's/^[^:]*: *//')
rm -rf "$packages"/seqlang.cli "$packages"/seqlang.cli.*

if [ "${1:-}" = "--global" ]; then
  dotnet tool uninstall --global SeqLang.Cli > /dev/null 2>&1 || true
  dotnet tool install --global SeqLang.Cli --version "$version" --add-source artifacts/packages
  echo "installed ~/.dotnet/tools/seq $version; make it win over coreutils' seq with:"
  echo '  export PATH="$HOME/.dotnet/tools:$PATH"'
else
  dotnet tool restore --add-source artifacts/packages > /dev/null
  echo "dotnet seq is ready: dotnet seq --version"
fi
