#!/usr/bin/env python3
"""Side-by-side epoch benchmark: TuneBench's trainer against the plain PyTorch loop.

Runs bench_epoch (C++) and pytorch_reference_epoch.py alternately, ROUNDS times each with EPOCHS
epochs per run, on the same machine in one go, then prints the medians, their ratio (target:
<= 0.5), the epoch's achieved GFLOP/s next to torch::mm's on 1024x1024, and the CNN's throughput.
Usage: run_epoch_bench.py [BUILD_DIR] [ROUNDS] [EPOCHS]
"""
import json
import os
import statistics
import subprocess
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BUILD = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "..", "..", "build")
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 2
EPOCHS = int(sys.argv[3]) if len(sys.argv) > 3 else 3
PYTHON = "/usr/bin/python3"  # Debian's python3-torch, the same LibTorch 1.13 build


def run_json(command):
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def main():
    bench = os.path.join(BUILD, "tests", "bench", "bench_epoch")
    reference = os.path.join(HERE, "pytorch_reference_epoch.py")
    engine_epochs, python_epochs, mm = [], [], []
    flops_per_sample = None
    for _ in range(ROUNDS):
        py = run_json([PYTHON, reference, "/usr/share/datasets/fashion-mnist", str(EPOCHS)])
        python_epochs += py["epoch_seconds"]
        cpp = run_json([bench, str(EPOCHS), "0", "mlp", "adam"])
        engine_epochs += cpp["epoch_seconds"]
        mm.append(cpp["mm_gflops"])
        flops_per_sample = cpp["flops_per_sample"]
    cnn = run_json([bench, "1", "0", "cnn", "adam"])

    engine, python = statistics.median(engine_epochs), statistics.median(python_epochs)
    ratio = engine / python
    gflops = flops_per_sample * 60000 / engine / 1e9
    print(f"python reference epoch (median of {len(python_epochs)}): {python:.3f} s")
    print(f"tunebench epoch        (median of {len(engine_epochs)}): {engine:.3f} s")
    print(f"ratio tunebench / python: {ratio:.2f}  (target <= 0.50)")
    print(f"MLP: {60000 / engine:,.0f} samples/s, {gflops:.1f} GFLOP/s achieved; "
          f"torch::mm 1024x1024 peak {statistics.median(mm):.1f} GFLOP/s")
    print(f"CNN: {statistics.median(cnn['samples_per_second']):,.0f} samples/s (1 epoch, Adam, batch 128)")
    return 0 if ratio <= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
