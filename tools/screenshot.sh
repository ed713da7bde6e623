#!/usr/bin/env bash
# Takes docs/screenshot.png from the real window mid-study: the TPE preset running under Xvfb.
# Usage: tools/screenshot.sh [SECONDS]   (needs a build with the GUI: tools/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
xvfb-run -a -s "-screen 0 1280x900x24" build/app/tunebench resources/presets/fashion-mlp-tpe.json --screenshot docs/screenshot.png --after "${1:-12}"
echo "wrote docs/screenshot.png"
