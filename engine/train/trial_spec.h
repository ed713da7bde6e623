#pragma once
#include <c10/core/Device.h>

#include <cstdint>
#include <cstdio>
#include <string>

#include "model/initializer.h"
#include "model/model_spec.h"
#include "optim/optimizer_spec.h"
#include "train/probe_settings.h"
#include "trial/param_map.h"

namespace tunebench {

// Everything one trial needs besides its data: a configuration plus a seed, on a device.
// Repeats of a configuration differ only in `seed`; the seed fixes the initial weights, the
// data order and dropout masks, so seed k gives every configuration the same data order.
// "ran past its time limit of 30 s (training.time_limit)": why a trial over its limit ended.
inline std::string timeLimitReason(double limit_seconds) {
  char limit[32];
  std::snprintf(limit, sizeof limit, "%g", limit_seconds);
  return std::string("ran past its time limit of ") + limit + " s (training.time_limit)";
}

struct TrialSpec {
  std::int64_t trial_id = 0;
  std::string configuration;  // human-readable parameters, e.g. "initializer=xavier_uniform ..."
  ParamMap params;            // the configuration's parameters (what `configuration` spells)
  ModelSpec model;
  InitSpec init;
  OptimizerSpec optimizer;
  ScheduleSpec schedule;
  std::int64_t epochs = 2;
  std::int64_t batch_size = 128;
  std::int64_t log_every_steps = 50;  // train-loss events every k optimizer steps
  double divergence_loss = 1e3;       // a training loss above this (or NaN/Inf) ends as DIVERGED
  double time_limit_seconds = 0.0;    // a trial still training after this ends FAILED (0: none)
  ProbeSettings probes;               // per-layer statistics every k steps (off by default)
  int boundary_grid = 0;  // 2-D data: decision boundary on a grid x grid lattice each epoch
  std::uint64_t seed = 0;
  c10::Device device = c10::Device(c10::kCPU);
};

}  // namespace tunebench
