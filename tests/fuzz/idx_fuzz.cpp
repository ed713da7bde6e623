// libFuzzer: any bytes as an IDX file (raw or gzip), through the reader the MNIST-format data
// sets use. The payload limit is lowered to 64 MiB so that a small compressed input cannot ask
// for more memory than the fuzzer's RSS limit; everything else is the reader as it runs.
// Only UserError may leave; a crash, a leak, a hang or another exception is a finding.
#include <ATen/core/Tensor.h>

#include <cstddef>
#include <cstdint>
#include <string_view>

#include "common/user_error.h"
#include "data/idx_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  try {
    const at::Tensor tensor = tunebench::parseIdxBytes(bytes, "fuzz-idx3-ubyte", 64 << 20);
    if (tensor.numel() == 0) __builtin_trap();  // the reader promises a non-empty tensor
  } catch (const tunebench::UserError&) {
    // the answer to bad input
  }
  return 0;
}
