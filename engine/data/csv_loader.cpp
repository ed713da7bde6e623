#include "data/csv_loader.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>

#include "common/user_error.h"

namespace tunebench {
namespace {

std::string trim(const std::string& text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string::npos) return "";
  const auto last = text.find_last_not_of(" \t\r");
  std::string cell = text.substr(first, last - first + 1);
  if (cell.size() >= 2 && cell.front() == '"' && cell.back() == '"') {
    cell = cell.substr(1, cell.size() - 2);
  }
  return cell;
}

std::vector<std::string> splitRow(const std::string& line) {
  std::vector<std::string> cells;
  std::string cell;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    if (c == ',' && !quoted) {
      cells.push_back(trim(cell));
      cell.clear();
    } else {
      cell += c;
    }
  }
  cells.push_back(trim(cell));
  return cells;
}

bool parseNumber(const std::string& text, double& value) {
  if (text.empty()) return false;
  char* end = nullptr;
  errno = 0;
  value = std::strtod(text.c_str(), &end);
  return errno == 0 && end == text.c_str() + text.size() && std::isfinite(value);
}

}  // namespace

Dataset loadCsv(const std::string& path, const std::string& label_column) {
  if (!std::filesystem::is_regular_file(path)) throw UserError(path, "no such file");
  std::ifstream in(path);
  if (!in) throw UserError(path, "cannot open for reading");
  std::string line;
  if (!std::getline(in, line) || trim(line).empty()) {
    throw UserError(path, "empty file: expected a header row");
  }
  const std::vector<std::string> header = splitRow(line);
  const auto label_it = std::find(header.begin(), header.end(), label_column);
  if (label_it == header.end()) {
    std::string columns;
    for (const auto& name : header) columns += (columns.empty() ? "" : ", ") + name;
    throw UserError(path, "no column named '" + label_column + "' (columns: " + columns + ")");
  }
  const auto label_index = static_cast<std::size_t>(label_it - header.begin());
  const std::size_t feature_count = header.size() - 1;
  if (feature_count == 0) throw UserError(path, "no feature columns besides the label");

  std::vector<float> features;
  std::vector<std::string> labels;
  std::vector<std::size_t> label_lines;
  std::size_t line_number = 1;
  while (std::getline(in, line)) {
    ++line_number;
    if (trim(line).empty()) continue;
    const std::vector<std::string> cells = splitRow(line);
    const std::string where = path + ":" + std::to_string(line_number);
    if (cells.size() != header.size()) {
      throw UserError(where, "expected " + std::to_string(header.size()) + " cells, got " +
                                 std::to_string(cells.size()));
    }
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c == label_index) continue;
      double value = 0;
      if (!parseNumber(cells[c], value)) {
        throw UserError(where, "column '" + header[c] + "': not a number: '" + cells[c] + "'");
      }
      features.push_back(static_cast<float>(value));
    }
    if (cells[label_index].empty()) throw UserError(where, "empty label");
    labels.push_back(cells[label_index]);
    label_lines.push_back(line_number);
  }
  if (labels.empty()) throw UserError(path, "no data rows after the header");

  // Labels that are all numbers are class indices: whole numbers from 0, in numeric order.
  // Otherwise they are names, in lexicographic order.
  bool all_numbers = true;
  for (const auto& label : labels) {
    double value = 0;
    all_numbers = all_numbers && parseNumber(label, value);
  }
  if (all_numbers) {
    for (std::size_t i = 0; i < labels.size(); ++i) {
      double value = 0;
      parseNumber(labels[i], value);
      if (std::floor(value) != value || value < 0) {
        throw UserError(path + ":" + std::to_string(label_lines[i]),
                        "label '" + labels[i] + "' in column '" + label_column +
                            "' is not a class index (number labels are whole numbers from 0)");
      }
    }
  }
  const bool all_integers = all_numbers;
  auto less = [all_integers](const std::string& a, const std::string& b) {
    return all_integers ? std::strtod(a.c_str(), nullptr) < std::strtod(b.c_str(), nullptr) : a < b;
  };
  std::vector<std::string> classes = labels;
  std::sort(classes.begin(), classes.end(), less);
  classes.erase(
      std::unique(classes.begin(), classes.end(),
                  [&](const auto& a, const auto& b) { return !less(a, b) && !less(b, a); }),
      classes.end());
  std::map<std::string, std::int64_t> index_of;
  for (std::size_t k = 0; k < classes.size(); ++k)
    index_of[classes[k]] = static_cast<std::int64_t>(k);

  const auto rows = static_cast<std::int64_t>(labels.size());
  Dataset data;
  data.inputs = at::from_blob(features.data(), {rows, static_cast<std::int64_t>(feature_count)},
                              at::TensorOptions().dtype(at::kFloat))
                    .clone();
  data.targets = at::empty({rows}, at::TensorOptions().dtype(at::kLong));
  auto targets = data.targets.accessor<std::int64_t, 1>();
  for (std::int64_t i = 0; i < rows; ++i) targets[i] = index_of.at(labels[i]);
  data.num_classes = static_cast<std::int64_t>(classes.size());
  data.class_names = classes;
  return data;
}

}  // namespace tunebench
