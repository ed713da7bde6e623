// libFuzzer: any bytes through the JSON layer every study file goes through (parseUserJson),
// then every reader accessor on whatever object comes out; and the same bytes as a password
// that redactSecrets must hide. Only UserError may leave; a crash,
// a leak, a hang or another exception is a finding.
#include <cstddef>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <string>

#include "common/json_reader.h"
#include "common/redact.h"

namespace {

// The bytes as a password in a URL's user information and in its query: redactSecrets must
// leave no trace of it (a password has no '/', '?', '#', space or quote unescaped in a URL).
void checkRedaction(const std::string& text) {
  std::string password;
  for (const char c : text) {
    if (std::string("/?#&\"'` \t\n\r\f\v<>").find(c) == std::string::npos) password += c;
  }
  const std::string shown = "postgresql://u:***@h/d?password=***";
  if (password.size() < 4 || shown.find(password) != std::string::npos) return;
  const std::string url = "postgresql://u:" + password + "@h/d?password=" + password;
  if (tunebench::redactSecrets(url).find(password) != std::string::npos) __builtin_trap();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string text(reinterpret_cast<const char*>(data), size);
  checkRedaction(text);
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
