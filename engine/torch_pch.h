// Precompiled header for targets that use LibTorch: only the parts of the C++ frontend we use.
#pragma once
#include <torch/nn/functional.h>
#include <torch/nn/module.h>
#include <torch/nn/modules.h>
#include <torch/optim.h>
#include <torch/types.h>
