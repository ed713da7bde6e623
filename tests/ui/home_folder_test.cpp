// Without HOME the window's folders would be /.config and /.local: the account's home stands in.
#include "ui/bridge/home_folder.h"

#include <gtest/gtest.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>
#include <string>

namespace tunebench::ui {
namespace {

TEST(HomeFolderTest, AMissingHomeBecomesTheAccountsHomeAndASetOneStays) {
  const char* before = std::getenv("HOME");
  const std::string saved = before != nullptr ? before : "";
  const passwd* entry = getpwuid(getuid());
  ASSERT_NE(entry, nullptr);

  unsetenv("HOME");
  EXPECT_TRUE(ensureHomeFolder());
  ASSERT_NE(std::getenv("HOME"), nullptr);
  EXPECT_EQ(std::string(std::getenv("HOME")), entry->pw_dir);

  setenv("HOME", "", 1);  // empty counts as missing
  EXPECT_TRUE(ensureHomeFolder());
  EXPECT_EQ(std::string(std::getenv("HOME")), entry->pw_dir);

  setenv("HOME", "/somewhere/else", 1);  // the user's choice is kept
  EXPECT_TRUE(ensureHomeFolder());
  EXPECT_EQ(std::string(std::getenv("HOME")), "/somewhere/else");

  if (before != nullptr) {
    setenv("HOME", saved.c_str(), 1);
  } else {
    unsetenv("HOME");
  }
}

}  // namespace
}  // namespace tunebench::ui
