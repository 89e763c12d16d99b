#!/usr/bin/env bash
# SPDX-License-Identifier: GPL-3.0-or-later
# The README's two commands.
#   bash tools/kiosk.sh run [kiosk options]   install, build, run the demo hall
#   bash tools/kiosk.sh test                  install, build (ci preset), run every test,
#                                             then the fuzz targets (fuzz preset, clang)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
what="${1:-run}"; shift || true

bash tools/deps.sh

case "$what" in
  run)
    cmake --preset dev >/dev/null
    cmake --build --preset dev --target kiosk
    if [ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]; then
      exec build/dev/kiosk/kiosk --window "$@"
    fi
    out="$root/build/demo"
    rm -rf "$out"; mkdir -p "$out/screenshots"
    echo "No display here: running the short headless demo instead."
    build/dev/kiosk/kiosk --headless --script config/demo/demo.script \
      --transcript "$out/transcript.jsonl" --screenshots "$out/screenshots" "$@"
    echo "Transcript:  $out/transcript.jsonl"
    echo "Screenshots: $out/screenshots/"
    ;;
  test)
    cmake --preset ci >/dev/null
    cmake --build --preset ci
    ctest --preset ci
    # The parsers of outside input under libFuzzer (clang, ASan; tests/fuzz): each runs
    # KIOSK_FUZZ_SECONDS (default 25) from its seeds; 0 skips this part.
    if [ "${KIOSK_FUZZ_SECONDS:-25}" != 0 ]; then
      cmake --preset fuzz -DKIOSK_FUZZ_SECONDS="${KIOSK_FUZZ_SECONDS:-25}" >/dev/null
      cmake --build --preset fuzz
      ctest --preset fuzz
    fi
    ;;
  *)
    echo "usage: bash tools/kiosk.sh run|test" >&2; exit 2 ;;
esac
