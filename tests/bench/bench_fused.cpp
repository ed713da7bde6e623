// Fused trials against the same trials one at a time, side by side in one run (issue 24): K
// trials of one MLP shape, each epoch trained (a) by the unfused Trainer one trial after the
// other and (b) as one stacked model (train/fused_trainer). Prints one JSON line per shape with
// both times and their ratio.
//   build/tests/bench/bench_fused [SUBSET] [EPOCHS]
#include <ATen/ATen.h>

#include <chrono>
#include <cstdlib>
#include <functional>
#include <iostream>
#include <vector>

#include "data/dataset_loader.h"
#include "train/fused_trainer.h"
#include "train/runtime_tuning.h"
#include "train/trainer.h"

namespace {

using tunebench::TrialSpec;

// 3 initializers x 2 optimizers x `seeds`, the default preset's crossing.
std::vector<TrialSpec> crossed(std::int64_t width, std::int64_t batch, std::int64_t epochs,
                               int seeds) {
  using tunebench::InitKind;
  using tunebench::OptimizerKind;
  std::vector<TrialSpec> specs;
  std::int64_t id = 1;
  for (const InitKind init :
       {InitKind::kXavierUniform, InitKind::kKaimingNormal, InitKind::kNormal}) {
    for (const OptimizerKind optimizer : {OptimizerKind::kMomentum, OptimizerKind::kAdam}) {
      for (int seed = 0; seed < seeds; ++seed) {
        TrialSpec spec;
        spec.trial_id = id++;
        spec.model.depth = 2;
        spec.model.width = width;
        spec.init.kind = init;
        spec.optimizer.kind = optimizer;
        spec.optimizer.lr = optimizer == OptimizerKind::kAdam ? 1e-3 : 1e-2;
        spec.optimizer.momentum = 0.9;
        spec.seed = static_cast<std::uint64_t>(seed);
        spec.epochs = epochs;
        spec.batch_size = batch;
        spec.log_every_steps = 50;
        specs.push_back(spec);
      }
    }
  }
  return specs;
}

double seconds(const std::function<void()>& work) {
  const auto start = std::chrono::steady_clock::now();
  work();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void compare(const char* name, const std::vector<TrialSpec>& specs,
             const tunebench::DataSplit& data) {
  tunebench::EventSink quiet;
  const double alone = seconds([&] {
    for (const TrialSpec& spec : specs) tunebench::Trainer().run(spec, data, quiet);
  });
  std::vector<tunebench::FusedTrial> trials;
  for (const TrialSpec& spec : specs) trials.push_back({spec, {}, nullptr});
  const double fused = seconds([&] { tunebench::FusedTrainer().run(trials, data, quiet); });
  std::cout << "{\"shape\": \"" << name << "\", \"trials\": " << specs.size()
            << ", \"train_samples\": " << data.train.size() << ", \"epochs\": " << specs[0].epochs
            << ", \"one_at_a_time_s\": " << alone << ", \"fused_s\": " << fused
            << ", \"speedup\": " << alone / fused << "}" << std::endl;
}

}  // namespace

int main(int argc, char** argv) {
  const std::int64_t subset = argc > 1 ? std::atoll(argv[1]) : 12000;
  const std::int64_t epochs = argc > 2 ? std::atoll(argv[2]) : 1;
  tunebench::configureCpuThreads(0);
  tunebench::DatasetSpec fashion;
  fashion.subset = subset;
  const tunebench::DataSplit fashion_data = tunebench::loadDataSplit(fashion);
  compare("fashion 784-256-256-10, batch 128", crossed(256, 128, epochs, 3), fashion_data);
  compare("fashion 784-64-64-10, batch 64", crossed(64, 64, epochs, 3), fashion_data);
  compare("fashion 784-32-32-10, batch 32", crossed(32, 32, epochs, 3), fashion_data);
  tunebench::DatasetSpec spiral;
  spiral.kind = tunebench::DatasetKind::kSynthetic2d;
  const tunebench::DataSplit spiral_data = tunebench::loadDataSplit(spiral);
  compare("2-D 2-16-16-2, batch 16", crossed(16, 16, epochs * 5, 3), spiral_data);
  // playground-spiral's group: four activations, decision boundaries (48 x 48) every epoch.
  std::vector<TrialSpec> playground = crossed(16, 16, epochs * 5, 1);
  playground.resize(4);
  const tunebench::Activation activations[] = {
      tunebench::Activation::kRelu, tunebench::Activation::kTanh, tunebench::Activation::kSigmoid,
      tunebench::Activation::kLinear};
  for (std::size_t k = 0; k < playground.size(); ++k) {
    playground[k].model.activation = activations[k];
    playground[k].boundary_grid = 48;
  }
  compare("2-D 2-16-16-2, batch 16, 4 activations, boundaries", playground, spiral_data);
  return 0;
}
