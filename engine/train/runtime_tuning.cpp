#include "train/runtime_tuning.h"

#include <ATen/Context.h>
#include <ATen/Parallel.h>

#include <dlfcn.h>

#include <thread>

namespace tunebench {

int hardwareCores() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : static_cast<int>(cores);
}

bool configureBlasThreads(int threads) {
  using SetThreads = void (*)(int);
  auto* set = reinterpret_cast<SetThreads>(dlsym(RTLD_DEFAULT, "openblas_set_num_threads"));
  if (set == nullptr) return false;
  set(threads > 0 ? threads : hardwareCores());
  return true;
}

int defaultCpuThreads() { return at::hasMKL() ? hardwareCores() : 1; }

int configureCpuThreads(int threads) {
  at::set_num_threads(threads > 0 ? threads : defaultCpuThreads());
  return at::get_num_threads();
}

}  // namespace tunebench
