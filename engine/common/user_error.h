#pragma once
#include <stdexcept>
#include <string>
#include <vector>

namespace tunebench {

// An error the user caused and can fix: a bad study file, a missing data folder, a corrupt file.
// `where` names the file and/or field path, `why` says what is wrong; what() is "where: why".
// Front ends print what() on one line and exit with code 2; they never show a stack trace.
class UserError : public std::runtime_error {
 public:
  UserError(std::string where, std::string why);
  const std::string& where() const { return where_; }
  const std::string& why() const { return why_; }

 private:
  std::string where_;
  std::string why_;
};

// Several problems found at once (study-file validation reports all of them, not just the first).
// what() lists them one per line.
class UserErrors : public std::runtime_error {
 public:
  explicit UserErrors(std::vector<UserError> problems);
  const std::vector<UserError>& problems() const { return problems_; }

 private:
  std::vector<UserError> problems_;
};

}  // namespace tunebench
