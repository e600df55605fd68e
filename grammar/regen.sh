#!/usr/bin/env bash
# Regenerates src/SeqLang.Syntax/Generated/ from grammar/*.g4 with antlr-ng (pinned, from npm; no Java).
#   grammar/regen.sh           write the generated C# into the source tree
#   grammar/regen.sh --check   generate into a temporary folder and fail if it differs from what is committed
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target="$here/../src/SeqLang.Syntax/Generated"
antlr=(npx --yes antlr-ng@1.0.10)
options=(-Dlanguage=CSharp -v false -l false -p SeqLang.Syntax.Generated)

generate() {
  local out=$1 work
  work=$(mktemp -d)
  cp "$here"/*.g4 "$work/"
  # Lexer grammars first: a parser grammar reads its lexer's .tokens file through --lib.
  (cd "$work" && for g in *Lexer.g4; do "${antlr[@]}" "${options[@]}" -o gen "$g" >/dev/null || exit 1; done)
  (cd "$work" && for g in *.g4; do case "$g" in *Lexer.g4) continue;; esac
     "${antlr[@]}" "${options[@]}" --lib gen -o gen "$g" >/dev/null || exit 1; done)
  rm -rf "$out"; mkdir -p "$out"
  # Only the C#: .interp and .tokens files are build-time artefacts of the tool.
  for f in "$work"/gen/*.cs; do
    # The generated parser is an implementation detail: nothing outside SeqLang.Syntax may see a *Context type.
    # Child accessors call RuleContextChildren instead of ANTLR's generic virtual methods and enumerating token accessors (see that class).
    # The state machines are read without ANTLR's self-check and optimising passes, at every start of seq: the serialized
    # form is the tool's own output, pinned and tested, they cost 3 % of a 4-bar render, and checking 5,000 lines is no slower without them.
    sed -E -e 's/^public (partial |interface |class )/internal \1/' \
           -e 's/^(\[[^]]*\]\s*)?public (partial |interface |class )/\1internal \2/' \
           -e 's/\bGetRuleContexts<([A-Za-z_]+)>\(\)/RuleContextChildren.All<\1>(this)/g' \
           -e 's/\bGetRuleContext<([A-Za-z_]+)>\(/RuleContextChildren.At<\1>(this, /g' \
           -e 's/\bGetTokens\(/RuleContextChildren.Tokens(this, /g' \
           -e 's/\bGetToken\(/RuleContextChildren.Token(this, /g' \
           -e 's/new ATNDeserializer\(\)\.Deserialize\(_serializedATN\)/new ATNDeserializer(new ATNDeserializationOptions { VerifyAtn = false, Optimize = false }).Deserialize(_serializedATN)/' \
           -e 's/[[:space:]]+$//' "$f" > "$out/$(basename "$f")"
  done
  rm -rf "$work"
}

if [ "${1:-}" = "--check" ]; then
  fresh=$(mktemp -d)
  generate "$fresh/Generated"
  if ! diff -r -q "$fresh/Generated" "$target" >/dev/null; then
    diff -r "$fresh/Generated" "$target" | head -40
    echo "grammar/regen.sh --check: the committed parser in src/SeqLang.Syntax/Generated differs from a fresh generation; run grammar/regen.sh and commit." >&2
    rm -rf "$fresh"; exit 1
  fi
  rm -rf "$fresh"
  echo "grammar/regen.sh --check: generated parser is up to date"
else
  generate "$target"
  echo "regenerated $(ls "$target" | wc -l) files in src/SeqLang.Syntax/Generated"
fi
