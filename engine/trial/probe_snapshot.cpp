#include "trial/probe_snapshot.h"

#include <nlohmann/json.hpp>

namespace tunebench {

std::string probeToJson(const ProbeSnapshot& snapshot) {
  nlohmann::json activations = nlohmann::json::array();
  for (const ActivationProbe& a : snapshot.activations) {
    activations.push_back({{"layer", a.layer},
                           {"mean", a.mean},
                           {"std", a.std},
                           {"dead", a.dead_fraction},
                           {"saturated", a.saturated_fraction},
                           {"histogram", a.histogram},
                           {"grad_std", a.grad_std}});
  }
  nlohmann::json weights = nlohmann::json::array();
  for (const WeightProbe& w : snapshot.weights) {
    weights.push_back({{"layer", w.layer},
                       {"weight_norm", w.weight_norm},
                       {"grad_norm", w.grad_norm},
                       {"grad_std", w.grad_std},
                       {"update_ratio", w.update_ratio}});
  }
  return nlohmann::json{{"step", snapshot.step},
                        {"epoch", snapshot.epoch},
                        {"range", snapshot.histogram_range},
                        {"activations", activations},
                        {"weights", weights}}
      .dump();
}

ProbeSnapshot probeFromJson(const std::string& text) {
  const auto json = nlohmann::json::parse(text);
  ProbeSnapshot snapshot;
  snapshot.step = json.at("step").get<std::int64_t>();
  snapshot.epoch = json.at("epoch").get<double>();
  snapshot.histogram_range = json.at("range").get<double>();
  for (const auto& a : json.at("activations")) {
    snapshot.activations.push_back({a.at("layer").get<std::string>(), a.at("mean").get<double>(),
                                    a.at("std").get<double>(), a.at("dead").get<double>(),
                                    a.at("saturated").get<double>(),
                                    a.at("histogram").get<std::vector<double>>()});
    // Snapshots stored before dL/dh was recorded have no such key; NaN is stored as null.
    const auto grad_std = a.find("grad_std");
    if (grad_std != a.end() && grad_std->is_number())
      snapshot.activations.back().grad_std = grad_std->get<double>();
  }
  for (const auto& w : json.at("weights")) {
    snapshot.weights.push_back({w.at("layer").get<std::string>(), w.at("weight_norm").get<double>(),
                                w.at("grad_norm").get<double>(), w.at("grad_std").get<double>(),
                                w.at("update_ratio").get<double>()});
  }
  return snapshot;
}

}  // namespace tunebench
