#!/usr/bin/env python3
"""Fused trials against trials one at a time (issue 24), side by side in one run, on the wall
clock of whole `tunebench-cli run` processes (data loading included):
  (a) the default preset xavier-vs-he-vs-adam (18 trials),
  (b) a 12-trial grid: 3 initializers x 2 optimizers x 2 seeds, 2 epochs, full Fashion-MNIST,
      2 jobs; also against the plain PyTorch loop (pytorch_reference_study.py --seeds 2),
  (c) playground-spiral, (d) deep-relu-init,
each with --fuse off and --fuse auto (auto fuses the networks that gain: see
kMostFusedMultiplyAdds; bench_fused forces fusion per shape). Prints seconds, samples/s, achieved
GFLOP/s (3 x the forward's multiply-adds x 2 per training sample) and the ratios.
Usage: run_fused_bench.py [BUILD_DIR]
"""
import json
import os
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.join(HERE, "..", "..")
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "build")
PRESETS = os.path.join(ROOT, "resources", "presets")

GRID_12 = {
    "name": "grid-12",
    "dataset": {"kind": "fashion-mnist", "validation": "test"},
    "model": {"kind": "mlp", "depth": 2, "width": 256, "activation": "relu"},
    "training": {"epochs": 2, "batch_size": 128},
    "defaults": {"lr": 0.01, "momentum": 0.9},
    "configurations": [{"initializer": i, "optimizer": o, **({"lr": 0.001} if o == "adam" else {})}
                       for i in ["xavier_uniform", "kaiming_normal", "normal"]
                       for o in ["momentum", "adam"]],
    "seeds": 2,
    "jobs": 2,
}


def timed(command):
    start = time.perf_counter()
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return time.perf_counter() - start, out


def multiply_adds(features, depth, width, classes):
    total, inputs = 0, features
    for _ in range(depth):
        total, inputs = total + inputs * width, width
    return total + inputs * classes


def run(cli, study, fuse):
    seconds, out = timed([cli, "run", study, "--quiet", "--json", "--fuse", fuse])
    rows = json.loads(out)
    assert rows and all(r["state"] in ("COMPLETE", "DIVERGED", "PRUNED") for r in rows), out[:400]
    return seconds, len(rows)


def main():
    cli = os.path.join(BUILD, "app", "tunebench-cli")
    with tempfile.TemporaryDirectory() as folder:
        grid = os.path.join(folder, "grid-12.json")
        with open(grid, "w") as f:
            json.dump(GRID_12, f)
        # name, study file, training samples a trial sees, multiply-adds a sample
        studies = [
            ("(a) xavier-vs-he-vs-adam", os.path.join(PRESETS, "xavier-vs-he-vs-adam.json"),
             2 * 60000, multiply_adds(784, 2, 256, 10)),
            ("(b) 12-trial grid", grid, 2 * 60000, multiply_adds(784, 2, 256, 10)),
            ("(c) playground-spiral", os.path.join(PRESETS, "playground-spiral.json"),
             200 * 800, multiply_adds(2, 2, 16, 2)),
            ("(d) deep-relu-init", os.path.join(PRESETS, "deep-relu-init.json"),
             1 * 48000, multiply_adds(784, 30, 128, 10)),
        ]
        print(f"{'study':28} {'fuse':5} {'trials':>6} {'seconds':>8} {'samples/s':>10} "
              f"{'GFLOP/s':>8} {'off/auto':>8}")
        for name, study, samples, mults in studies:
            seconds = {}
            for fuse in ("off", "auto"):
                seconds[fuse], trials = run(cli, study, fuse)
                rate = trials * samples / seconds[fuse]
                ratio = f"{seconds['off'] / seconds['auto']:.2f}x" if fuse == "auto" else ""
                print(f"{name:28} {fuse:5} {trials:6d} {seconds[fuse]:8.1f} {rate:10.0f} "
                      f"{rate * mults * 6 / 1e9:8.1f} {ratio:>8}", flush=True)
        reference, _ = timed(["/usr/bin/python3", os.path.join(HERE, "pytorch_reference_study.py"),
                              "--seeds", "2"])
        grid_auto, _ = run(cli, grid, "auto")
        print(f"(b) plain PyTorch loop, 12 trials one after another: {reference:.1f} s; "
              f"tunebench --fuse auto {grid_auto:.1f} s: {grid_auto / reference:.2f}x "
              f"(issue 24's target <= 0.30x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
