#!/usr/bin/env python3
"""The reference for the study benchmark: the xavier-vs-he-vs-adam study (3 initializers x 2
optimizers x 3 seeds = 18 trials of 2 epochs, batch 128, validation on the test set after each
epoch) written as a PyTorch user would: one trial after another, DataLoader, default settings.

Prints one JSON line: {"seconds": wall time, "trials": 18, "accuracies": [...]}.
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn
from torch.utils.data import DataLoader, TensorDataset

from fashion_idx import read_idx


def load(folder, prefix):
    x = torch.from_numpy(read_idx(f"{folder}/{prefix}-images-idx3-ubyte.gz").copy()).float().div(255.0)
    y = torch.from_numpy(read_idx(f"{folder}/{prefix}-labels-idx1-ubyte.gz").astype(np.int64))
    return x.view(-1, 784), y


def init_weights(model, name):
    for layer in model:
        if isinstance(layer, nn.Linear):
            if name == "xavier_uniform":
                nn.init.xavier_uniform_(layer.weight)
            elif name == "kaiming_normal":
                nn.init.kaiming_normal_(layer.weight, nonlinearity="relu")
            else:
                nn.init.normal_(layer.weight, std=0.01)
            nn.init.zeros_(layer.bias)


def main():
    start = time.perf_counter()
    args = sys.argv[1:]
    seeds = 3
    if "--seeds" in args:  # the 12-trial grid of run_fused_bench.py: --seeds 2
        at = args.index("--seeds")
        seeds = int(args[at + 1])
        del args[at:at + 2]
    folder = args[0] if args else "/usr/share/datasets/fashion-mnist"
    x_train, y_train = load(folder, "train")
    x_test, y_test = load(folder, "t10k")
    mean, std = x_train.mean(), x_train.std()
    x_train, x_test = (x_train - mean) / std, (x_test - mean) / std
    accuracies = []
    for seed in range(seeds):
        for init in ["xavier_uniform", "kaiming_normal", "normal"]:
            for opt_name in ["momentum", "adam"]:
                torch.manual_seed(seed)
                model = nn.Sequential(nn.Linear(784, 256), nn.ReLU(), nn.Linear(256, 256), nn.ReLU(),
                                      nn.Linear(256, 10))
                init_weights(model, init)
                if opt_name == "momentum":
                    optimizer = torch.optim.SGD(model.parameters(), lr=0.01, momentum=0.9)
                else:
                    optimizer = torch.optim.Adam(model.parameters(), lr=0.001)
                loader = DataLoader(TensorDataset(x_train, y_train), batch_size=128, shuffle=True)
                loss_fn = nn.CrossEntropyLoss()
                for _ in range(2):
                    model.train()
                    for xb, yb in loader:
                        optimizer.zero_grad()
                        loss_fn(model(xb), yb).backward()
                        optimizer.step()
                    model.eval()
                    with torch.no_grad():
                        accuracy = (model(x_test).argmax(1) == y_test).float().mean().item()
                accuracies.append(accuracy)
    print(json.dumps({"seconds": time.perf_counter() - start, "trials": len(accuracies),
                      "accuracies": accuracies}))


if __name__ == "__main__":
    main()
