#pragma once
#include <cstddef>
#include <string>

#include "data/dataset.h"

namespace tunebench {

// Loads a CSV file with a header row: every column but `label_column` must be numeric (features,
// float32 [N, F]); the label column holds class names or integers, mapped to 0..K-1 in sorted
// order (numerically when all labels are integers). Throws UserError naming the file, line and
// column for a missing label column, a non-numeric cell, a ragged row or an empty file.
Dataset loadCsv(const std::string& path, const std::string& label_column);

// The longest CSV line read (a row of 16 MiB is about a million features).
inline constexpr std::size_t kMostCsvLineBytes = std::size_t{16} << 20;

// The same from the file's text; `origin` names it in errors (what loadCsv calls once read).
Dataset parseCsvText(const std::string& text, const std::string& origin,
                     const std::string& label_column);

}  // namespace tunebench
