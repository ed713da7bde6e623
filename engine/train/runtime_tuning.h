#pragma once

namespace tunebench {

// LibTorch's intra-op thread count that trains fastest by default on this build. Measured on a
// 2-core machine with Debian's LibTorch (no MKL; matrix products go to OpenBLAS, which runs its
// own thread pool): 1 intra-op thread gives a 0.87 s MLP epoch, 2 give 4.4 s, because OpenMP's
// spinning workers and OpenBLAS's threads fight over the cores. With MKL (upstream LibTorch)
// both share one OpenMP pool, so every core is used.
int defaultCpuThreads();

// Sets LibTorch's intra-op thread count (0: defaultCpuThreads()). Returns the count in force.
int configureCpuThreads(int threads);

// Sets the BLAS library's own thread count where it has one (OpenBLAS: openblas_set_num_threads,
// found at run time). Several trials at once each call into BLAS; with one BLAS thread each they
// share the cores instead of oversubscribing them. Returns false when the BLAS has no such knob.
bool configureBlasThreads(int threads);

// Number of hardware cores seen by the process.
int hardwareCores();

}  // namespace tunebench
