#!/usr/bin/python3
"""Makes the TorchScript modules the tests use to break a run on purpose (tests/data/*.pt).

    /usr/bin/python3 tests/data/make_test_models.py  # Debian python3-torch

int_logits.pt: a valid module for Fashion-MNIST whose output is integers, so every trial that
trains it fails (the loss needs floating-point logits): a run in which no trial completes.
loops.pt: passes the fit check (a batch of 2) but loops forever on any larger batch: a forward
that never returns, which only a time limit or a stop can end.
"""
import os
from typing import List

import torch
from torch import nn


class IntLogits(nn.Module):
    input_shape: List[int]

    def __init__(self):
        super().__init__()
        self.input_shape = [1, 28, 28]
        self.out = nn.Linear(784, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        return self.out(x.flatten(1)).round().to(torch.int64)


class Loops(nn.Module):
    input_shape: List[int]

    def __init__(self):
        super().__init__()
        self.input_shape = [1, 28, 28]
        self.out = nn.Linear(784, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        y = self.out(x.flatten(1))
        if x.size(0) > 2:
            i = 0
            while i >= 0:  # 2^63 steps: never, for a test
                i = i + 1
        return y


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    torch.jit.script(IntLogits()).save(os.path.join(here, "int_logits.pt"))
    torch.jit.script(Loops()).save(os.path.join(here, "loops.pt"))
