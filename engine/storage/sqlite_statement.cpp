#include "storage/sqlite_statement.h"

namespace tunebench::sqlite {

std::string fileUri(const std::string& path, const std::string& query) {
  // An absolute path after an empty authority ("file:///tmp/s.db"): "file://tmp/s.db" would make
  // "tmp" a host. Linux reads a leading "//" as "/".
  const std::size_t slashes = path.find_first_not_of('/');
  const std::string normal =
      slashes != std::string::npos && slashes > 1 ? path.substr(slashes - 1) : path;
  std::string uri = normal.rfind('/', 0) == 0 ? "file://" : "file:";
  for (const char c : normal) {
    if (c == '%' || c == '?' || c == '#') {
      const char* hex = "0123456789ABCDEF";
      uri += '%';
      uri += hex[(c >> 4) & 0xF];
      uri += hex[c & 0xF];
    } else {
      uri += c;
    }
  }
  return query.empty() ? uri : uri + "?" + query;
}

}  // namespace tunebench::sqlite
