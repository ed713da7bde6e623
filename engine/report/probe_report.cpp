#include "report/probe_report.h"

#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>
#include <sstream>

namespace tunebench {
namespace {

// Adds `value` into the running sums at `index`, growing the vectors as needed.
void accumulate(std::vector<double>& sums, std::size_t index, double value) {
  if (sums.size() <= index) sums.resize(index + 1, 0.0);
  sums[index] += value;
}

void divide(std::vector<double>& sums, int count) {
  for (double& sum : sums) sum /= count;
}

std::string formatNumber(double value) {
  if (std::isnan(value)) return "n/a";
  char text[32];
  std::snprintf(text, sizeof(text), "%.3g", value);
  return text;
}

}  // namespace

std::vector<DepthProfile> depthProfiles(const std::vector<TrialProbes>& trials, std::int64_t step) {
  std::vector<DepthProfile> profiles;
  for (const TrialProbes& trial : trials) {
    const ProbeSnapshot* snapshot = nullptr;
    for (const ProbeSnapshot& s : trial.snapshots) {
      if (s.step == step) snapshot = &s;
    }
    if (snapshot == nullptr) continue;
    DepthProfile* profile = nullptr;
    for (DepthProfile& p : profiles) {
      if (p.configuration == trial.configuration) profile = &p;
    }
    if (profile == nullptr) {
      profiles.push_back(DepthProfile{});
      profile = &profiles.back();
      profile->configuration = trial.configuration;
      for (const auto& a : snapshot->activations) profile->activation_layers.push_back(a.layer);
      for (const auto& w : snapshot->weights) profile->weight_layers.push_back(w.layer);
    }
    profile->trials += 1;
    for (std::size_t i = 0; i < snapshot->activations.size(); ++i) {
      accumulate(profile->activation_std, i, snapshot->activations[i].std);
      accumulate(profile->dead_fraction, i, snapshot->activations[i].dead_fraction);
      accumulate(profile->saturated_fraction, i, snapshot->activations[i].saturated_fraction);
      accumulate(profile->backprop_grad_std, i, snapshot->activations[i].grad_std);
    }
    for (std::size_t i = 0; i < snapshot->weights.size(); ++i)
      accumulate(profile->grad_norm, i, snapshot->weights[i].grad_norm);
  }
  for (DepthProfile& p : profiles) {
    for (auto* sums : {&p.activation_std, &p.dead_fraction, &p.saturated_fraction,
                       &p.backprop_grad_std, &p.grad_norm})
      divide(*sums, p.trials);
  }
  return profiles;
}

std::string formatDepthTable(const std::vector<DepthProfile>& profiles) {
  std::ostringstream out;
  for (const DepthProfile& p : profiles) {
    out << p.configuration << " (" << p.trials << (p.trials == 1 ? " trial" : " trials") << ")\n";
    auto row = [&out](const char* what, const std::vector<std::string>& layers,
                      const std::vector<double>& values) {
      out << "  " << what << ":";
      for (std::size_t i = 0; i < values.size(); ++i)
        out << "  " << layers[i] << " " << formatNumber(values[i]);
      out << "\n";
    };
    row("activation std", p.activation_layers, p.activation_std);
    row("dead fraction", p.activation_layers, p.dead_fraction);
    row("saturated fraction", p.activation_layers, p.saturated_fraction);
    row("dL/dh std (gradient at the layer's output)", p.activation_layers, p.backprop_grad_std);
    row("dL/dW norm (gradient of the weights)", p.weight_layers, p.grad_norm);
  }
  return out.str();
}

std::string formatDepthJson(const std::vector<DepthProfile>& profiles) {
  nlohmann::json list = nlohmann::json::array();
  for (const DepthProfile& p : profiles) {
    list.push_back({{"configuration", p.configuration},
                    {"trials", p.trials},
                    {"activation_layers", p.activation_layers},
                    {"activation_std", p.activation_std},
                    {"dead_fraction", p.dead_fraction},
                    {"saturated_fraction", p.saturated_fraction},
                    {"backprop_grad_std", p.backprop_grad_std},
                    {"weight_layers", p.weight_layers},
                    {"grad_norm", p.grad_norm}});
  }
  return list.dump(2) + "\n";
}

}  // namespace tunebench
