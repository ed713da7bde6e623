#!/usr/bin/env bash
# Takes the README's pictures from the real window mid-study under Xvfb:
#   docs/screenshot.png   the TPE preset, curves and tables
#   docs/diagnostics.png  tanh-depth, Diagnostics (signal through depth, gradients, histograms)
#   docs/boundary.png     playground-spiral, Decision boundary
#   docs/comparison.png   the default preset finished, Comparison (dot and 95% whisker)
#   docs/effects.png      the default preset finished, Effects (the answer per parameter)
#   docs/importance.png   fashion-mlp-tpe finished, Importance (PED-ANOVA)
#   docs/history.png      fashion-mlp-tpe finished, History (objective by finish order, best so far)
#   docs/parallel.png     fashion-mlp-tpe finished, Parallel coordinates with lr brushed
#   docs/slices.png       fashion-mlp-tpe finished, Slices (objective against each parameter)
# Usage: tools/screenshot.sh [SECONDS]   (needs a build with the GUI: tools/build.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p docs
shoot() {  # preset view output seconds [extra options]
  xvfb-run -a -s "-screen 0 1280x900x24" build/app/tunebench "resources/presets/$1.json" \
    --view "$2" --screenshot "docs/$3" --after "$4" "${@:5}"
  echo "wrote docs/$3"
}
shoot fashion-mlp-tpe curves screenshot.png "${1:-16}"
shoot tanh-depth diagnostics diagnostics.png 10
shoot playground-spiral boundary boundary.png 4
shoot xavier-vs-he-vs-adam comparison comparison.png 45
shoot xavier-vs-he-vs-adam effects effects.png 80
shoot fashion-mlp-tpe importance importance.png 70
shoot fashion-mlp-tpe history history.png 70
shoot fashion-mlp-tpe parallel parallel.png 70 --brush lr:0.25:0.75
shoot fashion-mlp-tpe slices slices.png 70
