#include "train/runtime_tuning.h"

#include <ATen/Parallel.h>

#include <thread>

namespace tunebench {

int hardwareCores() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

int configureCpuThreads(int threads) {
  const int count = threads > 0 ? threads : hardwareCores();
  at::set_num_threads(count);
  return at::get_num_threads();
}

}  // namespace tunebench
