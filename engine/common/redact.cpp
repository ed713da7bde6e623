#include "common/redact.h"

#include <algorithm>
#include <cctype>

namespace tunebench {
namespace {

constexpr const char* kHidden = "***";

// libpq reads a URL's user information up to its first '/' (a password may hold '?', '#', '@'
// or a space), and so does this: in a longer message that may hide more than the password (up
// to the message's last '@' when no '/' follows the URL), never less.
bool endsUserInfo(char c) { return c == '/'; }

// A value ends at '&' or '#' inside a URL's query, else (libpq's key=value text) at a space.
bool endsValue(char c, bool in_query) {
  return std::isspace(static_cast<unsigned char>(c)) ||
         (in_query && (c == '&' || c == '#' || c == '"' || c == '\'' || c == '`'));
}

bool isNameChar(char c) { return std::isalnum(static_cast<unsigned char>(c)) || c == '_'; }

bool isSecretName(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return name.find("password") != std::string::npos || name == "pass" || name == "passwd" ||
         name == "pwd";
}

// Hides the password of every "scheme://user:password@host" in `text`.
std::string redactUserInfo(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t scheme = text.find("://"); scheme != std::string::npos;
       scheme = text.find("://", scheme + 3)) {
    const std::size_t start = scheme + 3;
    std::size_t end = start;
    while (end < text.size() && !endsUserInfo(text[end])) ++end;
    const std::size_t at = text.rfind('@', end == 0 ? 0 : end - 1);
    if (at == std::string::npos || at < start) continue;
    const std::size_t colon = text.find(':', start);
    if (colon == std::string::npos || colon > at) continue;
    out += text.substr(from, colon + 1 - from) + kHidden;
    from = at;
  }
  return out + text.substr(from);
}

// Hides the value of every "name=value" whose name is a password's.
std::string redactParameters(const std::string& text) {
  std::string out;
  std::size_t from = 0;
  for (std::size_t eq = text.find('='); eq != std::string::npos; eq = text.find('=', eq + 1)) {
    std::size_t name = eq;
    while (name > 0 && isNameChar(text[name - 1])) --name;
    if (name == eq || !isSecretName(text.substr(name, eq - name))) continue;
    const bool in_query = name > 0 && (text[name - 1] == '?' || text[name - 1] == '&');
    std::size_t end = eq + 1;
    if (!in_query && end < text.size() && text[end] == '\'') {  // libpq's quoted key=value form
      ++end;
      while (end < text.size() && text[end] != '\'') end += text[end] == '\\' ? 2 : 1;
      end = std::min(end + 1, text.size());
    } else {
      while (end < text.size() && !endsValue(text[end], in_query)) ++end;
    }
    if (eq + 1 < from) continue;
    out += text.substr(from, eq + 1 - from) + kHidden;
    from = end;
    eq = end == 0 ? 0 : end - 1;
  }
  return out + text.substr(from);
}

}  // namespace

std::string redactSecrets(const std::string& text) {
  return redactParameters(redactUserInfo(text));
}

std::string shortened(const std::string& text, std::size_t limit) {
  if (text.size() <= limit) return text;
  std::size_t cut = limit;
  // Back to the start of a UTF-8 character (continuation bytes are 10xxxxxx).
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return text.substr(0, cut) + "... (" + std::to_string(text.size()) + " bytes)";
}

}  // namespace tunebench
