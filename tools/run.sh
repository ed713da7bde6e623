#!/usr/bin/env bash
# Sets up, builds and starts TuneBench on its built-in default study (Fashion-MNIST, shipped by
# Debian's dataset-fashion-mnist package: nothing to download).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh
tools/build.sh
exec build/app/tunebench-cli run resources/presets/xavier-vs-he-vs-adam.json "$@"
