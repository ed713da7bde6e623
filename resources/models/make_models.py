#!/usr/bin/python3
"""Makes the example TorchScript models TuneBench ships (resources/models/*.pt).

    /usr/bin/python3 resources/models/make_models.py  # Debian python3-torch [OUT_FOLDER]

Each is a plain torch.nn.Module compiled with torch.jit.script and saved. `input_shape` (one
sample's [C, H, W]) is optional: with it TuneBench names the expected shape in its message when a
data set does not fit. TuneBench initializes every weight of rank >= 2 itself (the study's
initializer), so the weights saved here do not matter.
"""
import os
import sys
from typing import List

import torch
from torch import nn


class FashionMlp(nn.Module):
    input_shape: List[int]

    def __init__(self):
        super().__init__()
        self.input_shape = [1, 28, 28]
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 64)
        self.out = nn.Linear(64, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = x.flatten(1)
        x = torch.relu(self.fc1(x))
        x = torch.relu(self.fc2(x))
        return self.out(x)


class FashionCnn(nn.Module):
    input_shape: List[int]

    def __init__(self):
        super().__init__()
        self.input_shape = [1, 28, 28]
        self.conv1 = nn.Conv2d(1, 16, 3, padding=1)
        self.bn1 = nn.BatchNorm2d(16)
        self.conv2 = nn.Conv2d(16, 32, 3, padding=1)
        self.fc = nn.Linear(32 * 7 * 7, 64)
        self.out = nn.Linear(64, 10)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = torch.max_pool2d(torch.relu(self.bn1(self.conv1(x))), 2)
        x = torch.max_pool2d(torch.relu(self.conv2(x)), 2)
        x = torch.relu(self.fc(x.flatten(1)))
        return self.out(x)


class ColourCnn(FashionCnn):
    """The CNN for 3 x 32 x 32 colour images: a model that does not fit Fashion-MNIST."""

    def __init__(self):
        super().__init__()
        self.input_shape = [3, 32, 32]
        self.conv1 = nn.Conv2d(3, 16, 3, padding=1)
        self.fc = nn.Linear(32 * 8 * 8, 64)


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else os.path.dirname(os.path.abspath(__file__))
    torch.manual_seed(0)
    for name, net in [("fashion_mlp", FashionMlp()), ("fashion_cnn", FashionCnn()),
                      ("colour_cnn", ColourCnn())]:
        torch.jit.script(net).save(os.path.join(out, name + ".pt"))
        print(os.path.join(out, name + ".pt"))


if __name__ == "__main__":
    main()
