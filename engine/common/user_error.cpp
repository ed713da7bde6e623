#include "common/user_error.h"

namespace tunebench {
namespace {
std::string joinLines(const std::vector<UserError>& problems) {
  std::string text;
  for (const auto& problem : problems) {
    if (!text.empty()) text += '\n';
    text += problem.what();
  }
  return text;
}
}  // namespace

UserError::UserError(std::string where, std::string why)
    : std::runtime_error(where.empty() ? why : where + ": " + why),
      where_(std::move(where)),
      why_(std::move(why)) {}

UserErrors::UserErrors(std::vector<UserError> problems)
    : std::runtime_error(joinLines(problems)), problems_(std::move(problems)) {}

}  // namespace tunebench
