#pragma once
#include <stdexcept>
#include <string>

namespace tunebench {

// The storage could not do what was asked: its database is locked, full, gone or damaged.
// `where` names the database (a file path), `why` what failed; what() is "where: why". What was
// committed before it stays committed.
class StorageError : public std::runtime_error {
 public:
  StorageError(const std::string& where, const std::string& why)
      : std::runtime_error(where.empty() ? why : where + ": " + why), where_(where), why_(why) {}
  const std::string& where() const { return where_; }
  const std::string& why() const { return why_; }

 private:
  std::string where_;
  std::string why_;
};

}  // namespace tunebench
