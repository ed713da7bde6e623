#pragma once

namespace tunebench {

// Sets LibTorch's intra-op thread count for CPU work (0: one per hardware core). LibTorch starts
// with 1 thread on these machines; trials set it on purpose. Returns the count in force.
int configureCpuThreads(int threads);

// Number of hardware cores seen by the process.
int hardwareCores();

}  // namespace tunebench
