#include "common/json_reader.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

namespace tunebench {

void ProblemList::add(std::string where, std::string why) {
  problems_.emplace_back(std::move(where), std::move(why));
}

void ProblemList::throwIfAny() const {
  if (!problems_.empty()) throw UserErrors(problems_);
}

std::string describeJson(const nlohmann::json& value) {
  if (value.is_object()) return value.empty() ? "{}" : "an object";
  if (value.is_array()) return value.empty() ? "[]" : "an array of " + std::to_string(value.size());
  // Invalid UTF-8 (a user's file may hold any bytes) is replaced, never thrown about.
  constexpr auto kReplace = nlohmann::json::error_handler_t::replace;
  if (value.is_string()) {
    const auto& text = value.get_ref<const std::string&>();
    if (text.size() > 37) {
      std::size_t cut = 34;  // not inside a UTF-8 sequence (continuation bytes are 10xxxxxx)
      while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
      return nlohmann::json(text.substr(0, cut)).dump(-1, ' ', false, kReplace) + "...";
    }
  }
  return value.dump(-1, ' ', false, kReplace);  // a scalar: short
}

namespace {

// Where the parser is: one frame per open container, its current key or index.
class JsonPath {
 public:
  void open(bool array) { frames_.push_back({array, 0, "", {}}); }
  // The next key of the open object; false when the object already has it.
  bool key(const std::string& name) {
    if (frames_.empty()) return true;
    frames_.back().key = name;
    return frames_.back().keys.insert(name).second;
  }
  void closeOrValue(bool closed) {
    if (closed && !frames_.empty()) frames_.pop_back();
    if (!frames_.empty() && frames_.back().array) ++frames_.back().index;
  }
  std::size_t depth() const { return frames_.size(); }
  std::string text(std::size_t max_frames = 8) const {
    std::string path;
    for (std::size_t i = 0; i < frames_.size() && i < max_frames; ++i) {
      const Frame& frame = frames_[i];
      if (frame.array) {
        path += "[" + std::to_string(frame.index) + "]";
      } else if (!frame.key.empty()) {
        path += (path.empty() ? "" : ".") + frame.key;
      }
    }
    if (frames_.size() > max_frames) path += "...";
    return path;
  }

 private:
  struct Frame {
    bool array;
    std::size_t index;
    std::string key;
    std::set<std::string> keys;  // an object's keys so far
  };
  std::vector<Frame> frames_;
};

std::string at(const std::string& origin, const std::string& path) {
  return path.empty() ? origin : origin + ": " + path;
}

}  // namespace

nlohmann::json parseUserJson(const std::string& text, const std::string& origin) {
  JsonPath path;
  using Event = nlohmann::json::parse_event_t;
  const auto track = [&](int /*depth*/, Event event, nlohmann::json& parsed) {
    switch (event) {
      case Event::object_start:
      case Event::array_start:
        if (path.depth() >= static_cast<std::size_t>(kMaxJsonDepth)) {
          throw UserError(at(origin, path.text()), "nested too deep (more than " +
                                                       std::to_string(kMaxJsonDepth) + " levels)");
        }
        path.open(event == Event::array_start);
        break;
      case Event::key:
        // JSON parsers keep one of two equal keys silently (this one the last): "lr": 0.001,
        // "lr": 50 would train at 50. Name both instead.
        if (!path.key(parsed.get<std::string>())) {
          throw UserError(at(origin, path.text()),
                          "given twice in the same object: keep one (the later value would "
                          "silently replace the first)");
        }
        break;
      case Event::value:
        path.closeOrValue(false);
        break;
      case Event::object_end:
      case Event::array_end:
        path.closeOrValue(true);
        break;
    }
    return true;
  };
  try {
    return nlohmann::json::parse(text, track);
  } catch (const nlohmann::json::out_of_range& error) {  // 406: a number past a double
    const std::string message = error.what();
    const std::string marker = "number overflow parsing ";
    const auto cut = message.find(marker);
    const std::string token =
        cut == std::string::npos ? message : message.substr(cut + marker.size());
    throw UserError(at(origin, path.text()), "number out of range: " + token);
  } catch (const nlohmann::json::exception& error) {
    std::string message = error.what();
    const auto cut = message.find("parse error");
    throw UserError(
        origin, "not valid JSON: " + (cut == std::string::npos ? message : message.substr(cut)));
  }
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

namespace {
std::string numberText(double value) {
  std::ostringstream text;
  text << value;
  return text.str();
}
}  // namespace

std::optional<double> JsonObjectReader::number(const std::string& key, double low, double high) {
  const nlohmann::json* value = raw(key);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    problems_.add(fieldPath(key), "expected a number, got " + describeJson(*value));
    return std::nullopt;
  }
  const double number = value->get<double>();
  if (!std::isfinite(number) || number < low || number > high) {
    problems_.add(fieldPath(key), "must be in " + numberText(low) + ".." + numberText(high) +
                                      ", got " + describeJson(*value));
    return std::nullopt;
  }
  return number;
}

std::optional<std::int64_t> JsonObjectReader::integer(const std::string& key, std::int64_t low,
                                                      std::int64_t high) {
  const nlohmann::json* value = raw(key);
  if (value == nullptr) return std::nullopt;
  // Judged on the double: exact for every integer up to 2^53, and never cast out of range.
  const double number = value->is_number() ? value->get<double>() : std::nan("");
  if (!std::isfinite(number) || std::floor(number) != number) {
    problems_.add(fieldPath(key), "expected an integer, got " + describeJson(*value));
    return std::nullopt;
  }
  if (number < static_cast<double>(low) || number > static_cast<double>(high)) {
    problems_.add(fieldPath(key), "must be in " + std::to_string(low) + ".." +
                                      std::to_string(high) + ", got " + describeJson(*value));
    return std::nullopt;
  }
  return static_cast<std::int64_t>(number);
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
