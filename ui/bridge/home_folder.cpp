#include "ui/bridge/home_folder.h"

#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

namespace tunebench::ui {

bool ensureHomeFolder() {
  const char* home = std::getenv("HOME");
  if (home != nullptr && *home != '\0') return true;
  const passwd* entry = getpwuid(getuid());
  if (entry == nullptr || entry->pw_dir == nullptr || *entry->pw_dir == '\0') return false;
  return setenv("HOME", entry->pw_dir, 1) == 0;
}

}  // namespace tunebench::ui
