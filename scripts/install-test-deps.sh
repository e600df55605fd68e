#!/usr/bin/env bash
# Installs what the test suites need beyond the .NET SDK and Node.js: the independent MIDI readers
# (python3-mido, midicsv), and for the player's tests a JACK server with its tools and RtMidi
# (jackd2, jack-tools, librtmidi6: tests/SeqLang.Player.Tests starts a private dummy-driver jackd, and also
# captures `seq play --synth`'s audio from it through libjack), and
# the C toolchain and zlib headers that .NET's native (AOT) compiler links the native seq with, a headless
# Chromium that screenshots seq roll's SVG as a browser shows it (tests/SeqLang.Cli.Tests/RollScreenshotTests.cs),
# and for `seq render -o X.wav` and `seq play --synth` FluidSynth, a General MIDI SoundFont, numpy and sox (the audio
# checks' readers).
# As root it installs them with apt-get; otherwise it says exactly what to run.
set -euo pipefail
packages=(python3-mido midicsv jackd2 jack-tools librtmidi6 gcc zlib1g-dev chromium libfluidsynth3 fluid-soundfont-gm python3-numpy sox libsox-fmt-base)
missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
  echo "installing: ${missing[*]}"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
else
  echo "The tests need these Debian packages: ${missing[*]}" >&2
  echo "Install them with: sudo apt-get update && sudo apt-get install -y ${missing[*]}" >&2
  exit 1
fi
