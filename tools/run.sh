#!/usr/bin/env bash
# Sets up, builds and starts TuneBench on its built-in default study (Fashion-MNIST, shipped by
# Debian's dataset-fashion-mnist package: nothing to download). With a display it opens the
# window on the default preset, ready to Run; without one (ssh, CI) it runs the same study
# headless with tunebench-cli and prints the comparison.
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
preset=resources/presets/xavier-vs-he-vs-adam.json
if [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" ]]; then
  exec build/app/tunebench "$preset" "$@"
fi
echo "no display: running the default study headless (build/app/tunebench opens the window)" >&2
exec build/app/tunebench-cli run "$preset" "$@"
