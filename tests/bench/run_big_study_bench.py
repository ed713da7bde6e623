#!/usr/bin/env python3
"""A 10,000-trial study in the window (Qt's offscreen platform), beside a 1,000-trial one in the
same run: bench_ui big-study generates both SQLite files (plausible trials and curves, no
training), opens each in a new window and times a shown, filled window (target < 2 s), sort and
filter of the trial table (< 100 ms), one redraw of the curves and of the parallel coordinates
(< 50 ms) and one importance computation (< 1 s), and reports the window's memory. Prints one
line per figure with the 10x ratio (the scaling, which these noisy machines keep better than the
absolute times). Usage: run_big_study_bench.py [BUILD_DIR] [TRIALS]
"""
import json
import os
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "build")
TRIALS = sys.argv[2] if len(sys.argv) > 2 else "10000"


def main():
    bench = os.path.join(BUILD, "tests", "bench", "bench_ui")
    run = subprocess.run([bench, "big-study", TRIALS], capture_output=True, text=True,
                         env=dict(os.environ, QT_QPA_PLATFORM="offscreen"))
    figures = json.loads(run.stdout.strip().splitlines()[-1])
    n, ref = figures["trials"], figures["reference_trials"]
    print(f"generated {n} trials in {figures['generate_ms']:.0f} ms")
    for key, name in [("window_ms", "shown, filled window"), ("sort_ms", "sort by val loss"),
                      ("filter_ms", "filter by text"), ("curves_redraw_ms", "curves redraw"),
                      ("parallel_redraw_ms", "parallel coordinates redraw"),
                      ("importance_ms", "importance (PED-ANOVA)"),
                      ("memory_mib", "window memory (MiB)")]:
        target = figures.get(key + "_target")
        print(f"{name:30s} {figures[key]:9.1f} at {n}, {figures[key + '_reference']:8.1f} at "
              f"{ref} (x{figures[key + '_ratio']:.1f})"
              + (f"  target < {target:g}" if target else ""))
    return run.returncode


if __name__ == "__main__":
    sys.exit(main())
