// libFuzzer: any bytes as a CSV table with a "label" column, through the CSV loader. Whatever it
// accepts must be consistent: one target per row, each a class index below the class count.
// Only UserError may leave; a crash, a leak, a hang or another exception is a finding.
#include <ATen/ATen.h>

#include <cstddef>
#include <cstdint>
#include <string>

#include "common/user_error.h"
#include "data/csv_loader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const tunebench::Dataset set = tunebench::parseCsvText(text, "fuzz.csv", "label");
    const bool consistent = set.inputs.size(0) == set.targets.size(0) && set.targets.numel() > 0 &&
                            set.targets.min().item<std::int64_t>() >= 0 &&
                            set.targets.max().item<std::int64_t>() < set.num_classes &&
                            static_cast<std::int64_t>(set.class_names.size()) == set.num_classes;
    if (!consistent) __builtin_trap();
  } catch (const tunebench::UserError&) {
    // the answer to bad input
  }
  return 0;
}
