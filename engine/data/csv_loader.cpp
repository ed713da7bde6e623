#include "data/csv_loader.h"

#include <ATen/ATen.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include "common/redact.h"
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

// The text's lines one by one, each refused past kMostCsvLineBytes (a stream would fail on a
// huge line and silently end the file there).
class CsvLines {
 public:
  CsvLines(const std::string& text, const std::string& path) : text_(text), path_(path) {}
  bool next(std::string& line) {
    if (at_ >= text_.size()) return false;
    std::size_t end = text_.find('\n', at_);
    if (end == std::string::npos) end = text_.size();
    ++number_;
    if (end - at_ > kMostCsvLineBytes) {
      throw UserError(path_ + ":" + std::to_string(number_),
                      "a line of " + std::to_string(end - at_) + " bytes, more than the " +
                          std::to_string(kMostCsvLineBytes >> 20) + " MiB a CSV row may be");
    }
    line.assign(text_, at_, end - at_);
    at_ = end + 1;
    return true;
  }
  std::size_t number() const { return number_; }  // of the last line given

 private:
  const std::string& text_;
  const std::string& path_;
  std::size_t at_ = 0, number_ = 0;
};

Dataset parseCsvText(const std::string& text, const std::string& path,
                     const std::string& label_column) {
  CsvLines lines(text, path);
  std::string line;
  if (!lines.next(line) || trim(line).empty()) {
    throw UserError(path, "empty file: expected a header row");
  }
  const std::vector<std::string> header = splitRow(line);
  const auto label_it = std::find(header.begin(), header.end(), label_column);
  if (label_it == header.end()) {
    std::string columns;
    for (const auto& name : header) columns += (columns.empty() ? "" : ", ") + name;
    throw UserError(path, "no column named '" + shortened(label_column, 80) +
                              "' (columns: " + shortened(columns, 300) + ")");
  }
  const auto label_index = static_cast<std::size_t>(label_it - header.begin());
  const std::size_t feature_count = header.size() - 1;
  if (feature_count == 0) throw UserError(path, "no feature columns besides the label");

  std::vector<float> features;
  std::vector<std::string> labels;
  std::vector<std::size_t> label_lines;
  while (lines.next(line)) {
    const std::size_t line_number = lines.number();
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
        throw UserError(where, "column '" + shortened(header[c], 80) + "': not a number: '" +
                                   shortened(cells[c], 80) + "'");
      }
      features.push_back(static_cast<float>(value));
    }
    if (cells[label_index].empty()) throw UserError(where, "empty label");
    labels.push_back(cells[label_index]);
    label_lines.push_back(line_number);
  }
  if (labels.empty()) throw UserError(path, "no data rows after the header");

  // Labels that are all numbers are class indices: whole numbers from 0, in numeric order (so
  // "1" and "1.0" are one class, named as first written). Otherwise they are names, in
  // lexicographic order.
  std::vector<double> numbers(labels.size());
  bool all_numbers = true;
  for (std::size_t i = 0; i < labels.size() && all_numbers; ++i) {
    all_numbers = parseNumber(labels[i], numbers[i]);
  }
  std::vector<std::int64_t> target_of(labels.size());
  std::vector<std::string> classes;
  if (all_numbers) {
    std::map<double, std::string> name_of;
    for (std::size_t i = 0; i < labels.size(); ++i) {
      if (std::floor(numbers[i]) != numbers[i] || numbers[i] < 0) {
        throw UserError(path + ":" + std::to_string(label_lines[i]),
                        "label '" + labels[i] + "' in column '" + label_column +
                            "' is not a class index (number labels are whole numbers from 0)");
      }
      name_of.emplace(numbers[i], labels[i]);
    }
    std::map<double, std::int64_t> index_of;
    for (const auto& [value, name] : name_of) {
      index_of[value] = static_cast<std::int64_t>(classes.size());
      classes.push_back(name);
    }
    for (std::size_t i = 0; i < labels.size(); ++i) target_of[i] = index_of.at(numbers[i]);
  } else {
    std::map<std::string, std::int64_t> index_of;
    for (const auto& label : labels) index_of.emplace(label, 0);
    for (auto& [name, index] : index_of) {
      index = static_cast<std::int64_t>(classes.size());
      classes.push_back(name);
    }
    for (std::size_t i = 0; i < labels.size(); ++i) target_of[i] = index_of.at(labels[i]);
  }

  const auto rows = static_cast<std::int64_t>(labels.size());
  Dataset data;
  data.inputs = at::from_blob(features.data(), {rows, static_cast<std::int64_t>(feature_count)},
                              at::TensorOptions().dtype(at::kFloat))
                    .clone();
  data.targets =
      at::from_blob(target_of.data(), {rows}, at::TensorOptions().dtype(at::kLong)).clone();
  data.num_classes = static_cast<std::int64_t>(classes.size());
  data.class_names = classes;
  return data;
}

Dataset loadCsv(const std::string& path, const std::string& label_column) {
  if (!std::filesystem::is_regular_file(path)) throw UserError(path, "no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) throw UserError(path, "cannot open for reading");
  const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  if (in.bad()) throw UserError(path, "read failed");
  return parseCsvText(text, path, label_column);
}

}  // namespace tunebench
