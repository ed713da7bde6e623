#!/usr/bin/env python3
"""The reference for bench_epoch: one Fashion-MNIST epoch of the preset's MLP written the way a
PyTorch user writes it (TensorDataset + DataLoader, nn.Sequential, Adam), with default settings.

Prints one JSON line: {"epoch_seconds": [...], "samples": N, "threads": T}.
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from fashion_idx import read_idx


def main():
    folder = sys.argv[1] if len(sys.argv) > 1 else "/usr/share/datasets/fashion-mnist"
    epochs = int(sys.argv[2]) if len(sys.argv) > 2 else 3
    images = read_idx(f"{folder}/train-images-idx3-ubyte.gz")
    labels = read_idx(f"{folder}/train-labels-idx1-ubyte.gz")
    x = torch.from_numpy(images.copy()).float().div(255.0).view(-1, 784)
    x = (x - 0.2860) / 0.3530
    y = torch.from_numpy(labels.astype(np.int64))
    loader = DataLoader(TensorDataset(x, y), batch_size=128, shuffle=True)

    torch.manual_seed(0)
    model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(),
                          nn.Linear(256, 10))
    optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    times = []
    for _ in range(epochs):
        start = time.perf_counter()
        model.train()
        for xb, yb in loader:
            optimizer.zero_grad()
            loss = loss_fn(model(xb), yb)
            loss.backward()
            optimizer.step()
        times.append(time.perf_counter() - start)
    print(json.dumps({"epoch_seconds": times, "samples": len(x), "threads": torch.get_num_threads(),
                      "final_loss": float(loss)}))


if __name__ == "__main__":
    main()
