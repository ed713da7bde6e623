// One Fashion-MNIST epoch of the xavier-vs-he-vs-adam MLP (784-256-256-10, ReLU, Adam, batch 128)
// through the real Trainer, plus torch::mm's throughput on 1024x1024 as the machine's peak.
// Prints one JSON line; tests/bench/run_epoch_bench.py runs it beside the PyTorch reference.
#include <ATen/ATen.h>

#include <chrono>
#include <cstdlib>
#include <iostream>
#include <string>

#include "data/dataset_loader.h"
#include "optim/optimizer_factory.h"
#include "train/runtime_tuning.h"
#include "train/trainer.h"

namespace {

double mmGflops() {
  at::Tensor a = at::randn({1024, 1024});
  at::Tensor b = at::randn({1024, 1024});
  for (int i = 0; i < 3; ++i) at::mm(a, b);
  const int reps = 20;
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < reps; ++i) at::mm(a, b);
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return 2.0 * 1024 * 1024 * 1024 * reps / seconds / 1e9;
}

}  // namespace

int main(int argc, char** argv) {
  const int epochs = argc > 1 ? std::atoi(argv[1]) : 3;
  const int threads = argc > 2 ? std::atoi(argv[2]) : 0;
  const std::string model = argc > 3 ? argv[3] : "mlp";
  const std::string optimizer = argc > 4 ? argv[4] : "adam";
  const int used_threads = tunebench::configureCpuThreads(threads);
  tunebench::DatasetSpec data_spec;
  const tunebench::DataSplit data = tunebench::loadDataSplit(data_spec);

  tunebench::TrialSpec spec;
  spec.model.kind = model == "cnn" ? tunebench::ModelKind::kConvNet : tunebench::ModelKind::kMlp;
  spec.model.depth = 2;
  spec.model.width = model == "cnn" ? 128 : 256;
  spec.init.kind = tunebench::InitKind::kKaimingNormal;
  spec.optimizer.kind = *tunebench::parseOptimizerKind(optimizer);
  spec.optimizer.lr = 1e-3;
  spec.epochs = epochs;
  spec.batch_size = 128;
  tunebench::EventSink sink;
  const tunebench::TrialResult result = tunebench::Trainer().run(spec, data, sink);

  // Training FLOPs per sample of the MLP: forward 2*MACs, backward 2x forward, minus the first
  // layer's input gradient (the input needs none).
  const double macs = 784.0 * 256 + 256.0 * 256 + 256.0 * 10;
  const double flops_per_sample = 3 * 2 * macs - 2 * 784.0 * 256;
  std::cout << "{\"model\": \"" << model << "\", \"threads\": " << used_threads << ", \"state\": \""
            << tunebench::trialStateName(result.state) << "\", \"epoch_seconds\": [";
  for (std::size_t i = 0; i < result.epochs.size(); ++i) {
    std::cout << (i ? ", " : "") << result.epochs[i].seconds;
  }
  std::cout << "], \"samples_per_second\": [";
  for (std::size_t i = 0; i < result.epochs.size(); ++i) {
    std::cout << (i ? ", " : "") << result.epochs[i].samples_per_second;
  }
  std::cout << "], \"flops_per_sample\": " << (model == "mlp" ? flops_per_sample : 0.0)
            << ", \"mm_gflops\": " << mmGflops()
            << ", \"final_val_accuracy\": " << result.finalValAccuracy() << "}" << std::endl;
  return result.state == tunebench::TrialState::kComplete ? 0 : 1;
}
