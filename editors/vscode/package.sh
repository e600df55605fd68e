#!/usr/bin/env bash
# Packages the extension as seqlang-VERSION.vsix in this folder, with @vscode/vsce from npm
# (pinned, fetched by npx, so `npm ci` for the tests stays small).
#   ./package.sh            package
#   ./package.sh --test     run the tests first
set -euo pipefail
cd "$(dirname "$0")"
vsce=(npx --yes @vscode/vsce@3.9.2)   # 4.x needs Node 22; this machine and CI have Node 20

if [ "${1:-}" = "--test" ]; then
  npm ci --no-audit --no-fund
  npm test
fi
version=$(node -p "require('./package.json').version")
# --no-dependencies: the extension only uses Node's built-ins, so node_modules (test tools) stays out.
# --skip-license / --allow-missing-repository: the repository has neither a LICENSE nor a public URL
# yet, and vsce would otherwise stop to ask.
"${vsce[@]}" package --no-dependencies --skip-license --allow-missing-repository \
  --out "seqlang-$version.vsix"
echo "packaged $(pwd)/seqlang-$version.vsix"
