#include "common/json_reader.h"

#include <cmath>
#include <nlohmann/json.hpp>

namespace tunebench {

void ProblemList::add(std::string where, std::string why) {
  problems_.emplace_back(std::move(where), std::move(why));
}

void ProblemList::throwIfAny() const {
  if (!problems_.empty()) throw UserErrors(problems_);
}

std::string describeJson(const nlohmann::json& value) {
  std::string text = value.dump();
  if (text.size() > 40) text = text.substr(0, 37) + "...";
  return text;
}

JsonObjectReader::JsonObjectReader(const nlohmann::json& value, std::string path,
                                   ProblemList& problems)
    : path_(std::move(path)), problems_(problems) {
  if (value.is_object()) {
    object_ = &value;
  } else {
    problems_.add(path_.empty() ? "(top level)" : path_,
                  "expected an object, got " + describeJson(value));
  }
}

bool JsonObjectReader::has(const std::string& key) const {
  return object_ != nullptr && object_->contains(key);
}

std::string JsonObjectReader::fieldPath(const std::string& key) const {
  return path_.empty() ? key : path_ + "." + key;
}

const nlohmann::json* JsonObjectReader::raw(const std::string& key) {
  known_.insert(key);
  if (object_ == nullptr) return nullptr;
  auto it = object_->find(key);
  return it == object_->end() ? nullptr : &*it;
}

std::optional<std::string> JsonObjectReader::string(const std::string& key) {
  const nlohmann::json* value = raw(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    problems_.add(fieldPath(key), "expected a string, got " + describeJson(*value));
    return std::nullopt;
  }
  return value->get<std::string>();
}

std::optional<double> JsonObjectReader::number(const std::string& key) {
  const nlohmann::json* value = raw(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    problems_.add(fieldPath(key), "expected a number, got " + describeJson(*value));
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<std::int64_t> JsonObjectReader::integer(const std::string& key) {
  const nlohmann::json* value = raw(key);
  if (value == nullptr) return std::nullopt;
  if (value->is_number_integer()) return value->get<std::int64_t>();
  if (value->is_number_float()) {
    double number = value->get<double>();
    if (std::isfinite(number) && std::floor(number) == number) {
      return static_cast<std::int64_t>(number);
    }
  }
  problems_.add(fieldPath(key), "expected an integer, got " + describeJson(*value));
  return std::nullopt;
}

std::optional<bool> JsonObjectReader::boolean(const std::string& key) {
  const nlohmann::json* value = raw(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    problems_.add(fieldPath(key), "expected true or false, got " + describeJson(*value));
    return std::nullopt;
  }
  return value->get<bool>();
}

void JsonObjectReader::rejectUnknownKeys() {
  if (object_ == nullptr) return;
  for (auto it = object_->begin(); it != object_->end(); ++it) {
    if (known_.count(it.key()) == 0) problems_.add(fieldPath(it.key()), "unknown key");
  }
}

}  // namespace tunebench
