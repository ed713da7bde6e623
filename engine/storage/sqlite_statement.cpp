#include "storage/sqlite_statement.h"

namespace tunebench::sqlite {

std::string fileUri(const std::string& path, const std::string& query) {
  std::string uri = "file:";
  for (const char c : path) {
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
