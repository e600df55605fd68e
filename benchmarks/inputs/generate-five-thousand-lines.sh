#!/usr/bin/env bash
# Writes five-thousand-lines.seq: exactly 5,000 lines of valid SeqLang (settings, then 249 tracks of
# 18 lanes each, drum and pitched tracks in turn), the input of the `seq check` benchmark.
# Deterministic: the same script always writes the same file, which is checked in beside it.
#   benchmarks/inputs/generate-five-thousand-lines.sh           rewrite the file
#   benchmarks/inputs/generate-five-thousand-lines.sh --check   fail if the checked-in file differs
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target="$here/five-thousand-lines.seq"

drum_names=(kick snare hat oh clap rim lt mt ht crash ride cb sh tb ph bd sd cp)
drum_lanes=(
  '"x*4"'
  '"~ x ~ x" vel 100'
  '"x*16" vel "90 60 75 60"'
  '"~ ~ ~ ~ ~ ~ ~ x?" vel 80'
  '"~ x ~ [x x]"'
  '"x(5,8,2)"'
  '"x(3,8)" vel 70'
  '"~ x(3,8,<0 2>)"'
  '"{x x x, x ~ x ~}%8" vel 60'
  '"x ~ ~ ~ ~ ~ ~ ~" vel "<127 100>"'
  '"[~ x]*4" swing 56'
  '"x(<3 5>,8,<0 2>)" vel 80'
  '"x*8?0.3" prob 0.9'
  '"<x ~> ~ x ~"'
  '"x@3 ~"'
  '"x ~ . x ~ . x ~ ~"'
  '"~ x!3 ~"'
  '"[x | ~ | x x]"'
)
notes=(c d e f g a b)
pitched_lanes=(
  'play "%s4 %s4 %s4 %s5" legato 0.5 vel 90'
  'play "<%s3'"'"'maj7 %s3'"'"'m7 %s3'"'"'maj7 %s3'"'"'7>" legato 0.9'
  'play "[0 2 4 6]*2" degrees octave 4'
  'play "%s4(3,8) %s4(5,8,2)" vel 70'
  'play "{%s5 %s5 %s5, %s4 %s5}%%6" legato 0.5'
  'cc 74 "<[20 40 60 80] [80 60 40 20]>"'
  'play "%s4 ~ %s4? [%s4 %s4]" prob 0.8 vel "<90 70>"'
  'play "<%s4 %s4 %s4>!2 %s4@2" transpose -12'
  'play "<0 0 5 3> ~ <0 0 5 3> [<0 0 5 3> <7 7 4 6>]" degrees octave 2 legato 0.9'
  'play "[%s3 %s3]*<2 3>" fast 2'
  'play "%s2 ~ %s3 %s2 ~ %s2 [%s2 %s2]" legato 0.8 vel 105'
  'cc 1 "[0 32 64 96 127]" slow 2'
  'play "<[%s4 %s4] [%s4 %s4 %s4]>" rev'
  'play "%s4 . %s4 %s4 . %s4" shift 0.25'
  'play "[%s5 | %s5 | %s5]*4" legato 0.3'
  'play "~ %s4@2 %s4" octave 5 humanize 5'
  'play "%s3 [%s3 %s3]/2" slow 2'
  'every 4 rev'
)

generate() {
  local out=$1 line=0 t i n
  {
    echo '// five-thousand-lines.seq: the input of the `seq check` benchmark, written by'
    echo '// generate-five-thousand-lines.sh (do not edit by hand). 249 tracks of 18 lanes each.'
    echo 'title "Five Thousand Lines"'
    echo 'tempo 120'
    echo 'meter 4/4'
    echo 'key D dorian'
    echo 'seed 7'
    echo 'swing 50'
    line=8
    for ((t = 0; t < 249; t++)); do
      if ((t % 3 == 0)); then
        echo "track drums$t channel 10 {"
        for ((i = 0; i < 18; i++)); do
          echo "  ${drum_names[i]} ${drum_lanes[(i + t) % 18]}"
        done
      else
        echo "track synth$t channel $((t % 9 + 1)) program $((t % 128)) {"
        for ((i = 0; i < 18; i++)); do
          local template=${pitched_lanes[i]} args=() stripped count
          stripped=${template//"%s"/}
          count=$(((${#template} - ${#stripped}) / 2))
          for ((n = 0; n < count; n++)); do args+=("${notes[(t + i + 2 * n) % 7]}"); done
          # shellcheck disable=SC2059 # the templates are format strings by design
          if ((count > 0)); then printf "  $template\n" "${args[@]}"; else printf "  $template\n"; fi
        done
      fi
      echo "}"
      line=$((line + 20))
    done
    # Pad to exactly 5,000 lines.
    while ((line < 5000)); do echo "// end"; line=$((line + 1)); done
  } > "$out"
}

if [ "${1:-}" = "--check" ]; then
  fresh=$(mktemp)
  trap 'rm -f "$fresh"' EXIT
  generate "$fresh"
  if ! cmp -s "$fresh" "$target"; then
    echo "five-thousand-lines.seq differs from what the generator writes; run $0 and commit." >&2
    exit 1
  fi
  echo "five-thousand-lines.seq is up to date"
else
  generate "$target"
  echo "wrote $target ($(wc -l < "$target") lines)"
fi
