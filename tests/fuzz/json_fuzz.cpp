// libFuzzer: any bytes through the JSON layer every study file goes through (parseUserJson),
// then every reader accessor on whatever object comes out. Only UserError may leave; a crash,
// a leak, a hang or another exception is a finding.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "common/json_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  try {
    const nlohmann::json json = tunebench::parseUserJson(text, "fuzz.json");
    tunebench::ProblemList problems;
    tunebench::JsonObjectReader reader(json, "", problems);
    if (reader.isObject()) {
      for (auto it = json.begin(); it != json.end(); ++it) {
        const std::string& key = it.key();
        reader.string(key);
        reader.number(key);
        reader.integer(key, 0, 1000);
        reader.boolean(key);
        tunebench::describeJson(it.value());
      }
    }
    reader.rejectUnknownKeys();
  } catch (const tunebench::UserError&) {
    // the answer to bad input
  }
  return 0;
}
