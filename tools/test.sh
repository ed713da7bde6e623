#!/usr/bin/env bash
# Sets up, checks the style, builds and runs the whole test suite (ctest; about 5 minutes on 2 cores after the build).
set -euo pipefail
cd "$(dirname "$0")/.."
tools/setup.sh --test
tools/check-format.sh
tools/build.sh
cd build
ctest --output-on-failure -j"$(nproc)" --timeout 900
