// What probes cost: the same Fashion-MNIST training epoch with probes off and with probes every
// 50 steps, alternating (these machines drift; side by side is what counts), for the preset MLP
// (784-256-256-10) and the deep-relu-init net (30 x 128). Prints one JSON line per model with
// the medians and the overhead; exits 1 when an overhead reaches 10%.
// Usage: bench_probes [ROUNDS=3]
#include <algorithm>
#include <cstdlib>
#include <iostream>
#include <vector>

#include "data/dataset_loader.h"
#include "train/runtime_tuning.h"
#include "train/trainer.h"

namespace {

double median(std::vector<double> values) {
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double epochSeconds(const tunebench::DataSplit& data, std::int64_t depth, std::int64_t width,
                    std::int64_t probe_every) {
  tunebench::TrialSpec spec;
  spec.model.depth = depth;
  spec.model.width = width;
  spec.init.kind = tunebench::InitKind::kKaimingNormal;
  spec.optimizer.kind = tunebench::OptimizerKind::kAdam;
  spec.optimizer.lr = 1e-3;
  spec.epochs = 1;
  spec.batch_size = 128;
  spec.probes.every_steps = probe_every;
  tunebench::EventSink sink;
  const tunebench::TrialResult result = tunebench::Trainer().run(spec, data, sink);
  return result.epochs.empty() ? 0.0 : result.epochs[0].seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const int rounds = argc > 1 ? std::atoi(argv[1]) : 3;
  tunebench::configureCpuThreads(0);
  const tunebench::DataSplit data = tunebench::loadDataSplit(tunebench::DatasetSpec{});
  bool within = true;
  const std::pair<std::int64_t, std::int64_t> models[] = {{2, 256}, {30, 128}};
  for (const auto& [depth, width] : models) {
    std::vector<double> off, on;
    for (int r = 0; r < rounds; ++r) {
      off.push_back(epochSeconds(data, depth, width, 0));
      on.push_back(epochSeconds(data, depth, width, 50));
    }
    const double overhead = median(on) / median(off) - 1.0;
    within = within && overhead < 0.10;
    std::cout << "{\"benchmark\": \"probes_every_50_steps\", \"depth\": " << depth
              << ", \"width\": " << width << ", \"epoch_seconds_off\": " << median(off)
              << ", \"epoch_seconds_on\": " << median(on)
              << ", \"overhead_percent\": " << overhead * 100 << ", \"target_percent\": 10}"
              << std::endl;
  }
  return within ? 0 : 1;
}
