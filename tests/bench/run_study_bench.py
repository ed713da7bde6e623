#!/usr/bin/env python3
"""Side-by-side study benchmark: `tunebench-cli run` of the xavier-vs-he-vs-adam preset (18 trials
of 2 epochs) with --jobs 2, against pytorch_reference_study.py running the same 18 trials one
after another. Both are whole processes timed on the wall clock (data loading included), in one
run, alternating. Target: ratio <= 0.4. Also runs bench_study_overhead (target < 5 ms).
Usage: run_study_bench.py [BUILD_DIR] [ROUNDS]
"""
import json
import os
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 1


def timed(command):
    start = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def main():
    cli = os.path.join(BUILD, "app", "tunebench-cli")
    preset = os.path.join(ROOT, "resources", "presets", "xavier-vs-he-vs-adam.json")
    reference = os.path.join(HERE, "pytorch_reference_study.py")
    ours, theirs = [], []
    for _ in range(ROUNDS):
        seconds, _ = timed(["/usr/bin/python3", reference])
        theirs.append(seconds)
        seconds, out = timed([cli, "run", preset, "--jobs", "2", "--quiet", "--json"])
        ours.append(seconds)
        rows = json.loads(out)
        assert len(rows) == 18 and all(r["state"] == "COMPLETE" for r in rows), "study did not complete"
    ratio = statistics.median(ours) / statistics.median(theirs)
    print(f"python, 18 trials one after another: {statistics.median(theirs):.1f} s")
    print(f"tunebench-cli run --jobs 2:          {statistics.median(ours):.1f} s")
    print(f"ratio: {ratio:.2f}  (target <= 0.40)")
    overhead = json.loads(subprocess.run([os.path.join(BUILD, "tests", "bench", "bench_study_overhead")],
                                         capture_output=True, text=True).stdout.strip().splitlines()[-1])
    print(f"study overhead per trial with {overhead['finished_trials']} finished trials: "
          f"{overhead['ms_per_trial']:.2f} ms  (target < 5)")
    return 0 if ratio <= 0.4 and overhead["ms_per_trial"] < 5 else 1


if __name__ == "__main__":
    sys.exit(main())
