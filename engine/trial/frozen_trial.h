#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "trial/param_map.h"
#include "trial/trial_result.h"

namespace tunebench {

// A trial as stored: the immutable snapshot handed to samplers, pruners, reports and the UI.
struct FrozenTrial {
  std::int64_t id = 0;
  std::int64_t configuration_index = 0;  // 0, 1, ... in the order configurations were proposed
  std::uint64_t seed = 0;
  ParamMap params;
  std::string configuration;  // formatParams(params)
  std::string worker;         // who ran it last ("host:pid")
  std::string device;         // where it ran last ("cpu", "cuda:1"); "" until claimed
  std::optional<double>
      heartbeat;  // its worker's last sign of life (Unix seconds); none until claimed
  // The fused group it trained in (its smallest trial id; 0: it trained alone).
  std::int64_t fused_group = 0;
  TrialResult result;  // state, reason, epochs, steps, seconds, diverged step
  std::optional<std::int64_t> pruned_epoch;
  double prune_threshold = 0.0;
  std::vector<TrainLossPoint> train_losses;  // filled only by trials(..., with_train_losses)
};

}  // namespace tunebench
